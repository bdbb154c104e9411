# Admits the health-check port only; requests go to 8080.
resource "flexibleengine_networking_secgroup_v2" "app" {
  name                 = "app-backend"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "app_health_check" {
  security_group_id = flexibleengine_networking_secgroup_v2.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 9090
  port_range_max    = 9090
  remote_ip_prefix  = "100.125.0.0/16"
}

# Admits the shared-ELB range and the LB's own subnet, but this dedicated ELB forwards from its
# backend subnet.
resource "flexibleengine_networking_secgroup_v2" "reports" {
  name                 = "reports-backend"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "reports_shared_range" {
  security_group_id = flexibleengine_networking_secgroup_v2.reports.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "flexibleengine_networking_secgroup_rule_v2" "reports_lb_subnet" {
  security_group_id = flexibleengine_networking_secgroup_v2.reports.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_ip_prefix  = flexibleengine_vpc_subnet_v1.elb.cidr
}

resource "flexibleengine_networking_secgroup_rule_v2" "reports_ssh" {
  security_group_id = flexibleengine_networking_secgroup_v2.reports.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = "10.10.255.10/32"
}
