resource "flexibleengine_lb_loadbalancer_v3" "api" {
  name              = "api"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "flexibleengine_lb_listener_v3" "www" {
  name            = "www"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
  default_pool_id = flexibleengine_lb_pool_v3.www.id
}

resource "flexibleengine_lb_pool_v3" "www" {
  name            = "www"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

resource "flexibleengine_lb_member_v3" "www" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v3.www.id
  address       = flexibleengine_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "www" {
  pool_id     = flexibleengine_lb_pool_v3.www.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
  domain_name = "https://www.example.com"
}

# Virtual hosts served by the same backends, one listener each.
locals {
  sites = {
    shop     = { port = 8001, host = "shop.example.com" }
    edge     = { port = 8002, host = "-edge.example.com" }
    internal = { port = 8003, host = "internal_api.example.com" }
  }
}

resource "flexibleengine_lb_listener_v3" "site" {
  for_each        = local.sites
  name            = each.key
  protocol        = "HTTP"
  protocol_port   = each.value.port
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
  default_pool_id = flexibleengine_lb_pool_v3.site[each.key].id
}

resource "flexibleengine_lb_pool_v3" "site" {
  for_each        = local.sites
  name            = each.key
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

resource "flexibleengine_lb_member_v3" "site" {
  for_each      = local.sites
  pool_id       = flexibleengine_lb_pool_v3.site[each.key].id
  address       = flexibleengine_compute_instance_v2.web[0].access_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "site" {
  for_each    = local.sites
  pool_id     = flexibleengine_lb_pool_v3.site[each.key].id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
  domain_name = each.value.host
}
