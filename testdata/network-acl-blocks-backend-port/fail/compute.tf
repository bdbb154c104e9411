resource "huaweicloud_compute_instance" "web" {
  count     = var.web_count
  name      = format("web-%02d", count.index + 1)
  image_id  = var.image_id
  flavor_id = "s6.medium.2"

  network {
    uuid        = huaweicloud_vpc_subnet.web.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.web.cidr, 10 + count.index)
  }
}

resource "huaweicloud_compute_instance" "api" {
  for_each  = var.api_servers
  name      = each.key
  image_id  = var.image_id
  flavor_id = "c7.large.2"

  network {
    uuid = huaweicloud_vpc_subnet.api.id
  }
}
