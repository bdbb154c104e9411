# Shared ELB in front of the web tier: one of two members is drained with weight 0.
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

resource "flexibleengine_lb_member_v2" "web_drained" {
  pool_id       = flexibleengine_lb_pool_v2.web.id
  address       = flexibleengine_compute_instance_v2.web[1].access_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  weight        = 0
}

# The only member of the TCP pool is a maintenance host drained with weight 0.
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
  pool_id       = flexibleengine_lb_pool_v2.app.id
  address       = cidrhost(flexibleengine_vpc_subnet_v1.app.cidr, 200)
  protocol_port = 9000
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  weight        = 0
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
