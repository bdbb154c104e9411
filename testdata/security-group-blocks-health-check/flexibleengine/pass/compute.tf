resource "flexibleengine_compute_instance_v2" "web" {
  count             = var.web_count
  name              = format("web-%02d", count.index + 1)
  image_id          = var.image_id
  flavor_id         = "s3.large.2"
  availability_zone = var.availability_zones[count.index % length(var.availability_zones)]
  security_groups   = [flexibleengine_networking_secgroup_v2.web_backend.name]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.app.cidr, 10 + count.index)
  }
}

resource "flexibleengine_compute_instance_v2" "api" {
  for_each          = var.api_servers
  name              = each.key
  image_id          = var.image_id
  flavor_id         = "c6.large.2"
  availability_zone = var.availability_zones[0]
  security_groups   = [flexibleengine_networking_secgroup_v2.api_backend.name]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.api.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.api.cidr, each.value)
  }
}

resource "flexibleengine_compute_instance_v2" "admin" {
  name              = "admin"
  image_id          = var.image_id
  flavor_id         = "c6.large.2"
  availability_zone = var.availability_zones[1]
  security_groups   = [flexibleengine_networking_secgroup_v2.admin_backend.name]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.api.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.api.cidr, 30)
  }
}
