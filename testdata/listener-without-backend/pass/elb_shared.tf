resource "huaweicloud_lb_loadbalancer" "legacy" {
  name          = "legacy"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

# The pool links itself to the listener (listener_id): the listener has a backend.
resource "huaweicloud_lb_listener" "pass_pool_side_link" {
  name            = "legacy-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.legacy.id
}

resource "huaweicloud_lb_pool" "legacy" {
  name        = "legacy"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.pass_pool_side_link.id
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

# Off by default (count = 0): the listener does not exist.
resource "huaweicloud_lb_listener" "pass_ssh_disabled" {
  count           = var.enable_ssh_gateway ? 1 : 0
  name            = "ssh"
  protocol        = "TCP"
  protocol_port   = 22
  loadbalancer_id = huaweicloud_lb_loadbalancer.legacy.id
}
