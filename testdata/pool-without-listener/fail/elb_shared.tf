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

resource "huaweicloud_lb_monitor" "legacy" {
  pool_id     = huaweicloud_lb_pool.legacy.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

# The TCP listener for this pool was deleted, the pool was left behind.
resource "huaweicloud_lb_pool" "fail_left_behind" {
  name            = "legacy-tcp"
  protocol        = "TCP"
  lb_method       = "SOURCE_IP"
  loadbalancer_id = huaweicloud_lb_loadbalancer.legacy.id
}
