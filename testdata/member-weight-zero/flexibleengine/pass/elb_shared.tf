# Shared ELB in front of the web tier.
resource "flexibleengine_lb_loadbalancer_v2" "web" {
  name          = "web"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_listener_v2" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_pool_v2" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v2.http.id
}

resource "flexibleengine_lb_member_v2" "web" {
  pool_id       = flexibleengine_lb_pool_v2.web.id
  address       = flexibleengine_compute_instance_v2.web[0].access_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  weight        = 10
}

resource "flexibleengine_lb_member_v2" "web_second" {
  pool_id       = flexibleengine_lb_pool_v2.web.id
  address       = flexibleengine_compute_instance_v2.web[1].access_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  weight        = 1
}

resource "flexibleengine_lb_member_v2" "batch" {
  pool_id       = flexibleengine_lb_pool_v2.web.id
  address       = cidrhost(flexibleengine_vpc_subnet_v1.app.cidr, 150)
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  weight        = var.batch_weight
}

# The maintenance host only exists when maintenance_enabled is set (count = 0 by default).
resource "flexibleengine_lb_listener_v2" "app" {
  name            = "app"
  protocol        = "TCP"
  protocol_port   = 9000
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
  default_pool_id = flexibleengine_lb_pool_v2.app.id
}

resource "flexibleengine_lb_pool_v2" "app" {
  name            = "app"
  protocol        = "TCP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_member_v2" "maintenance" {
  count         = var.maintenance_enabled ? 1 : 0
  pool_id       = flexibleengine_lb_pool_v2.app.id
  address       = cidrhost(flexibleengine_vpc_subnet_v1.app.cidr, 200)
  protocol_port = 9000
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  weight        = var.maintenance_weight
}

resource "flexibleengine_lb_member_v2" "app" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v2.app.id
  address       = flexibleengine_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 9000
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "web" {
  pool_id     = flexibleengine_lb_pool_v2.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "flexibleengine_lb_monitor_v2" "app" {
  pool_id     = flexibleengine_lb_pool_v2.app.id
  type        = "TCP"
  delay       = 10
  timeout     = 5
  max_retries = 3
}
