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

# /static/ is routed to a pool nobody filled.
resource "flexibleengine_lb_pool_v2" "static" {
  name            = "static"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_l7policy_v2" "static" {
  name             = "static"
  action           = "REDIRECT_TO_POOL"
  position         = 1
  listener_id      = flexibleengine_lb_listener_v2.http.id
  redirect_pool_id = flexibleengine_lb_pool_v2.static.id
}

resource "flexibleengine_lb_l7rule_v2" "static" {
  l7policy_id  = flexibleengine_lb_l7policy_v2.static.id
  type         = "PATH"
  compare_type = "STARTS_WITH"
  value        = "/static/"
}

resource "flexibleengine_lb_monitor_v2" "http" {
  for_each = {
    web    = flexibleengine_lb_pool_v2.web.id
    static = flexibleengine_lb_pool_v2.static.id
  }
  pool_id     = each.value
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
