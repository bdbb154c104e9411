locals {
  api_versions = toset(["v1", "v2"])
}

resource "flexibleengine_lb_loadbalancer_v3" "main" {
  name              = "main"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "flexibleengine_lb_listener_v3" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.main.id
  default_pool_id = flexibleengine_lb_pool_v3.web.id
}

resource "flexibleengine_lb_pool_v3" "web" {
  name            = "web"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.main.id
}

resource "flexibleengine_lb_member_v3" "web" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v3.web.id
  address       = flexibleengine_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "web" {
  pool_id     = flexibleengine_lb_pool_v3.web.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "flexibleengine_lb_pool_v3" "orphan" {
  name            = "orphan"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.main.id
}

resource "flexibleengine_lb_pool_v3" "spare" {
  count           = var.spare_pools
  name            = "spare-${count.index}"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.main.id
}

# One pool per API version, but no listener sends traffic to them.
resource "flexibleengine_lb_pool_v3" "api_version" {
  for_each        = local.api_versions
  name            = "api-${each.key}"
  protocol        = "HTTP"
  lb_method       = "LEAST_CONNECTIONS"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.main.id
}

resource "flexibleengine_lb_member_v3" "api" {
  for_each      = local.api_versions
  pool_id       = flexibleengine_lb_pool_v3.api_version[each.key].id
  address       = flexibleengine_compute_instance_v2.web[0].access_ip_v4
  protocol_port = each.key == "v1" ? 8001 : 8002
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}
