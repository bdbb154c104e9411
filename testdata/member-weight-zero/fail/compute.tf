locals {
  api_hosts = {
    blue  = cidrhost(huaweicloud_vpc_subnet.app.cidr, 50)
    green = cidrhost(huaweicloud_vpc_subnet.app.cidr, 51)
  }
}

resource "huaweicloud_compute_instance" "web" {
  count              = var.web_count
  name               = format("web-%02d", count.index + 1)
  image_id           = var.image_id
  flavor_id          = "s6.medium.2"
  security_group_ids = [huaweicloud_networking_secgroup.backend.id]

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.app.cidr, 10 + count.index)
  }
}

resource "huaweicloud_compute_instance" "api" {
  for_each           = local.api_hosts
  name               = "api-${each.key}"
  image_id           = var.image_id
  flavor_id          = "s6.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.backend.id]

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = each.value
  }
}

resource "huaweicloud_networking_secgroup" "backend" {
  name                 = "backend"
  delete_default_rules = true
}

# Dedicated ELBs reach the backends from their backend subnet (inside the VPC), shared ELBs
# from 100.125.0.0/16: health checks and forwarded requests both need to get in.
resource "huaweicloud_networking_secgroup_rule" "from_lb" {
  for_each          = toset([var.vpc_cidr, "100.125.0.0/16"])
  security_group_id = huaweicloud_networking_secgroup.backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "80,443,8000-9000"
  remote_ip_prefix  = each.value
}

resource "huaweicloud_as_configuration" "app" {
  scaling_configuration_name = "app"

  instance_config {
    image              = var.image_id
    flavor             = "s6.medium.2"
    security_group_ids = [huaweicloud_networking_secgroup.backend.id]
  }
}

resource "huaweicloud_as_group" "app" {
  scaling_group_name       = "app"
  scaling_configuration_id = huaweicloud_as_configuration.app.id
  desired_instance_number  = 2
  min_instance_number      = 2
  max_instance_number      = 6
  vpc_id                   = huaweicloud_vpc.main.id

  networks {
    id = huaweicloud_vpc_subnet.app.id
  }

  lbaas_listeners {
    pool_id       = huaweicloud_lb_pool.app.id
    protocol_port = 9000
    weight        = 1
  }
}
