resource "huaweicloud_compute_instance" "app" {
  count              = var.app_count
  name               = format("app-%02d", count.index + 1)
  image_id           = var.image_id
  flavor_id          = "s6.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.pass_app.id]

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
  security_group_ids = [huaweicloud_networking_secgroup.pass_lb_subnet.id]

  network {
    uuid = huaweicloud_vpc_subnet.app.id
  }
}

# Behind the listeners the security groups do not apply to, and the same-port pool.
resource "huaweicloud_compute_instance" "cache" {
  name               = "cache"
  image_id           = var.image_id
  flavor_id          = "s6.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.closed.id]

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.app.cidr, 30)
  }
}

resource "huaweicloud_compute_instance" "batch" {
  name               = "batch"
  image_id           = var.image_id
  flavor_id          = "s6.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.pass_unknown_source.id]

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.app.cidr, 40)
  }
}

# No security_group_ids: the cloud's default group applies, which this configuration does not show.
resource "huaweicloud_compute_instance" "legacy" {
  name      = "legacy"
  image_id  = var.image_id
  flavor_id = "s6.large.2"

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.app.cidr, 50)
  }
}
