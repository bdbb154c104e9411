resource "flexibleengine_lb_loadbalancer_v3" "api" {
  name              = "api"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "flexibleengine_lb_listener_v3" "api" {
  name            = "api"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

resource "flexibleengine_lb_pool_v3" "api" {
  name        = "api"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v3.api.id
}

# Blue and green run side by side on one host, on different ports.
resource "flexibleengine_lb_member_v3" "api" {
  for_each      = var.api_colours
  pool_id       = flexibleengine_lb_pool_v3.api.id
  address       = flexibleengine_compute_instance_v2.web[0].access_ip_v4
  protocol_port = each.value
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "api" {
  pool_id     = flexibleengine_lb_pool_v3.api.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

locals {
  management_port = 8443
}

resource "flexibleengine_lb_listener_v3" "admin" {
  name            = "admin"
  protocol        = "TCP"
  protocol_port   = 8443
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

resource "flexibleengine_lb_pool_v3" "admin" {
  name        = "admin"
  protocol    = "TCP"
  lb_method   = "SOURCE_IP"
  listener_id = flexibleengine_lb_listener_v3.admin.id
}

resource "flexibleengine_lb_member_v3" "admin" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v3.admin.id
  address       = flexibleengine_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 8443
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "admin" {
  pool_id     = flexibleengine_lb_pool_v3.admin.id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
  port        = local.management_port
}
