resource "alicloud_alb_server_group" "api" {
  server_group_name = "${var.app_name}-api"
  vpc_id            = alicloud_vpc.main.id
  protocol          = "HTTP"

  health_check_config {
    health_check_enabled = true
    health_check_path    = "/healthz"
  }

  sticky_session_config {
    sticky_session_enabled = false
  }

  # No weight: the provider sends 0.
  servers {
    server_id   = alicloud_instance.web[0].id
    server_type = "Ecs"
    port        = var.app_port
  }

  servers {
    server_id   = alicloud_instance.web[1].id
    server_type = "Ecs"
    port        = var.app_port
  }
}
