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
  for_each        = { for idx, inst in alicloud_instance.web : inst.instance_name => inst.id }
  server_group_id = alicloud_slb_server_group.web.id
  server_id       = each.value
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

resource "alicloud_slb_listener" "tcp" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "tcp"
  frontend_port    = 22
  backend_port     = 22
  bandwidth        = -1
}

resource "alicloud_slb_backend_server" "default" {
  load_balancer_id = alicloud_slb_load_balancer.main.id

  backend_servers {
    server_id = alicloud_instance.web[0].id
    weight    = 100
  }
}
