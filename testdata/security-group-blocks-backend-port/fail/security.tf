resource "huaweicloud_networking_secgroup" "fail_hc_port_only" {
  name                 = "app-backend"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "fail_hc_only" {
  security_group_id = huaweicloud_networking_secgroup.fail_hc_port_only.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "9090"
  remote_ip_prefix  = "100.125.0.0/16"
}

# Admits the shared-ELB range, but a dedicated ELB forwards from its backend subnet.
resource "huaweicloud_networking_secgroup" "fail_monitor_off" {
  name                 = "reports-backend"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "fail_shared_range" {
  security_group_id = huaweicloud_networking_secgroup.fail_monitor_off.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "huaweicloud_networking_secgroup_rule" "ssh_from_bastion" {
  security_group_id = huaweicloud_networking_secgroup.fail_monitor_off.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "22"
  remote_ip_prefix  = "10.10.255.10/32"
}
