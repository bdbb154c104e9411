resource "huaweicloud_compute_instance" "dns" {
  count              = var.dns_count
  name               = format("dns-%02d", count.index + 1)
  image_id           = var.image_id
  flavor_id          = "s6.medium.2"
  security_group_ids = [huaweicloud_networking_secgroup.pass_dns.id]

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = cidrhost(local.app_cidr, 10 + count.index)
  }
}

resource "huaweicloud_compute_instance" "collector" {
  for_each           = local.collectors
  name               = "syslog-${each.key}"
  image_id           = var.image_id
  flavor_id          = "s6.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.pass_collector.id]

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = each.value
  }
}

resource "huaweicloud_compute_instance" "ntp" {
  count              = var.ntp_count
  name               = format("ntp-%02d", count.index + 1)
  image_id           = var.image_id
  flavor_id          = "s6.small.1"
  security_group_ids = [huaweicloud_networking_secgroup.ntp.id]

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = cidrhost(local.app_cidr, 30 + count.index)
  }
}
