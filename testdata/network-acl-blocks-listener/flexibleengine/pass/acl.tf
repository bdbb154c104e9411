resource "flexibleengine_network_acl" "lb_subnet" {
  name           = "lb-subnet"
  subnets        = [flexibleengine_vpc_subnet_v1.lb.id]
  inbound_rules  = [flexibleengine_network_acl_rule.ssh_from_vpc.id, flexibleengine_network_acl_rule.https_in.id]
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

resource "flexibleengine_network_acl" "api_lb_subnet" {
  name          = "api-lb-subnet"
  subnets       = [flexibleengine_vpc_subnet_v1.api_lb.id]
  inbound_rules = concat([flexibleengine_network_acl_rule.https_in.id], [for k, r in flexibleengine_network_acl_rule.api_in : r.id])
}

resource "flexibleengine_network_acl_rule" "https_in" {
  name              = "https-in"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = "0.0.0.0/0"
  destination_port  = "443"
}

resource "flexibleengine_network_acl_rule" "api_in" {
  for_each          = var.api_ports
  name              = "api-${each.key}-in"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = "0.0.0.0/0"
  destination_port  = tostring(each.value)
}

# An internal load balancer: VPC clients are admitted, which is some clients, not none.
resource "flexibleengine_network_acl" "internal_lb_subnet" {
  name          = "internal-lb-subnet"
  subnets       = [flexibleengine_vpc_subnet_v1.internal_lb.id]
  inbound_rules = [flexibleengine_network_acl_rule.internal_clients.id]
}

resource "flexibleengine_network_acl_rule" "internal_clients" {
  name              = "internal-clients"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = var.vpc_cidr
  destination_port  = "80"
}

# Clients from a variable without a value: not provable either way.
resource "flexibleengine_network_acl" "partner_lb_subnet" {
  name          = "partner-lb-subnet"
  subnets       = [flexibleengine_vpc_subnet_v1.partner_lb.id]
  inbound_rules = [flexibleengine_network_acl_rule.partner_clients.id]
}

resource "flexibleengine_network_acl_rule" "partner_clients" {
  name              = "partner-clients"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = var.partner_cidr
  destination_port  = "443"
}
