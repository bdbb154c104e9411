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

# Used only through a forwarding rule on the HTTP listener.
resource "alicloud_slb_server_group" "static" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  name             = "${var.app_name}-static"

  servers {
    server_ids = alicloud_instance.web[*].id
    port       = 8081
  }
}

resource "alicloud_slb_rule" "static" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  frontend_port    = alicloud_slb_listener.http.frontend_port
  name             = "static"
  domain           = "static.example.com"
  url              = "/assets"
  server_group_id  = alicloud_slb_server_group.static.id
}

# Filled by auto scaling (the ESS vServer group attachment below) and used by the API listener.
resource "alicloud_slb_server_group" "scaled" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  name             = "${var.app_name}-scaled"
}

resource "alicloud_slb_listener" "api" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "tcp"
  frontend_port    = 8443
  backend_port     = var.app_port
  server_group_id  = alicloud_slb_server_group.scaled.id
  bandwidth        = -1
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
