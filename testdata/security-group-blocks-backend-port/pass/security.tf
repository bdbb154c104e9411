resource "huaweicloud_networking_secgroup" "pass_app" {
  name                 = "app-backend"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "pass_both_ports" {
  security_group_id = huaweicloud_networking_secgroup.pass_app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8080,9090"
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "huaweicloud_networking_secgroup" "pass_lb_subnet" {
  name                 = "reports-backend"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "pass_lb_subnet" {
  security_group_id = huaweicloud_networking_secgroup.pass_lb_subnet.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_ip_prefix  = huaweicloud_vpc_subnet.elb.cidr
}

resource "huaweicloud_networking_secgroup_rule" "ssh_from_bastion" {
  security_group_id = huaweicloud_networking_secgroup.pass_lb_subnet.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "22"
  remote_ip_prefix  = "10.10.255.10/32"
}

resource "huaweicloud_networking_secgroup" "closed" {
  name                 = "cache"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup" "pass_unknown_source" {
  name                 = "batch"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "batch_health_check" {
  security_group_id = huaweicloud_networking_secgroup.pass_unknown_source.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "9092"
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "huaweicloud_networking_secgroup_rule" "batch_from_variable" {
  security_group_id = huaweicloud_networking_secgroup.pass_unknown_source.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8082"
  remote_ip_prefix  = var.lb_source_cidr
}
