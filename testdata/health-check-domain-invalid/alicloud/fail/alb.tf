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

resource "alicloud_alb_server_group" "api" {
  server_group_name = "${var.app_name}-api"
  vpc_id            = alicloud_vpc.main.id
  protocol          = "HTTP"

  health_check_config {
    health_check_enabled = true
    health_check_host    = "api_internal.example.com"
  }

  sticky_session_config {
    sticky_session_enabled = false
  }

  dynamic "servers" {
    for_each = alicloud_instance.web
    content {
      server_id   = servers.value.id
      server_type = "Ecs"
      port        = var.app_port
      weight      = 100
    }
  }
}

resource "alicloud_alb_listener" "http" {
  load_balancer_id  = alicloud_alb_load_balancer.api.id
  listener_protocol = "HTTP"
  listener_port     = 80

  default_actions {
    type = "ForwardGroup"
    forward_group_config {
      server_group_tuples {
        server_group_id = alicloud_alb_server_group.api.id
      }
    }
  }
}
