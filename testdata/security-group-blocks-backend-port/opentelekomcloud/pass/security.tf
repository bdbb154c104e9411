resource "opentelekomcloud_networking_secgroup_v2" "web" {
  name        = "web"
  description = "web servers"
}

resource "opentelekomcloud_networking_secgroup_rule_v2" "web_health" {
  security_group_id = opentelekomcloud_networking_secgroup_v2.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 9090
  port_range_max    = 9090
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "opentelekomcloud_networking_secgroup_rule_v2" "web_app" {
  security_group_id = opentelekomcloud_networking_secgroup_v2.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = var.app_port
  port_range_max    = var.app_port
  remote_ip_prefix  = "100.125.0.0/16"
}
