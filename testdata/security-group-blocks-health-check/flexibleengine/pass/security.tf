resource "flexibleengine_networking_secgroup_v2" "web_backend" {
  name                 = "web-backend"
  description          = "web servers"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "web_from_elb" {
  security_group_id = flexibleengine_networking_secgroup_v2.web_backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "flexibleengine_networking_secgroup_rule_v2" "web_ssh" {
  security_group_id = flexibleengine_networking_secgroup_v2.web_backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = var.bastion_cidr
}

# Admits the dedicated ELB's subnet, where its health checks come from.
resource "flexibleengine_networking_secgroup_v2" "api_backend" {
  name                 = "api-backend"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "api_from_elb_subnet" {
  security_group_id = flexibleengine_networking_secgroup_v2.api_backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8000
  port_range_max    = 8000
  remote_ip_prefix  = flexibleengine_vpc_subnet_v1.elb.cidr
}

resource "flexibleengine_networking_secgroup_v2" "admin_backend" {
  name                 = "admin-backend"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "admin_from_elb" {
  security_group_id = flexibleengine_networking_secgroup_v2.admin_backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8400
  port_range_max    = 8499
  remote_ip_prefix  = flexibleengine_vpc_subnet_v1.elb.cidr
}

resource "flexibleengine_networking_secgroup_rule_v2" "admin_from_group" {
  security_group_id = flexibleengine_networking_secgroup_v2.admin_backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8443
  port_range_max    = 8443
  remote_group_id   = flexibleengine_networking_secgroup_v2.admin_backend.id
}

# Nothing admitted at all: only used behind listeners the security groups do not apply to.
resource "flexibleengine_networking_secgroup_v2" "closed" {
  name                 = "closed"
  delete_default_rules = true
}
