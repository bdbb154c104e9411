resource "flexibleengine_lb_loadbalancer_v2" "legacy" {
  name          = "legacy"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_listener_v2" "legacy_http" {
  name            = "legacy-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.legacy.id
  default_pool_id = flexibleengine_lb_pool_v2.legacy.id
}

resource "flexibleengine_lb_pool_v2" "legacy" {
  name            = "legacy"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.legacy.id
}

resource "flexibleengine_lb_member_v2" "legacy" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v2.legacy.id
  address       = flexibleengine_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "legacy" {
  pool_id     = flexibleengine_lb_pool_v2.legacy.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

# /static/ is routed to its own pool by a forwarding policy.
resource "flexibleengine_lb_pool_v2" "static" {
  name            = "static"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.legacy.id
}

resource "flexibleengine_lb_l7policy_v2" "static" {
  name             = "static"
  action           = "REDIRECT_TO_POOL"
  position         = 1
  listener_id      = flexibleengine_lb_listener_v2.legacy_http.id
  redirect_pool_id = flexibleengine_lb_pool_v2.static.id
}

resource "flexibleengine_lb_l7rule_v2" "static" {
  l7policy_id  = flexibleengine_lb_l7policy_v2.static.id
  type         = "PATH"
  compare_type = "STARTS_WITH"
  value        = "/static/"
}

resource "flexibleengine_lb_member_v2" "static" {
  pool_id       = flexibleengine_lb_pool_v2.static.id
  address       = flexibleengine_compute_instance_v2.web[0].access_ip_v4
  protocol_port = 8090
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

# The TCP listener is back, and names its pool.
resource "flexibleengine_lb_listener_v2" "legacy_tcp" {
  name            = "legacy-tcp"
  protocol        = "TCP"
  protocol_port   = 9000
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.legacy.id
  default_pool_id = flexibleengine_lb_pool_v2.legacy_tcp.id
}

resource "flexibleengine_lb_pool_v2" "legacy_tcp" {
  name            = "legacy-tcp"
  protocol        = "TCP"
  lb_method       = "SOURCE_IP"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.legacy.id
}
