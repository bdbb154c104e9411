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

# No weight: the API default 1 applies.
resource "huaweicloud_lb_member" "pass_default_weight" {
  pool_id       = huaweicloud_lb_pool.web.id
  address       = huaweicloud_compute_instance.web[0].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_member" "pass_weight" {
  pool_id       = huaweicloud_lb_pool.web.id
  address       = huaweicloud_compute_instance.web[1].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  weight        = 10
}

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

# The maintenance host is taken out of the pool instead of being weighted 0: with the default
# false, the resource does not exist.
resource "huaweicloud_lb_member" "pass_maintenance_removed" {
  count         = var.keep_maintenance_host ? 1 : 0
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
