resource "huaweicloud_compute_instance" "web" {
  count              = var.web_count
  name               = format("web-%02d", count.index + 1)
  image_id           = var.image_id
  flavor_id          = "s6.medium.2"
  security_group_ids = [huaweicloud_networking_secgroup.fail_backend.id]

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.app.cidr, 10 + count.index)
  }
}
