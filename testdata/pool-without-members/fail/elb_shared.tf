resource "huaweicloud_lb_loadbalancer" "web" {
  name          = "web"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_pool" "fail_empty" {
  name        = "empty"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}

# /static/ is routed to a pool nobody filled.
resource "huaweicloud_lb_pool" "fail_static" {
  name            = "static"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_l7policy" "static" {
  name             = "static"
  action           = "REDIRECT_TO_POOL"
  position         = 1
  listener_id      = huaweicloud_lb_listener.http.id
  redirect_pool_id = huaweicloud_lb_pool.fail_static.id
}

resource "huaweicloud_lb_l7rule" "static" {
  l7policy_id  = huaweicloud_lb_l7policy.static.id
  type         = "PATH"
  compare_type = "STARTS_WITH"
  value        = "/static/"
}

resource "huaweicloud_lb_monitor" "http" {
  for_each = {
    empty  = huaweicloud_lb_pool.fail_empty.id
    static = huaweicloud_lb_pool.fail_static.id
  }
  pool_id     = each.value
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
