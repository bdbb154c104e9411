resource "flexibleengine_compute_instance_v2" "dns" {
  count             = var.dns_count
  name              = format("dns-%02d", count.index + 1)
  image_id          = var.image_id
  flavor_id         = "s3.medium.2"
  availability_zone = var.availability_zones[0]
  security_groups   = [flexibleengine_networking_secgroup_v2.dns.name]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(local.app_cidr, 10 + count.index)
  }
}

resource "flexibleengine_compute_instance_v2" "collector" {
  for_each          = local.collectors
  name              = "syslog-${each.key}"
  image_id          = var.image_id
  flavor_id         = "s3.large.2"
  availability_zone = var.availability_zones[0]
  security_groups   = [flexibleengine_networking_secgroup_v2.collector.name]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.app.id
    fixed_ip_v4 = each.value
  }
}

resource "flexibleengine_compute_instance_v2" "ntp" {
  count             = var.ntp_count
  name              = format("ntp-%02d", count.index + 1)
  image_id          = var.image_id
  flavor_id         = "s3.small.1"
  availability_zone = var.availability_zones[0]
  security_groups   = [flexibleengine_networking_secgroup_v2.ntp.name]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(local.app_cidr, 30 + count.index)
  }
}
