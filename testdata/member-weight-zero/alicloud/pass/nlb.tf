resource "alicloud_nlb_server_group" "tcp" {
  server_group_name = "${var.app_name}-tcp"
  server_group_type = "Instance"
  vpc_id            = alicloud_vpc.main.id
  protocol          = "TCP"
  scheduler         = "Wrr"

  health_check {
    health_check_enabled = true
    health_check_type    = "TCP"
  }
}

# NLB attachments default to weight 100.
resource "alicloud_nlb_server_group_server_attachment" "tcp" {
  for_each        = { for i, inst in alicloud_instance.web : tostring(i) => inst.id }
  server_group_id = alicloud_nlb_server_group.tcp.id
  server_id       = each.value
  server_type     = "Ecs"
  port            = var.app_port
}

resource "alicloud_alb_server_group" "api" {
  server_group_name = "${var.app_name}-api"
  vpc_id            = alicloud_vpc.main.id
  protocol          = "HTTP"

  health_check_config {
    health_check_enabled = true
  }

  servers {
    server_id   = alicloud_instance.web[0].id
    server_type = "Ecs"
    port        = var.app_port
    weight      = 100
  }
}
