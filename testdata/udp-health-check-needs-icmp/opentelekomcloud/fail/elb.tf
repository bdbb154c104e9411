resource "opentelekomcloud_lb_loadbalancer_v2" "dns" {
  name          = "dns"
  vip_subnet_id = opentelekomcloud_vpc_subnet_v1.lb.subnet_id
}

resource "opentelekomcloud_lb_listener_v2" "dns" {
  name            = "dns"
  protocol        = "UDP"
  protocol_port   = 53
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v2.dns.id
}

resource "opentelekomcloud_lb_pool_v2" "dns" {
  name        = "dns"
  protocol    = "UDP"
  lb_method   = "SOURCE_IP"
  listener_id = opentelekomcloud_lb_listener_v2.dns.id
}

resource "opentelekomcloud_lb_member_v2" "dns" {
  count         = var.web_count
  pool_id       = opentelekomcloud_lb_pool_v2.dns.id
  address       = opentelekomcloud_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 53
  subnet_id     = opentelekomcloud_vpc_subnet_v1.app.subnet_id
}

resource "opentelekomcloud_lb_monitor_v2" "dns" {
  pool_id     = opentelekomcloud_lb_pool_v2.dns.id
  type        = "UDP_CONNECT"
  delay       = 10
  timeout     = 5
  max_retries = 3
}
