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

resource "alicloud_slb_listener" "http" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "http"
  frontend_port    = 80
  backend_port     = var.app_port
  server_group_id  = alicloud_slb_server_group.web.id
  bandwidth        = -1
  health_check     = "off"
  health_check_uri = "/healthz"
}

resource "alicloud_slb_listener" "tcp" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "tcp"
  frontend_port    = 7000
  backend_port     = var.app_port
  server_group_id  = alicloud_slb_server_group.web.id
  bandwidth        = -1
  # Ignored on TCP listeners: they are always checked.
  health_check = "off"
}

resource "alicloud_alb_server_group" "api" {
  server_group_name = "${var.app_name}-api"
  vpc_id            = alicloud_vpc.main.id
  protocol          = "HTTP"

  health_check_config {
    health_check_enabled = false
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

resource "alicloud_alb_load_balancer" "api" {
  vpc_id                 = alicloud_vpc.main.id
  address_type           = "Intranet"
  address_allocated_mode = "Fixed"
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

resource "alicloud_alb_listener" "api" {
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
