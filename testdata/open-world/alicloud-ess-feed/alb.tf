resource "alicloud_alb_server_group" "api" {
  server_group_name = "api"
  protocol          = "HTTP"
  vpc_id            = alicloud_vpc.main.id

  health_check_config {
    health_check_enabled = true
    health_check_path    = "/healthz"
    health_check_codes   = ["http_2xx"]
  }

  sticky_session_config {
    sticky_session_enabled = false
  }
}

resource "alicloud_alb_listener" "api" {
  load_balancer_id  = var.alb_id
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

# The scaling group registers its instances in the ALB server group.
resource "alicloud_ess_server_group_attachment" "api" {
  scaling_group_id = alicloud_ess_scaling_group.web.id
  server_group_id  = alicloud_alb_server_group.api.id
  port             = 8080
  type             = "ALB"
  weight           = 50
  force_attach     = true
}

variable "alb_id" {
  type    = string
  default = "alb-k2xqmz6x1vdp0ig1c1"
}
