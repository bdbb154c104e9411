resource "flexibleengine_lb_loadbalancer_v3" "api" {
  name              = "api"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "flexibleengine_lb_listener_v3" "api" {
  name            = "api"
  protocol        = "HTTP"
  protocol_port   = 8000
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
  default_pool_id = flexibleengine_lb_pool_v3.api.id
}

resource "flexibleengine_lb_pool_v3" "api" {
  name            = "api"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

# Blue takes the traffic, green keeps a trickle for smoke tests.
resource "flexibleengine_lb_member_v3" "api" {
  for_each      = flexibleengine_compute_instance_v2.api
  pool_id       = flexibleengine_lb_pool_v3.api.id
  address       = each.value.network[0].fixed_ip_v4
  protocol_port = 8000
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  weight        = var.api_weights[each.key]
}

resource "flexibleengine_lb_listener_v3" "canary" {
  name            = "canary"
  protocol        = "HTTP"
  protocol_port   = 8001
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

resource "flexibleengine_lb_pool_v3" "canary" {
  name        = "canary"
  protocol    = "HTTP"
  lb_method   = "LEAST_CONNECTIONS"
  listener_id = flexibleengine_lb_listener_v3.canary.id
}

# The first web server is the canary and gets a small share.
resource "flexibleengine_lb_member_v3" "canary" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v3.canary.id
  address       = flexibleengine_compute_instance_v2.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  weight        = count.index == 0 ? 5 : 100
}

resource "flexibleengine_lb_monitor_v3" "http" {
  for_each = {
    api    = flexibleengine_lb_pool_v3.api.id
    canary = flexibleengine_lb_pool_v3.canary.id
  }
  pool_id     = each.value
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
