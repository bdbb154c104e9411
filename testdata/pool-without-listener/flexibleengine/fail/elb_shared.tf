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

# The TCP listener for this pool was deleted, the pool was left behind.
resource "flexibleengine_lb_pool_v2" "left_behind" {
  name            = "legacy-tcp"
  protocol        = "TCP"
  lb_method       = "SOURCE_IP"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.legacy.id
}
