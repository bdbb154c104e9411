resource "huaweicloud_networking_secgroup" "public" {
  name                 = "app-public"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup" "private" {
  name                 = "app-private"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "public_https" {
  security_group_id = huaweicloud_networking_secgroup.public.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "443"
  remote_ip_prefix  = "0.0.0.0/0"
}

resource "huaweicloud_networking_secgroup_rule" "private_app" {
  security_group_id = huaweicloud_networking_secgroup.private.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8443"
  remote_ip_prefix  = var.office_cidr
}
