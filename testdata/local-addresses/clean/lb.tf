resource "alicloud_alb_load_balancer" "shop" {
  vpc_id                 = alicloud_vpc.main.id
  address_type           = "Intranet"
  address_allocated_mode = "Fixed"
  load_balancer_name     = "shop"
  load_balancer_edition  = "Standard"

  load_balancer_billing_config {
    pay_type = "PayAsYouGo"
  }

  dynamic "zone_mappings" {
    for_each = alicloud_vswitch.lb
    content {
      vswitch_id = zone_mappings.value.id
      zone_id    = zone_mappings.value.zone_id
    }
  }
}

resource "alicloud_alb_server_group" "shop" {
  server_group_name = "shop"
  vpc_id            = alicloud_vpc.main.id
  protocol          = "HTTP"

  health_check_config {
    health_check_enabled = true
    health_check_path    = "/healthz"
  }

  sticky_session_config {
    sticky_session_enabled = false
  }

  dynamic "servers" {
    for_each = alicloud_instance.app
    content {
      server_id   = servers.value.id
      server_type = "Ecs"
      port        = var.app_port
      weight      = 100
    }
  }
}

resource "alicloud_alb_listener" "http" {
  load_balancer_id  = alicloud_alb_load_balancer.shop.id
  listener_protocol = "HTTP"
  listener_port     = 80

  default_actions {
    type = "ForwardGroup"
    forward_group_config {
      server_group_tuples {
        server_group_id = alicloud_alb_server_group.shop.id
      }
    }
  }
}

resource "alicloud_nlb_load_balancer" "tcp" {
  load_balancer_name = "tcp"
  load_balancer_type = "Network"
  address_type       = "Intranet"
  address_ip_version = "Ipv4"
  vpc_id             = alicloud_vpc.main.id

  dynamic "zone_mappings" {
    for_each = alicloud_vswitch.lb
    content {
      vswitch_id = zone_mappings.value.id
      zone_id    = zone_mappings.value.zone_id
    }
  }
}

resource "alicloud_nlb_server_group" "tcp" {
  server_group_name = "tcp"
  server_group_type = "Instance"
  vpc_id            = alicloud_vpc.main.id
  protocol          = "TCP"

  health_check {
    health_check_enabled = true
    health_check_type    = "TCP"
  }
}

resource "alicloud_nlb_server_group_server_attachment" "tcp" {
  count           = 2
  server_group_id = alicloud_nlb_server_group.tcp.id
  server_id       = alicloud_instance.app[count.index].id
  server_type     = "Ecs"
  port            = 9443
  weight          = 100
}

resource "alicloud_nlb_listener" "tcp" {
  load_balancer_id  = alicloud_nlb_load_balancer.tcp.id
  listener_protocol = "TCP"
  listener_port     = 443
  server_group_id   = alicloud_nlb_server_group.tcp.id
}
