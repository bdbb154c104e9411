resource "huaweicloud_compute_instance" "app" {
  count              = var.app_count
  name               = format("app-%02d", count.index + 1)
  image_id           = var.image_id
  flavor_id          = "s6.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.app.id]

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.app.cidr, 10 + count.index)
  }
}

resource "huaweicloud_networking_secgroup" "app" {
  name                 = "app"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "app_from_vpc" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8080"
  remote_ip_prefix  = var.vpc_cidr
}

resource "huaweicloud_networking_secgroup_rule" "app_from_elb" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8080"
  remote_ip_prefix  = "100.125.0.0/16"
}
