resource "flexibleengine_network_acl" "web" {
  name          = "web"
  subnets       = [flexibleengine_vpc_subnet_v1.web.id]
  inbound_rules = [flexibleengine_network_acl_rule.web_from_elb.id, flexibleengine_network_acl_rule.web_ssh.id]
}

resource "flexibleengine_network_acl_rule" "web_from_elb" {
  name              = "web-from-elb"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = "100.125.0.0/16"
  destination_port  = "8080"
}

resource "flexibleengine_network_acl_rule" "web_ssh" {
  name              = "web-ssh"
  protocol          = "tcp"
  action            = "allow"
  source_ip_address = "172.16.255.10/32"
  destination_port  = "22"
}

# The dedicated ELB's subnet is admitted before the VPC-wide deny.
resource "flexibleengine_network_acl" "api" {
  name          = "api"
  subnets       = [flexibleengine_vpc_subnet_v1.api.id]
  inbound_rules = [flexibleengine_network_acl_rule.elb_subnet.id, flexibleengine_network_acl_rule.deny_vpc.id]
}

resource "flexibleengine_network_acl_rule" "elb_subnet" {
  name                   = "elb-subnet"
  protocol               = "tcp"
  action                 = "allow"
  source_ip_address      = flexibleengine_vpc_subnet_v1.elb.cidr
  destination_ip_address = flexibleengine_vpc_subnet_v1.api.cidr
  destination_port       = "8000-8100"
}

resource "flexibleengine_network_acl_rule" "deny_vpc" {
  name              = "deny-vpc"
  protocol          = "any"
  action            = "deny"
  source_ip_address = var.vpc_cidr
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
  destination_port  = "8081"
}

# Admits only VPC clients of the load balancer; its health checks come from inside the subnet.
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

# No rules: denies everything. Only the TCP listeners that ignore ACLs send traffic here.
resource "flexibleengine_network_acl" "jobs" {
  name    = "jobs"
  subnets = [flexibleengine_vpc_subnet_v1.jobs.id]
}
