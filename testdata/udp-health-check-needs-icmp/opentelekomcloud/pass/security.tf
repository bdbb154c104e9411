resource "opentelekomcloud_networking_secgroup_v2" "dns" {
  name        = "dns"
  description = "resolvers"
}

resource "opentelekomcloud_networking_secgroup_rule_v2" "dns_udp" {
  security_group_id = opentelekomcloud_networking_secgroup_v2.dns.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "udp"
  port_range_min    = 53
  port_range_max    = 53
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "opentelekomcloud_networking_secgroup_rule_v2" "dns_ping" {
  security_group_id = opentelekomcloud_networking_secgroup_v2.dns.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "icmp"
  port_range_min    = 8
  port_range_max    = 0
  remote_ip_prefix  = "100.125.0.0/16"
}
