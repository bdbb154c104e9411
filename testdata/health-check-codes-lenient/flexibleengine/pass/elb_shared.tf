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
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v2.web.id
  address       = flexibleengine_compute_instance_v2.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "web" {
  pool_id        = flexibleengine_lb_pool_v2.web.id
  type           = "HTTP"
  delay          = 5
  timeout        = 3
  max_retries    = 3
  url_path       = "/healthz"
  expected_codes = "200"
}

# Legacy apps that answer the probe with a redirect to the login page.
resource "flexibleengine_lb_listener_v2" "legacy" {
  count           = 2
  name            = "legacy-${count.index}"
  protocol        = "HTTP"
  protocol_port   = 8000 + count.index
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
  default_pool_id = flexibleengine_lb_pool_v2.legacy[count.index].id
}

resource "flexibleengine_lb_pool_v2" "legacy" {
  count           = 2
  name            = "legacy-${count.index}"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_member_v2" "legacy" {
  count         = 2
  pool_id       = flexibleengine_lb_pool_v2.legacy[count.index].id
  address       = flexibleengine_compute_instance_v2.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8000 + count.index
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "legacy" {
  count          = 2
  pool_id        = flexibleengine_lb_pool_v2.legacy[count.index].id
  type           = "HTTP"
  delay          = 10
  timeout        = 5
  max_retries    = 3
  url_path       = "/login"
  http_method    = "HEAD"
  expected_codes = var.legacy_expected_codes
}

# Single-page app: the probe path is not routed, the server answers 404.
resource "flexibleengine_lb_listener_v2" "spa" {
  name            = "spa"
  protocol        = "HTTP"
  protocol_port   = 8080
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_pool_v2" "spa" {
  name        = "spa"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v2.spa.id
}

resource "flexibleengine_lb_member_v2" "spa" {
  pool_id       = flexibleengine_lb_pool_v2.spa.id
  address       = flexibleengine_compute_instance_v2.web[0].network[0].fixed_ip_v4
  protocol_port = 3000
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "spa" {
  pool_id        = flexibleengine_lb_pool_v2.spa.id
  type           = "HTTP"
  delay          = 5
  timeout        = 3
  max_retries    = 3
  url_path       = "/health"
  expected_codes = "200-204"
}
