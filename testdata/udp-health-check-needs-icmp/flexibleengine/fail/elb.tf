# Shared ELB: internal DNS resolvers.
resource "flexibleengine_lb_loadbalancer_v2" "dns" {
  name          = "dns"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_listener_v2" "dns" {
  name            = "dns-udp"
  protocol        = "UDP"
  protocol_port   = 53
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.dns.id
}

resource "flexibleengine_lb_pool_v2" "dns" {
  name        = "dns"
  protocol    = "UDP"
  lb_method   = "SOURCE_IP"
  listener_id = flexibleengine_lb_listener_v2.dns.id
}

resource "flexibleengine_lb_member_v2" "dns" {
  count         = var.dns_count
  pool_id       = flexibleengine_lb_pool_v2.dns.id
  address       = flexibleengine_compute_instance_v2.dns[count.index].network[0].fixed_ip_v4
  protocol_port = 53
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "dns" {
  pool_id     = flexibleengine_lb_pool_v2.dns.id
  type        = "UDP_CONNECT"
  delay       = 10
  timeout     = 5
  max_retries = 3
}

# Dedicated ELB with "IP as a backend": syslog from devices outside the VPC. Cross-VPC backends
# put the backends' security groups in the path of the health checks.
resource "flexibleengine_lb_loadbalancer_v3" "syslog" {
  name              = "syslog"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  l4_flavor_id      = var.l4_flavor_id
  availability_zone = var.availability_zones
  cross_vpc_backend = true
}

resource "flexibleengine_lb_listener_v3" "syslog" {
  name            = "syslog-udp"
  protocol        = "UDP"
  protocol_port   = 514
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.syslog.id
}

resource "flexibleengine_lb_pool_v3" "syslog" {
  name        = "syslog"
  protocol    = "UDP"
  lb_method   = "SOURCE_IP"
  listener_id = flexibleengine_lb_listener_v3.syslog.id
}

resource "flexibleengine_lb_member_v3" "syslog" {
  for_each      = local.collectors
  pool_id       = flexibleengine_lb_pool_v3.syslog.id
  address       = flexibleengine_compute_instance_v2.collector[each.key].network[0].fixed_ip_v4
  protocol_port = 514
}

resource "flexibleengine_lb_monitor_v3" "syslog" {
  pool_id     = flexibleengine_lb_pool_v3.syslog.id
  protocol    = "UDP_CONNECT"
  interval    = 10
  timeout     = 5
  max_retries = 3
}
