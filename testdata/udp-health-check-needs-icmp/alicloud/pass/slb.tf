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

resource "alicloud_slb_listener" "dns" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "udp"
  frontend_port    = 53
  backend_port     = var.app_port
  server_group_id  = alicloud_slb_server_group.web.id
  bandwidth        = -1
}

resource "alicloud_nlb_load_balancer" "dns" {
  load_balancer_name = "${var.app_name}-dns"
  load_balancer_type = "Network"
  address_type       = "Intranet"
  address_ip_version = "Ipv4"
  vpc_id             = alicloud_vpc.main.id

  zone_mappings {
    vswitch_id = alicloud_vswitch.lb.id
    zone_id    = local.zone_id
  }
}

resource "alicloud_nlb_server_group" "dns" {
  server_group_name = "${var.app_name}-dns"
  vpc_id            = alicloud_vpc.main.id
  protocol          = "UDP"

  health_check {
    health_check_enabled = true
    health_check_type    = "UDP"
  }
}

resource "alicloud_nlb_server_group_server_attachment" "dns" {
  count           = var.web_count
  server_group_id = alicloud_nlb_server_group.dns.id
  server_id       = alicloud_instance.web[count.index].id
  server_type     = "Ecs"
  port            = 53
}

resource "alicloud_nlb_listener" "dns" {
  load_balancer_id  = alicloud_nlb_load_balancer.dns.id
  listener_protocol = "UDP"
  listener_port     = 53
  server_group_id   = alicloud_nlb_server_group.dns.id
}
