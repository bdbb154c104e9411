resource "opentelekomcloud_networking_secgroup_v2" "web" {
  name        = "web"
  description = "web servers"
}

resource "opentelekomcloud_networking_secgroup_rule_v2" "web_from_anywhere" {
  security_group_id = opentelekomcloud_networking_secgroup_v2.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 1
  port_range_max    = 65535
  remote_ip_prefix  = "0.0.0.0/0"
}
