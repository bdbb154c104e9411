resource "alicloud_slb_load_balancer" "this" {
  load_balancer_name = "${var.app_name}-clb"
  address_type       = "intranet"
  vswitch_id         = alicloud_vswitch.lb.id
  load_balancer_spec = "slb.s2.small"
  tags               = local.tags
}

resource "alicloud_slb_server_group" "web" {
  load_balancer_id = alicloud_slb_load_balancer.this.id
  name             = "${var.app_name}-web"
}

resource "alicloud_slb_server_group_server_attachment" "web" {
  count           = var.web_count
  server_group_id = alicloud_slb_server_group.web.id
  server_id       = alicloud_instance.web[count.index].id
  port            = var.app_port
  weight          = 100
}

resource "alicloud_slb_listener" "http" {
  load_balancer_id       = alicloud_slb_load_balancer.this.id
  protocol               = "http"
  frontend_port          = 80
  backend_port           = var.app_port
  server_group_id        = alicloud_slb_server_group.web.id
  bandwidth              = -1
  health_check           = "on"
  health_check_uri       = "/healthz"
  health_check_http_code = "http_2xx,http_3xx"
  health_check_interval  = 2
  health_check_timeout   = 5
  healthy_threshold      = 3
  unhealthy_threshold    = 3
}
