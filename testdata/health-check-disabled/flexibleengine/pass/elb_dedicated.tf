resource "flexibleengine_lb_loadbalancer_v3" "api" {
  name              = "api"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "flexibleengine_lb_listener_v3" "api" {
  for_each        = var.api_versions
  name            = "api-${each.key}"
  protocol        = "HTTP"
  protocol_port   = each.key == "v1" ? 8001 : 8002
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
  default_pool_id = flexibleengine_lb_pool_v3.api[each.key].id
}

# One pool per API version, each with its monitor.
resource "flexibleengine_lb_pool_v3" "api" {
  for_each        = var.api_versions
  name            = "api-${each.key}"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

resource "flexibleengine_lb_member_v3" "api" {
  for_each      = var.api_versions
  pool_id       = flexibleengine_lb_pool_v3.api[each.key].id
  address       = flexibleengine_compute_instance_v2.web[0].access_ip_v4
  protocol_port = each.key == "v1" ? 8001 : 8002
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "api" {
  for_each    = var.api_versions
  pool_id     = flexibleengine_lb_pool_v3.api[each.key].id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/${each.key}/health"
}

# The canary pool only exists during a release (count = 0 by default).
resource "flexibleengine_lb_listener_v3" "canary" {
  count           = var.canary_enabled ? 1 : 0
  name            = "canary"
  protocol        = "HTTP"
  protocol_port   = 8003
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
  default_pool_id = flexibleengine_lb_pool_v3.canary[0].id
}

resource "flexibleengine_lb_pool_v3" "canary" {
  count           = var.canary_enabled ? 1 : 0
  name            = "canary"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}
