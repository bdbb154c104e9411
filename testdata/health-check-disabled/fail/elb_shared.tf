resource "huaweicloud_lb_loadbalancer" "web" {
  name          = "web"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 8080
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_pool" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}

resource "huaweicloud_lb_member" "web" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.web.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

# admin_state_up is deprecated but still sent: false switches the health check off.
resource "huaweicloud_lb_monitor" "fail_admin_down" {
  pool_id        = huaweicloud_lb_pool.web.id
  type           = "HTTP"
  delay          = 5
  timeout        = 3
  max_retries    = 3
  url_path       = "/healthz"
  admin_state_up = false
}

resource "huaweicloud_lb_listener" "tcp" {
  name            = "tcp"
  protocol        = "TCP"
  protocol_port   = 8443
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
  default_pool_id = huaweicloud_lb_pool.fail_no_monitor.id
}

resource "huaweicloud_lb_pool" "fail_no_monitor" {
  name            = "tcp"
  protocol        = "TCP"
  lb_method       = "SOURCE_IP"
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_member" "tcp" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.fail_no_monitor.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 8443
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}
