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

resource "alicloud_slb_listener" "http" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "http"
  frontend_port    = 80
  backend_port     = var.app_port
  server_group_id  = alicloud_slb_server_group.web.id
  bandwidth        = -1
}

# No server_group_id: forwards to the default server group, which has no backend servers.
resource "alicloud_slb_listener" "tcp" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "tcp"
  frontend_port    = 22
  backend_port     = 22
  bandwidth        = -1
}
