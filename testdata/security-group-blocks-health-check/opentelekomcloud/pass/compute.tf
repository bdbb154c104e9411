resource "opentelekomcloud_compute_instance_v2" "web" {
  count           = var.web_count
  name            = format("web-%02d", count.index + 1)
  image_id        = var.image_id
  flavor_id       = var.flavor
  security_groups = [opentelekomcloud_networking_secgroup_v2.web.name]

  network {
    uuid        = opentelekomcloud_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(opentelekomcloud_vpc_subnet_v1.app.cidr, 10 + count.index)
  }
}

resource "opentelekomcloud_compute_instance_v2" "api" {
  for_each        = var.api_servers
  name            = each.key
  image_id        = var.image_id
  flavor_id       = var.flavor
  security_groups = [opentelekomcloud_networking_secgroup_v2.api.name]

  network {
    uuid        = opentelekomcloud_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(opentelekomcloud_vpc_subnet_v1.app.cidr, each.value)
  }
}

resource "opentelekomcloud_compute_instance_v2" "tcp" {
  for_each        = var.api_servers
  name            = "tcp-${each.key}"
  image_id        = var.image_id
  flavor_id       = var.flavor
  security_groups = [opentelekomcloud_networking_secgroup_v2.tcp.name]

  network {
    uuid        = opentelekomcloud_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(opentelekomcloud_vpc_subnet_v1.app.cidr, 100 + each.value)
  }
}
