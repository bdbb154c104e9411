# Host names are case-insensitive: ALB stores "tf-testAcc.com" as given (the provider's own
# acceptance test applies this exact value and reads it back unchanged).
resource "alicloud_alb_server_group" "pass_mixed_case" {
  server_group_name = "${var.app_name}-admin"
  vpc_id            = alicloud_vpc.main.id
  protocol          = "HTTP"

  health_check_config {
    health_check_enabled = true
    health_check_host    = "tf-testAcc.com"
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

resource "alicloud_alb_listener" "admin" {
  load_balancer_id  = alicloud_alb_load_balancer.api.id
  listener_protocol = "HTTP"
  listener_port     = 8081

  default_actions {
    type = "ForwardGroup"
    forward_group_config {
      server_group_tuples {
        server_group_id = alicloud_alb_server_group.pass_mixed_case.id
      }
    }
  }
}
