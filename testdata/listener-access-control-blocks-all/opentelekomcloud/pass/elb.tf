resource "opentelekomcloud_lb_loadbalancer_v2" "web" {
  name          = "web"
  vip_subnet_id = opentelekomcloud_vpc_subnet_v1.lb.subnet_id
}

resource "opentelekomcloud_lb_listener_v2" "http" {
  name            = "web-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v2.web.id
}

resource "opentelekomcloud_lb_pool_v2" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = opentelekomcloud_lb_listener_v2.http.id
}

resource "opentelekomcloud_lb_member_v2" "web" {
  count         = var.web_count
  pool_id       = opentelekomcloud_lb_pool_v2.web.id
  address       = opentelekomcloud_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = var.app_port
  subnet_id     = opentelekomcloud_vpc_subnet_v1.app.subnet_id
}

resource "opentelekomcloud_lb_monitor_v2" "web" {
  pool_id     = opentelekomcloud_lb_pool_v2.web.id
  type        = "HTTP"
  delay       = 10
  timeout     = 5
  max_retries = 3
  url_path    = "/healthz"
}

# Empty, but access control is off.
resource "opentelekomcloud_lb_whitelist_v2" "http" {
  listener_id      = opentelekomcloud_lb_listener_v2.http.id
  enable_whitelist = false
  whitelist        = join(",", var.allowed_cidrs)
}
