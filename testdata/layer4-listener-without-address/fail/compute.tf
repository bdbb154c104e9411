resource "huaweicloud_compute_instance" "web" {
  count              = var.web_count
  name               = format("web-%02d", count.index + 1)
  image_id           = var.image_id
  flavor_id          = "s6.medium.2"
  security_group_ids = [huaweicloud_networking_secgroup.backend.id]

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.app.cidr, 10 + count.index)
  }
}

resource "huaweicloud_networking_secgroup" "backend" {
  name                 = "backend"
  delete_default_rules = true
}

# Dedicated ELBs reach the backends from their backend subnet, shared ELBs from 100.125.0.0/16.
locals {
  lb_sources = toset([var.vpc_cidr, "100.125.0.0/16"])
}

resource "huaweicloud_networking_secgroup_rule" "tcp_from_lb" {
  for_each          = local.lb_sources
  security_group_id = huaweicloud_networking_secgroup.backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "53,5432,8000-9000"
  remote_ip_prefix  = each.value
}

# UDP health checks need ICMP as well as the UDP port.
resource "huaweicloud_networking_secgroup_rule" "udp_from_lb" {
  for_each          = local.lb_sources
  security_group_id = huaweicloud_networking_secgroup.backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "udp"
  ports             = "53"
  remote_ip_prefix  = each.value
}

resource "huaweicloud_networking_secgroup_rule" "icmp_from_lb" {
  for_each          = local.lb_sources
  security_group_id = huaweicloud_networking_secgroup.backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "icmp"
  remote_ip_prefix  = each.value
}
