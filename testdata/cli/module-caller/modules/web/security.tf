resource "huaweicloud_networking_secgroup" "fail_backend" {
  name                 = "web-backend"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "fail_vpc_only" {
  security_group_id = huaweicloud_networking_secgroup.fail_backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8080"
  remote_ip_prefix  = var.vpc_cidr
}

resource "huaweicloud_networking_secgroup_rule" "ssh_from_bastion" {
  security_group_id = huaweicloud_networking_secgroup.fail_backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = "192.168.0.10/32"
}
