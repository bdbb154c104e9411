resource "huaweicloud_vpc_network_acl" "pass_both_ports" {
  name = "web"

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = "100.125.0.0/16"
    destination_port  = "8080,9090"
  }

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.web.id
  }
}

# The allow for the ELB subnet comes before the VPC-wide deny.
resource "huaweicloud_vpc_network_acl" "pass_allow_first" {
  name = "api"

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = huaweicloud_vpc_subnet.elb.cidr
    destination_port  = "8000"
  }

  ingress_rules {
    action            = "deny"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = var.vpc_cidr
    destination_port  = "1-65535"
  }

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.api.id
  }
}

# Switched off: its rules do not apply.
resource "huaweicloud_vpc_network_acl" "pass_disabled" {
  name    = "batch"
  enabled = false

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.batch.id
  }
}

# Admits only VPC clients of the load balancer; it forwards from inside the subnet.
resource "huaweicloud_vpc_network_acl" "pass_same_subnet" {
  name = "svc"

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = var.vpc_cidr
    destination_port  = "80"
  }

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.svc.id
  }
}

# Denies everything: the health-check rule reports the same-port pool, the TCP listeners ignore ACLs.
resource "huaweicloud_vpc_network_acl" "pass_not_this_rule" {
  name = "jobs"

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.jobs.id
  }
}
