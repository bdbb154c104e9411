# Dedicated ELB: health checks come from its subnet, not from 100.125.0.0/16.
resource "flexibleengine_lb_loadbalancer_v3" "api" {
  name              = "api"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.elb.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "flexibleengine_lb_listener_v3" "api_http" {
  name            = "api-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

resource "flexibleengine_lb_pool_v3" "api" {
  name        = "api"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v3.api_http.id
}

resource "flexibleengine_lb_member_v3" "api" {
  for_each      = var.api_servers
  pool_id       = flexibleengine_lb_pool_v3.api.id
  address       = flexibleengine_compute_instance_v2.api[each.key].network[0].fixed_ip_v4
  protocol_port = 8000
  subnet_id     = flexibleengine_vpc_subnet_v1.api.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "api" {
  pool_id     = flexibleengine_lb_pool_v3.api.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/health"
}

resource "flexibleengine_lb_listener_v3" "admin_http" {
  name            = "admin-http"
  protocol        = "HTTP"
  protocol_port   = 8080
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

resource "flexibleengine_lb_pool_v3" "admin" {
  name        = "admin"
  protocol    = "HTTP"
  lb_method   = "LEAST_CONNECTIONS"
  listener_id = flexibleengine_lb_listener_v3.admin_http.id
}

resource "flexibleengine_lb_member_v3" "admin" {
  pool_id       = flexibleengine_lb_pool_v3.admin.id
  address       = flexibleengine_compute_instance_v2.admin.access_ip_v4
  protocol_port = 8443
  subnet_id     = flexibleengine_vpc_subnet_v1.api.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "admin" {
  pool_id     = flexibleengine_lb_pool_v3.admin.id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
}
