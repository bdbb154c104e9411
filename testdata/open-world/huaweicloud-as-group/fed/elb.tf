resource "huaweicloud_lb_loadbalancer" "web" {
  name          = "web"
  vip_subnet_id = huaweicloud_vpc_subnet.web.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

# Its members are the instances the AS group launches.
resource "huaweicloud_lb_pool" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}

resource "huaweicloud_lb_monitor" "web" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
