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

# The admin UI pool names its listener (pool-side link).
resource "flexibleengine_lb_listener_v3" "admin" {
  name            = "admin"
  protocol        = "HTTP"
  protocol_port   = 8081
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.main.id
}

resource "flexibleengine_lb_pool_v3" "admin" {
  name        = "admin"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v3.admin.id
}

resource "flexibleengine_lb_member_v3" "admin" {
  pool_id       = flexibleengine_lb_pool_v3.admin.id
  address       = flexibleengine_compute_instance_v2.web[0].access_ip_v4
  protocol_port = 9443
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

# One TCP listener per service, each with its pool.
resource "flexibleengine_lb_listener_v3" "tcp_service" {
  for_each        = var.tcp_services
  name            = each.key
  protocol        = "TCP"
  protocol_port   = each.value
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.main.id
  default_pool_id = flexibleengine_lb_pool_v3.tcp_service[each.key].id
}

resource "flexibleengine_lb_pool_v3" "tcp_service" {
  for_each        = var.tcp_services
  name            = each.key
  protocol        = "TCP"
  lb_method       = "LEAST_CONNECTIONS"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.main.id
}

resource "flexibleengine_lb_member_v3" "tcp_service" {
  for_each      = var.tcp_services
  pool_id       = flexibleengine_lb_pool_v3.tcp_service[each.key].id
  address       = flexibleengine_compute_instance_v2.web[1].access_ip_v4
  protocol_port = each.value
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}
