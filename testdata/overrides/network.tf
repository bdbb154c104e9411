resource "huaweicloud_vpc" "main" {
  name = "shop"
  cidr = var.vpc_cidr
}

resource "huaweicloud_vpc_subnet" "app" {
  name       = "app"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
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

resource "huaweicloud_networking_secgroup" "backend" {
  name                 = "web-backend"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "health_check" {
  security_group_id = huaweicloud_networking_secgroup.backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8080"
  remote_ip_prefix  = "100.125.0.0/16"
}
