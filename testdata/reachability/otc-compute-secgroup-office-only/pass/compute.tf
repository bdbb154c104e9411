resource "opentelekomcloud_compute_secgroup_v2" "web" {
  name        = "web"
  description = "Web servers: the office, and the load balancer's health checks"

  rule {
    from_port   = 22
    to_port     = 22
    ip_protocol = "tcp"
    cidr        = var.office_cidr
  }

  rule {
    from_port   = 80
    to_port     = 80
    ip_protocol = "tcp"
    cidr        = var.office_cidr
  }

  # Health checks of the shared load balancer.
  rule {
    from_port   = 80
    to_port     = 80
    ip_protocol = "tcp"
    cidr        = "100.125.0.0/16"
  }

  rule {
    from_port   = -1
    to_port     = -1
    ip_protocol = "icmp"
    cidr        = var.office_cidr
  }

  rule {
    from_port   = 1
    to_port     = 65535
    ip_protocol = "tcp"
    self        = true
  }
}

resource "opentelekomcloud_compute_instance_v2" "web" {
  count           = var.instance_count
  name            = format("web-%02d", count.index + 1)
  image_name      = var.image_name
  flavor_name     = "s3.medium.1"
  key_pair        = var.key_pair
  security_groups = [opentelekomcloud_compute_secgroup_v2.web.name]

  network {
    uuid = opentelekomcloud_networking_network_v2.web.id
  }

  depends_on = [opentelekomcloud_networking_router_interface_v2.web]
}
