# NTP behind two listeners that are not subject to security groups: a dedicated UDP listener
# without "IP as a backend", and a shared UDP listener that passes the client IP through.
resource "flexibleengine_lb_loadbalancer_v3" "ntp" {
  name              = "ntp"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  l4_flavor_id      = var.l4_flavor_id
  availability_zone = var.availability_zones
}

resource "flexibleengine_lb_listener_v3" "ntp" {
  name            = "ntp-udp"
  protocol        = "UDP"
  protocol_port   = 123
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.ntp.id
}

resource "flexibleengine_lb_pool_v3" "ntp" {
  name        = "ntp"
  protocol    = "UDP"
  lb_method   = "SOURCE_IP"
  listener_id = flexibleengine_lb_listener_v3.ntp.id
}

resource "flexibleengine_lb_member_v3" "ntp" {
  count         = var.ntp_count
  pool_id       = flexibleengine_lb_pool_v3.ntp.id
  address       = flexibleengine_compute_instance_v2.ntp[count.index].network[0].fixed_ip_v4
  protocol_port = 123
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "ntp" {
  pool_id     = flexibleengine_lb_pool_v3.ntp.id
  protocol    = "UDP_CONNECT"
  interval    = 10
  timeout     = 5
  max_retries = 3
}

resource "flexibleengine_lb_listener_v2" "ntp" {
  name                         = "ntp-udp"
  protocol                     = "UDP"
  protocol_port                = 123
  loadbalancer_id              = flexibleengine_lb_loadbalancer_v2.dns.id
  transparent_client_ip_enable = true
}

resource "flexibleengine_lb_pool_v2" "ntp" {
  name        = "ntp"
  protocol    = "UDP"
  lb_method   = "SOURCE_IP"
  listener_id = flexibleengine_lb_listener_v2.ntp.id
}

resource "flexibleengine_lb_member_v2" "ntp" {
  count         = var.ntp_count
  pool_id       = flexibleengine_lb_pool_v2.ntp.id
  address       = flexibleengine_compute_instance_v2.ntp[count.index].network[0].fixed_ip_v4
  protocol_port = 123
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "ntp" {
  pool_id     = flexibleengine_lb_pool_v2.ntp.id
  type        = "UDP_CONNECT"
  delay       = 10
  timeout     = 5
  max_retries = 3
}
