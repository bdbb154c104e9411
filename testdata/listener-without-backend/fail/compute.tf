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
  ports             = "80,443,1883,8000-9100"
  remote_ip_prefix  = each.value
}
