# Shared ELB in front of the web tier: one of two members is drained with weight 0.
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

resource "huaweicloud_lb_pool" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}

resource "huaweicloud_lb_member" "web" {
  pool_id       = huaweicloud_lb_pool.web.id
  address       = huaweicloud_compute_instance.web[0].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  weight        = 10
}

resource "huaweicloud_lb_member" "fail_weight_zero" {
  pool_id       = huaweicloud_lb_pool.web.id
  address       = huaweicloud_compute_instance.web[1].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  weight        = 0
}

# Auto scaling registers the app servers; the hand-added maintenance host is drained with weight 0.
resource "huaweicloud_lb_listener" "app" {
  name            = "app"
  protocol        = "TCP"
  protocol_port   = 9000
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
  default_pool_id = huaweicloud_lb_pool.app.id
}

resource "huaweicloud_lb_pool" "app" {
  name            = "app"
  protocol        = "TCP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_member" "fail_maintenance" {
  pool_id       = huaweicloud_lb_pool.app.id
  address       = cidrhost(huaweicloud_vpc_subnet.app.cidr, 200)
  protocol_port = 9000
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  weight        = 0
}

resource "huaweicloud_lb_monitor" "web" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "huaweicloud_lb_monitor" "app" {
  pool_id     = huaweicloud_lb_pool.app.id
  type        = "TCP"
  delay       = 10
  timeout     = 5
  max_retries = 3
}
