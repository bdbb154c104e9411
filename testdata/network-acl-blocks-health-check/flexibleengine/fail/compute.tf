resource "flexibleengine_compute_instance_v2" "web" {
  count             = var.web_count
  name              = format("web-%02d", count.index + 1)
  image_id          = var.image_id
  flavor_id         = "s3.medium.2"
  availability_zone = var.availability_zones[count.index % length(var.availability_zones)]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.web.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.web.cidr, 10 + count.index)
  }
}

resource "flexibleengine_compute_instance_v2" "api" {
  for_each          = var.api_servers
  name              = each.key
  image_id          = var.image_id
  flavor_id         = each.value.flavor
  availability_zone = var.availability_zones[0]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.api.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.api.cidr, each.value.host)
  }
}
