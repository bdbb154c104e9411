resource "huaweicloud_networking_secgroup" "this" {
  name                 = "web-${var.name}"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "health_check" {
  security_group_id = huaweicloud_networking_secgroup.this.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8080"
  remote_ip_prefix  = var.health_check_cidr
}
