# Shared load balancers always have a private VIP: not in scope of this rule.
resource "huaweicloud_lb_loadbalancer" "pass_shared" {
  name          = "legacy-tcp"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "legacy_tcp" {
  name            = "legacy-tcp"
  protocol        = "TCP"
  protocol_port   = 8443
  loadbalancer_id = huaweicloud_lb_loadbalancer.pass_shared.id
  default_pool_id = huaweicloud_lb_pool.legacy_tcp.id
}

resource "huaweicloud_lb_pool" "legacy_tcp" {
  name            = "legacy-tcp"
  protocol        = "TCP"
  lb_method       = "SOURCE_IP"
  loadbalancer_id = huaweicloud_lb_loadbalancer.pass_shared.id
}

resource "huaweicloud_lb_member" "legacy_tcp" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.legacy_tcp.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 8443
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "legacy_tcp" {
  pool_id     = huaweicloud_lb_pool.legacy_tcp.id
  type        = "TCP"
  delay       = 10
  timeout     = 5
  max_retries = 3
}
