resource "flexibleengine_network_acl" "web" {
  name          = "web"
  subnets       = [flexibleengine_vpc_subnet_v1.web.id]
  inbound_rules = [for port in ["8080", "9090"] : flexibleengine_network_acl_rule.web_from_elb[port].id]
}

resource "flexibleengine_network_acl_rule" "web_from_elb" {
  for_each          = toset(["8080", "9090"])
  name              = "web-from-elb-${each.key}"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = "100.125.0.0/16"
  destination_port  = each.key
}

# The allow for the ELB subnet comes before the VPC-wide deny.
resource "flexibleengine_network_acl" "api" {
  name          = "api"
  subnets       = [flexibleengine_vpc_subnet_v1.api.id]
  inbound_rules = [flexibleengine_network_acl_rule.api_from_elb.id, flexibleengine_network_acl_rule.deny_vpc.id]
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

# The deny rule is switched off, so the allow after it decides.
resource "flexibleengine_network_acl" "batch" {
  name          = "batch"
  subnets       = [flexibleengine_vpc_subnet_v1.batch.id]
  inbound_rules = [flexibleengine_network_acl_rule.batch_maintenance.id, flexibleengine_network_acl_rule.batch_from_elb.id]
}

resource "flexibleengine_network_acl_rule" "batch_maintenance" {
  name     = "batch-maintenance"
  protocol = "any"
  action   = "deny"
  enabled  = false
}

resource "flexibleengine_network_acl_rule" "batch_from_elb" {
  name              = "batch-from-elb"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = "100.125.0.0/16"
  destination_port  = "8081-9091"
}

# Admits only VPC clients of the load balancer; it forwards from inside the subnet.
resource "flexibleengine_network_acl" "svc" {
  name          = "svc"
  subnets       = [flexibleengine_vpc_subnet_v1.svc.id]
  inbound_rules = [flexibleengine_network_acl_rule.svc_clients.id]
}

resource "flexibleengine_network_acl_rule" "svc_clients" {
  name              = "svc-clients"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = var.vpc_cidr
  destination_port  = "80"
}

# Denies everything: the health-check rule reports the same-port pool, the TCP listeners ignore ACLs.
resource "flexibleengine_network_acl" "jobs" {
  name    = "jobs"
  subnets = [flexibleengine_vpc_subnet_v1.jobs.id]
}
