resource "opentelekomcloud_networking_secgroup_v2" "web" {
  name        = "web"
  description = "web servers"
}

resource "opentelekomcloud_networking_secgroup_rule_v2" "web_from_elb" {
  security_group_id = opentelekomcloud_networking_secgroup_v2.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = var.app_port
  port_range_max    = var.app_port
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "opentelekomcloud_networking_secgroup_v2" "api" {
  name        = "api"
  description = "api servers"
}

resource "opentelekomcloud_networking_secgroup_rule_v2" "api_from_backend_subnet" {
  security_group_id = opentelekomcloud_networking_secgroup_v2.api.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8000
  port_range_max    = 8000
  remote_ip_prefix  = opentelekomcloud_vpc_subnet_v1.lb.cidr
}
