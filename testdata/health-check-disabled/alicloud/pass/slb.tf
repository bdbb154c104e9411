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

resource "alicloud_slb_listener" "https" {
  load_balancer_id      = alicloud_slb_load_balancer.main.id
  protocol              = "https"
  frontend_port         = 443
  backend_port          = var.app_port
  server_group_id       = alicloud_slb_server_group.web.id
  bandwidth             = -1
  server_certificate_id = var.certificate_id
  health_check          = "on"
  health_check_uri      = "/healthz"
}

# Redirect listener: HTTP -> HTTPS, health check off by design.
resource "alicloud_slb_listener" "redirect" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "http"
  frontend_port    = 80
  listener_forward = "on"
  forward_port     = alicloud_slb_listener.https.frontend_port
  health_check     = "off"
}

resource "alicloud_slb_listener" "udp" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "udp"
  frontend_port    = 5353
  backend_port     = var.app_port
  server_group_id  = alicloud_slb_server_group.web.id
  bandwidth        = -1
  health_check     = "off"
}

resource "alicloud_slb_listener" "legacy" {
  count            = 0
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "http"
  frontend_port    = 8088
  backend_port     = var.app_port
  server_group_id  = alicloud_slb_server_group.web.id
  bandwidth        = -1
  health_check     = "off"
}
