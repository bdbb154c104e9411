resource "opentelekomcloud_compute_instance_v2" "web" {
  count           = var.web_count
  name            = format("web-%02d", count.index + 1)
  image_id        = var.image_id
  flavor_id       = var.flavor
  security_groups = [opentelekomcloud_networking_secgroup_v2.dns.name]

  network {
    uuid        = opentelekomcloud_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(opentelekomcloud_vpc_subnet_v1.app.cidr, 10 + count.index)
  }
}
