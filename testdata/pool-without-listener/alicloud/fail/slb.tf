resource "alicloud_slb_load_balancer" "main" {
  load_balancer_name = "${var.app_name}-clb"
  address_type       = "internet"
  load_balancer_spec = "slb.s2.small"
  tags               = local.tags
}

resource "alicloud_slb_server_group" "web" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  name             = "${var.app_name}-web"
}

resource "alicloud_slb_server_group_server_attachment" "web" {
  count           = var.web_count
  server_group_id = alicloud_slb_server_group.web.id
  server_id       = alicloud_instance.web[count.index].id
  port            = var.app_port
}

resource "alicloud_slb_listener" "http" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "http"
  frontend_port    = 80
  backend_port     = var.app_port
  server_group_id  = alicloud_slb_server_group.web.id
  bandwidth        = -1
}

# Blue/green: the green group is prepared but no listener points at it yet.
resource "alicloud_slb_server_group" "green" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  name             = "${var.app_name}-green"

  servers {
    server_ids = alicloud_instance.web[*].id
    port       = var.app_port
  }
}

# Auto scaling registers its instances here, but no listener sends them traffic: the scaling
# group adds servers, never a listener.
resource "alicloud_slb_server_group" "scaled" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  name             = "${var.app_name}-scaled"
}

resource "alicloud_ess_scalinggroup_vserver_groups" "scaled" {
  scaling_group_id = var.scaling_group_id
  vserver_groups {
    loadbalancer_id = alicloud_slb_load_balancer.main.id
    vserver_attributes {
      vserver_group_id = alicloud_slb_server_group.scaled.id
      port             = var.app_port
      weight           = 100
    }
  }
}
