# Admits the health-check port 9090 only; requests go to 8080.
resource "flexibleengine_network_acl" "web" {
  name          = "web"
  subnets       = [flexibleengine_vpc_subnet_v1.web.id]
  inbound_rules = [flexibleengine_network_acl_rule.web_health_check.id]
}

resource "flexibleengine_network_acl_rule" "web_health_check" {
  name              = "web-health-check"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = "100.125.0.0/16"
  destination_port  = "9090"
}

# The VPC-wide deny comes first, so the allow for the ELB subnet never matches.
resource "flexibleengine_network_acl" "api" {
  name          = "api"
  subnets       = [flexibleengine_vpc_subnet_v1.api.id]
  inbound_rules = [flexibleengine_network_acl_rule.deny_vpc.id, flexibleengine_network_acl_rule.api_from_elb.id]
}

resource "flexibleengine_network_acl_rule" "deny_vpc" {
  name              = "deny-vpc"
  protocol          = "tcp"
  action            = "deny"
  source_ip_address = var.vpc_cidr
  destination_port  = "1-65535"
}

resource "flexibleengine_network_acl_rule" "api_from_elb" {
  name              = "api-from-elb"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = flexibleengine_vpc_subnet_v1.elb.cidr
  destination_port  = "8000"
}
