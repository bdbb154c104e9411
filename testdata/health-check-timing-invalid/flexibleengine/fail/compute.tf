resource "flexibleengine_compute_instance_v2" "web" {
  count             = var.web_count
  name              = format("web-%02d", count.index + 1)
  image_id          = var.image_id
  flavor_id         = "s3.medium.2"
  availability_zone = var.availability_zones[count.index % length(var.availability_zones)]
  security_groups   = [flexibleengine_networking_secgroup_v2.backend.name]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.app.cidr, 10 + count.index)
  }
}

resource "flexibleengine_networking_secgroup_v2" "backend" {
  name                 = "backend"
  delete_default_rules = true
}

# Dedicated ELBs reach the backends from their subnet (inside the VPC), shared ELBs from
# 100.125.0.0/16: health checks and forwarded requests both need to get in.
resource "flexibleengine_networking_secgroup_rule_v2" "from_lb" {
  for_each          = toset([var.vpc_cidr, "100.125.0.0/16"])
  security_group_id = flexibleengine_networking_secgroup_v2.backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 1
  port_range_max    = 65535
  remote_ip_prefix  = each.value
}
