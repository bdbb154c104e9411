# NTP behind two listeners that are not subject to security groups: a dedicated UDP listener
# without "IP as a backend", and a shared UDP listener that passes the client IP through.
resource "huaweicloud_elb_loadbalancer" "ntp" {
  name              = "ntp"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  l4_flavor_id      = "L4_flavor.elb.s1.small"
  availability_zone = ["ap-southeast-3a"]
}

resource "huaweicloud_elb_listener" "ntp" {
  name            = "ntp-udp"
  protocol        = "UDP"
  protocol_port   = 123
  loadbalancer_id = huaweicloud_elb_loadbalancer.ntp.id
}

resource "huaweicloud_elb_pool" "ntp" {
  name        = "ntp"
  protocol    = "UDP"
  lb_method   = "SOURCE_IP"
  listener_id = huaweicloud_elb_listener.ntp.id
}

resource "huaweicloud_elb_member" "ntp" {
  count         = var.ntp_count
  pool_id       = huaweicloud_elb_pool.ntp.id
  address       = huaweicloud_compute_instance.ntp[count.index].network[0].fixed_ip_v4
  protocol_port = 123
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "pass_dedicated_not_cross_vpc" {
  pool_id     = huaweicloud_elb_pool.ntp.id
  protocol    = "UDP_CONNECT"
  interval    = 10
  timeout     = 5
  max_retries = 3
}

resource "huaweicloud_lb_listener" "ntp" {
  name                         = "ntp-udp"
  protocol                     = "UDP"
  protocol_port                = 123
  loadbalancer_id              = huaweicloud_lb_loadbalancer.dns.id
  transparent_client_ip_enable = true
}

resource "huaweicloud_lb_pool" "ntp" {
  name        = "ntp"
  protocol    = "UDP"
  lb_method   = "SOURCE_IP"
  listener_id = huaweicloud_lb_listener.ntp.id
}

resource "huaweicloud_lb_member" "ntp" {
  count         = var.ntp_count
  pool_id       = huaweicloud_lb_pool.ntp.id
  address       = huaweicloud_compute_instance.ntp[count.index].network[0].fixed_ip_v4
  protocol_port = 123
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "pass_shared_transparent_ip" {
  pool_id     = huaweicloud_lb_pool.ntp.id
  type        = "UDP_CONNECT"
  delay       = 10
  timeout     = 5
  max_retries = 3
}
