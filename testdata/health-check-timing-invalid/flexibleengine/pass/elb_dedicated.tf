resource "flexibleengine_lb_loadbalancer_v3" "api" {
  name              = "api"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

locals {
  services = {
    orders  = { port = 8001, interval = 5, timeout = 3, retries = 3 }
    billing = { port = 8002, interval = 10, timeout = 5, retries = 3 }
    search  = { port = 8003, interval = 10, timeout = 5, retries = 10 }
  }
}

resource "flexibleengine_lb_listener_v3" "service" {
  for_each        = local.services
  name            = each.key
  protocol        = "HTTP"
  protocol_port   = each.value.port
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
  default_pool_id = flexibleengine_lb_pool_v3.service[each.key].id
}

resource "flexibleengine_lb_pool_v3" "service" {
  for_each        = local.services
  name            = each.key
  protocol        = "HTTP"
  lb_method       = "LEAST_CONNECTIONS"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

resource "flexibleengine_lb_member_v3" "service" {
  for_each      = local.services
  pool_id       = flexibleengine_lb_pool_v3.service[each.key].id
  address       = flexibleengine_compute_instance_v2.web[0].access_ip_v4
  protocol_port = each.value.port
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "service" {
  for_each    = local.services
  pool_id     = flexibleengine_lb_pool_v3.service[each.key].id
  protocol    = "HTTP"
  interval    = each.value.interval
  timeout     = each.value.timeout
  max_retries = each.value.retries
  url_path    = "/health"
}
