resource "huaweicloud_networking_secgroup" "app" {
  name                 = "app"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "app_from_office" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8443"
  remote_ip_prefix  = var.office_cidr
}
