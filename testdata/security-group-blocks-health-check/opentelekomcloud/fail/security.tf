resource "opentelekomcloud_networking_secgroup_v2" "web" {
  name        = "web"
  description = "web servers behind the shared ELB"
}

resource "opentelekomcloud_networking_secgroup_rule_v2" "web_from_vpc" {
  security_group_id = opentelekomcloud_networking_secgroup_v2.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = var.app_port
  port_range_max    = var.app_port
  remote_ip_prefix  = var.vpc_cidr
}

resource "opentelekomcloud_networking_secgroup_v2" "api" {
  name        = "api"
  description = "api servers behind the dedicated ELB"
}

resource "opentelekomcloud_networking_secgroup_rule_v2" "api_from_elb_range" {
  security_group_id = opentelekomcloud_networking_secgroup_v2.api.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8000
  port_range_max    = 8000
  remote_ip_prefix  = "100.125.0.0/16"
}
