resource "flexibleengine_networking_secgroup_v2" "app" {
  name                 = "app-backend"
  delete_default_rules = true
}

# Health-check port and member port, both from the shared-ELB range.
resource "flexibleengine_networking_secgroup_rule_v2" "app_from_elb" {
  for_each          = toset(["8080", "9090"])
  security_group_id = flexibleengine_networking_secgroup_v2.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = tonumber(each.key)
  port_range_max    = tonumber(each.key)
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "flexibleengine_networking_secgroup_v2" "reports" {
  name                 = "reports-backend"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "reports_from_backend_subnet" {
  security_group_id = flexibleengine_networking_secgroup_v2.reports.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_ip_prefix  = flexibleengine_vpc_subnet_v1.app.cidr
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

resource "flexibleengine_networking_secgroup_v2" "closed" {
  name                 = "cache"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_v2" "batch" {
  name                 = "batch"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "batch_health_check" {
  security_group_id = flexibleengine_networking_secgroup_v2.batch.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 9092
  port_range_max    = 9092
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "flexibleengine_networking_secgroup_rule_v2" "batch_from_variable" {
  security_group_id = flexibleengine_networking_secgroup_v2.batch.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8082
  port_range_max    = 8082
  remote_ip_prefix  = var.lb_source_cidr
}
