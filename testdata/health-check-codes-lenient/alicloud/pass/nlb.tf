resource "alicloud_nlb_load_balancer" "tcp" {
  load_balancer_name = "${var.app_name}-nlb"
  load_balancer_type = "Network"
  address_type       = "Intranet"
  address_ip_version = "Ipv4"
  vpc_id             = alicloud_vpc.main.id

  zone_mappings {
    vswitch_id = alicloud_vswitch.lb.id
    zone_id    = local.zone_id
  }
}

resource "alicloud_nlb_server_group" "tcp" {
  server_group_name = "${var.app_name}-tcp"
  server_group_type = "Instance"
  vpc_id            = alicloud_vpc.main.id
  protocol          = "TCP"
  scheduler         = "Wrr"

  health_check {
    health_check_enabled   = true
    health_check_type      = "HTTP"
    health_check_http_code = ["http_2xx"]
  }
}

resource "alicloud_nlb_server_group_server_attachment" "tcp" {
  count           = var.web_count
  server_group_id = alicloud_nlb_server_group.tcp.id
  server_id       = alicloud_instance.web[count.index].id
  server_type     = "Ecs"
  port            = var.app_port
  weight          = 100
}

resource "alicloud_nlb_listener" "tcp" {
  load_balancer_id  = alicloud_nlb_load_balancer.tcp.id
  listener_protocol = "TCP"
  listener_port     = 7000
  server_group_id   = alicloud_nlb_server_group.tcp.id
}
