# The older names the huaweicloud provider still registers (provider.go ResourcesMap), as stacks
# written in 2019-2021 use them.
provider "huaweicloud" {
  region = "cn-north-4"
}

resource "huaweicloud_vpc_v1" "main" {
  name = "legacy"
  cidr = "192.168.0.0/16"
}

resource "huaweicloud_vpc_subnet_v1" "app" {
  name       = "app"
  vpc_id     = huaweicloud_vpc_v1.main.id
  cidr       = "192.168.1.0/24"
  gateway_ip = "192.168.1.1"
}

resource "huaweicloud_networking_secgroup_v2" "app" {
  name                 = "app"
  delete_default_rules = true
}

# Admits the app port from the VPC only, not from the ELB's 100.125.0.0/16.
resource "huaweicloud_networking_secgroup_rule_v2" "app_from_vpc" {
  security_group_id = huaweicloud_networking_secgroup_v2.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_ip_prefix  = "192.168.0.0/16"
}

resource "huaweicloud_compute_instance_v2" "app" {
  count           = 2
  name            = "app-${count.index}"
  image_id        = "a6bed861-7ae3-43a3-a735-cc82d439b0c2"
  flavor_id       = "s6.large.2"
  security_groups = [huaweicloud_networking_secgroup_v2.app.name]

  network {
    uuid        = huaweicloud_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet_v1.app.cidr, 10 + count.index)
  }
}

resource "huaweicloud_vpc_eip_v1" "lb" {
  publicip {
    type    = "5_bgp"
    port_id = huaweicloud_lb_loadbalancer_v2.web.vip_port_id
  }
  bandwidth {
    name        = "lb"
    size        = 10
    share_type  = "PER"
    charge_mode = "traffic"
  }
}
