resource "huaweicloud_compute_instance" "app" {
  count              = var.app_count
  name               = format("app-%02d", count.index + 1)
  image_id           = var.image_id
  flavor_id          = "s6.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.fail_hc_port_only.id]

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.app.cidr, 10 + count.index)
  }
}

resource "huaweicloud_compute_instance" "reports" {
  for_each           = var.report_servers
  name               = each.key
  image_id           = var.image_id
  flavor_id          = "s6.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.fail_monitor_off.id]

  network {
    uuid = huaweicloud_vpc_subnet.app.id
  }
}
