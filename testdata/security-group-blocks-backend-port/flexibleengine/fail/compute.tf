resource "flexibleengine_compute_instance_v2" "app" {
  count             = var.app_count
  name              = format("app-%02d", count.index + 1)
  image_id          = var.image_id
  flavor_id         = "s3.large.2"
  availability_zone = var.availability_zones[count.index % length(var.availability_zones)]
  security_groups   = [flexibleengine_networking_secgroup_v2.app.name]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.app.cidr, 10 + count.index)
  }
}

resource "flexibleengine_compute_instance_v2" "reports" {
  for_each          = var.report_servers
  name              = each.key
  image_id          = var.image_id
  flavor_id         = "s3.large.2"
  availability_zone = var.availability_zones[0]
  security_groups   = [flexibleengine_networking_secgroup_v2.reports.name]

  network {
    uuid = flexibleengine_vpc_subnet_v1.app.id
  }
}
