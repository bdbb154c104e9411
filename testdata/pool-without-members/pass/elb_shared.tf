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

resource "huaweicloud_lb_pool" "pass_filled" {
  name        = "filled"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}

resource "huaweicloud_lb_member" "pass_member" {
  pool_id       = huaweicloud_lb_pool.pass_filled.id
  address       = "192.168.1.10"
  protocol_port = 80
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

# Not created with the default serve_static = false, and neither is its policy.
resource "huaweicloud_lb_pool" "pass_static" {
  count           = var.serve_static ? 1 : 0
  name            = "static"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_l7policy" "static" {
  count            = var.serve_static ? 1 : 0
  name             = "static"
  action           = "REDIRECT_TO_POOL"
  position         = 1
  listener_id      = huaweicloud_lb_listener.http.id
  redirect_pool_id = huaweicloud_lb_pool.pass_static[0].id
}

resource "huaweicloud_lb_listener" "app" {
  name            = "app"
  protocol        = "HTTP"
  protocol_port   = 8080
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
  default_pool_id = huaweicloud_lb_pool.pass_autoscaled.id
}

# No member resources: the auto-scaling group registers its instances in this pool.
resource "huaweicloud_lb_pool" "pass_autoscaled" {
  name            = "app"
  protocol        = "HTTP"
  lb_method       = "LEAST_CONNECTIONS"
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_monitor" "http" {
  for_each = {
    filled = huaweicloud_lb_pool.pass_filled.id
    app    = huaweicloud_lb_pool.pass_autoscaled.id
  }
  pool_id     = each.value
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
