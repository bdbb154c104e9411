resource "huaweicloud_lb_loadbalancer" "legacy" {
  name          = "legacy"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "legacy_http" {
  name            = "legacy-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.legacy.id
  default_pool_id = huaweicloud_lb_pool.legacy.id
}

resource "huaweicloud_lb_pool" "legacy" {
  name            = "legacy"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_lb_loadbalancer.legacy.id
}

resource "huaweicloud_lb_member" "legacy" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.legacy.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

# Used only by the /static/ forwarding policy.
resource "huaweicloud_lb_pool" "pass_static" {
  name            = "static"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_lb_loadbalancer.legacy.id
}

resource "huaweicloud_lb_member" "static" {
  pool_id       = huaweicloud_lb_pool.pass_static.id
  address       = huaweicloud_compute_instance.web[1].access_ip_v4
  protocol_port = 8090
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_l7policy" "static" {
  name             = "static"
  action           = "REDIRECT_TO_POOL"
  position         = 1
  listener_id      = huaweicloud_lb_listener.legacy_http.id
  redirect_pool_id = huaweicloud_lb_pool.pass_static.id
}

resource "huaweicloud_lb_l7rule" "static" {
  l7policy_id  = huaweicloud_lb_l7policy.static.id
  type         = "PATH"
  compare_type = "STARTS_WITH"
  value        = "/static/"
}

resource "huaweicloud_lb_monitor" "http" {
  for_each = {
    legacy = huaweicloud_lb_pool.legacy.id
    static = huaweicloud_lb_pool.pass_static.id
  }
  pool_id     = each.value
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
