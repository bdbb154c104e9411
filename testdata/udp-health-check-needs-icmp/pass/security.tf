resource "huaweicloud_networking_secgroup" "pass_dns" {
  name                 = "dns"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "dns_from_elb" {
  security_group_id = huaweicloud_networking_secgroup.pass_dns.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "udp"
  ports             = "53"
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "huaweicloud_networking_secgroup_rule" "pass_icmp" {
  security_group_id = huaweicloud_networking_secgroup.pass_dns.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "icmp"
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "huaweicloud_networking_secgroup_rule" "dns_ssh" {
  security_group_id = huaweicloud_networking_secgroup.pass_dns.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "22"
  remote_ip_prefix  = var.bastion_cidr
}

resource "huaweicloud_networking_secgroup" "pass_collector" {
  name                 = "syslog-collector"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "syslog_from_elb" {
  security_group_id = huaweicloud_networking_secgroup.pass_collector.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "udp"
  port_range_min    = 514
  port_range_max    = 514
  remote_ip_prefix  = local.app_cidr
}

resource "huaweicloud_networking_secgroup_rule" "pass_icmp_from_backend_subnet" {
  security_group_id = huaweicloud_networking_secgroup.pass_collector.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "icmp"
  remote_ip_prefix  = local.app_cidr
}

# NTP servers sit behind listeners the security group does not filter (see ntp.tf), so UDP
# from anywhere is enough and ICMP is not needed.
resource "huaweicloud_networking_secgroup" "ntp" {
  name                 = "ntp"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "ntp_clients" {
  security_group_id = huaweicloud_networking_secgroup.ntp.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "udp"
  ports             = "123"
  remote_ip_prefix  = "0.0.0.0/0"
}
