# Only SSH from the VPC: HTTPS clients never reach the load balancer in this subnet.
resource "flexibleengine_network_acl" "lb_subnet" {
  name           = "lb-subnet"
  subnets        = [flexibleengine_vpc_subnet_v1.lb.id]
  inbound_rules  = [flexibleengine_network_acl_rule.ssh_from_vpc.id]
  outbound_rules = [flexibleengine_network_acl_rule.all_out.id]
}

resource "flexibleengine_network_acl_rule" "ssh_from_vpc" {
  name              = "ssh-from-vpc"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = "10.0.0.0/16"
  destination_port  = "22"
}

resource "flexibleengine_network_acl_rule" "all_out" {
  name     = "all-out"
  protocol = "any"
  action   = "allow"
}

# HTTPS only, but the dedicated load balancer in this subnet listens on 80 and 8080.
resource "flexibleengine_network_acl" "api_lb_subnet" {
  name          = "api-lb-subnet"
  subnets       = [flexibleengine_vpc_subnet_v1.api_lb.id]
  inbound_rules = [flexibleengine_network_acl_rule.https_in.id]
}

resource "flexibleengine_network_acl_rule" "https_in" {
  name              = "https-in"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = "0.0.0.0/0"
  destination_port  = "443"
}
