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
  load_balancer_id          = alicloud_slb_load_balancer.main.id
  protocol                  = "http"
  frontend_port             = 80
  backend_port              = var.app_port
  server_group_id           = alicloud_slb_server_group.web.id
  bandwidth                 = -1
  health_check_uri          = "/healthz"
  health_check_connect_port = 8081
}
