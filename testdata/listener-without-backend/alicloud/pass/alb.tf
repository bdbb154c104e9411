resource "alicloud_alb_load_balancer" "api" {
  vpc_id                 = alicloud_vpc.main.id
  address_type           = "Internet"
  address_allocated_mode = "Dynamic"
  load_balancer_name     = "${var.app_name}-alb"
  load_balancer_edition  = "Standard"

  load_balancer_billing_config {
    pay_type = "PayAsYouGo"
  }

  zone_mappings {
    vswitch_id = alicloud_vswitch.lb.id
    zone_id    = local.zone_id
  }
}

resource "alicloud_alb_listener" "redirect" {
  load_balancer_id  = alicloud_alb_load_balancer.api.id
  listener_protocol = "HTTP"
  listener_port     = 80

  default_actions {
    type = "Redirect"
    redirect_config {
      protocol  = "HTTPS"
      port      = "443"
      http_code = "301"
    }
  }
}
