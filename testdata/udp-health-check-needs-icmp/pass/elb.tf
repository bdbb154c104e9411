# Shared ELB: internal DNS resolvers.
resource "huaweicloud_lb_loadbalancer" "dns" {
  name          = "dns"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "dns" {
  name            = "dns-udp"
  protocol        = "UDP"
  protocol_port   = 53
  loadbalancer_id = huaweicloud_lb_loadbalancer.dns.id
}

resource "huaweicloud_lb_pool" "dns" {
  name        = "dns"
  protocol    = "UDP"
  lb_method   = "SOURCE_IP"
  listener_id = huaweicloud_lb_listener.dns.id
}

resource "huaweicloud_lb_member" "dns" {
  count         = var.dns_count
  pool_id       = huaweicloud_lb_pool.dns.id
  address       = huaweicloud_compute_instance.dns[count.index].network[0].fixed_ip_v4
  protocol_port = 53
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "pass_udp" {
  pool_id     = huaweicloud_lb_pool.dns.id
  type        = "UDP_CONNECT"
  delay       = 10
  timeout     = 5
  max_retries = 3
}

# Dedicated ELB with "IP as a backend": syslog from devices outside the VPC. Cross-VPC backends
# put the backends' security groups in the path of the health checks.
resource "huaweicloud_elb_loadbalancer" "syslog" {
  name              = "syslog"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  l4_flavor_id      = "L4_flavor.elb.s1.small"
  availability_zone = ["ap-southeast-3a"]
  cross_vpc_backend = true
}

resource "huaweicloud_elb_listener" "syslog" {
  name            = "syslog-udp"
  protocol        = "UDP"
  protocol_port   = 514
  loadbalancer_id = huaweicloud_elb_loadbalancer.syslog.id
}

resource "huaweicloud_elb_pool" "syslog" {
  name        = "syslog"
  protocol    = "UDP"
  lb_method   = "SOURCE_IP"
  listener_id = huaweicloud_elb_listener.syslog.id
}

resource "huaweicloud_elb_member" "syslog" {
  for_each      = local.collectors
  pool_id       = huaweicloud_elb_pool.syslog.id
  address       = huaweicloud_compute_instance.collector[each.key].network[0].fixed_ip_v4
  protocol_port = 514
}

resource "huaweicloud_elb_monitor" "pass_udp_cross_vpc" {
  pool_id     = huaweicloud_elb_pool.syslog.id
  protocol    = "UDP_CONNECT"
  interval    = 10
  timeout     = 5
  max_retries = 3
}
