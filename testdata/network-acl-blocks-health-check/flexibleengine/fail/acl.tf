# Admits the VPC only: the shared ELB's health checks come from 100.125.0.0/16.
resource "flexibleengine_network_acl" "web" {
  name          = "web"
  subnets       = [flexibleengine_vpc_subnet_v1.web.id]
  inbound_rules = [flexibleengine_network_acl_rule.web_from_vpc.id, flexibleengine_network_acl_rule.web_ssh.id]
}

resource "flexibleengine_network_acl_rule" "web_from_vpc" {
  name              = "web-from-vpc"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = var.vpc_cidr
  destination_port  = "8080"
}

resource "flexibleengine_network_acl_rule" "web_ssh" {
  name              = "web-ssh"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = "172.16.255.10/32"
  destination_port  = "22"
}

# Copied from a shared-ELB setup: admits 100.125.0.0/16, but the dedicated ELB checks from its
# own subnet, which the VPC-wide deny drops.
resource "flexibleengine_network_acl" "api" {
  name          = "api"
  subnets       = [flexibleengine_vpc_subnet_v1.api.id]
  inbound_rules = [flexibleengine_network_acl_rule.elb_health_check.id, flexibleengine_network_acl_rule.deny_vpc.id]
}

resource "flexibleengine_network_acl_rule" "elb_health_check" {
  name                   = "elb-health-check"
  protocol               = "tcp"
  action                 = "allow"
  source_ip_address      = "100.125.0.0/16"
  destination_ip_address = flexibleengine_vpc_subnet_v1.api.cidr
  destination_port       = "8000-8100"
}

resource "flexibleengine_network_acl_rule" "deny_vpc" {
  name              = "deny-vpc"
  protocol          = "any"
  action            = "deny"
  source_ip_address = var.vpc_cidr
}
