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

# Fed by the AS group, but nothing checks its members' health.
resource "huaweicloud_lb_pool" "fail_unmonitored" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}

resource "huaweicloud_lb_listener" "admin" {
  name            = "admin"
  protocol        = "HTTP"
  protocol_port   = 8081
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_pool" "admin" {
  name        = "admin"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.admin.id
}

# Checks port 9090, which the admin instances' security group does not admit.
resource "huaweicloud_lb_monitor" "admin" {
  pool_id     = huaweicloud_lb_pool.admin.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 9090
  url_path    = "/status"
}
