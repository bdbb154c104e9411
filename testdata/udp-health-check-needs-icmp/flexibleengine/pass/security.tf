resource "flexibleengine_networking_secgroup_v2" "dns" {
  name                 = "dns"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "dns_from_elb" {
  security_group_id = flexibleengine_networking_secgroup_v2.dns.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "udp"
  port_range_min    = 53
  port_range_max    = 53
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "flexibleengine_networking_secgroup_rule_v2" "dns_icmp_from_elb" {
  security_group_id = flexibleengine_networking_secgroup_v2.dns.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "icmp"
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "flexibleengine_networking_secgroup_rule_v2" "dns_ssh" {
  security_group_id = flexibleengine_networking_secgroup_v2.dns.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = var.bastion_cidr
}

resource "flexibleengine_networking_secgroup_v2" "collector" {
  name                 = "syslog-collector"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "syslog_from_elb" {
  security_group_id = flexibleengine_networking_secgroup_v2.collector.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "udp"
  port_range_min    = 514
  port_range_max    = 514
  remote_ip_prefix  = local.app_cidr
}

# The load balancer's subnet is the members' subnet here: admit ICMP from it as well.
resource "flexibleengine_networking_secgroup_rule_v2" "syslog_icmp_from_elb" {
  security_group_id = flexibleengine_networking_secgroup_v2.collector.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "icmp"
  remote_ip_prefix  = local.app_cidr
}

# NTP servers sit behind listeners the security group does not filter (see ntp.tf), so UDP
# from anywhere is enough and ICMP is not needed.
resource "flexibleengine_networking_secgroup_v2" "ntp" {
  name                 = "ntp"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "ntp_clients" {
  security_group_id = flexibleengine_networking_secgroup_v2.ntp.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "udp"
  port_range_min    = 123
  port_range_max    = 123
  remote_ip_prefix  = "0.0.0.0/0"
}
