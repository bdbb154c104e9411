resource "huaweicloud_lb_loadbalancer" "pass_shared" {
  name          = "shared"
  vip_subnet_id = huaweicloud_vpc_subnet.lb.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "tcp" {
  name            = "tcp"
  protocol        = "TCP"
  protocol_port   = 8443
  loadbalancer_id = huaweicloud_lb_loadbalancer.pass_shared.id
}

resource "huaweicloud_lb_pool" "tcp" {
  name        = "tcp"
  protocol    = "TCP"
  lb_method   = "SOURCE_IP"
  listener_id = huaweicloud_lb_listener.tcp.id
}

resource "huaweicloud_lb_member" "tcp" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.tcp.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 8443
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "tcp" {
  pool_id     = huaweicloud_lb_pool.tcp.id
  type        = "TCP"
  delay       = 10
  timeout     = 5
  max_retries = 3
}
