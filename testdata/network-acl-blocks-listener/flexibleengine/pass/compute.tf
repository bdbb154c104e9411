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

resource "flexibleengine_networking_secgroup_v2" "app" {
  name                 = "app"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "app_from_lb" {
  for_each          = toset([var.vpc_cidr, "100.125.0.0/16"])
  security_group_id = flexibleengine_networking_secgroup_v2.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_ip_prefix  = each.value
}
