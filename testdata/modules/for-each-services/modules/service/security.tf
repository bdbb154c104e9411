resource "huaweicloud_networking_secgroup" "backend" {
  name                 = "${var.name}-backend"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "app" {
  security_group_id = huaweicloud_networking_secgroup.backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = tostring(var.app_port)
  remote_ip_prefix  = var.health_check_cidr
}
