resource "huaweicloud_compute_instance" "web" {
  count              = var.instance_count
  name               = format("%s-web-%02d", var.name, count.index + 1)
  image_id           = var.image_id
  flavor_id          = "s6.medium.2"
  security_group_ids = [huaweicloud_networking_secgroup.backend.id]

  network {
    uuid        = huaweicloud_vpc_subnet.this.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.this.cidr, 10 + count.index)
  }
}
