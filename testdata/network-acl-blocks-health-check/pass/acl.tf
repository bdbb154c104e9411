resource "huaweicloud_vpc_network_acl" "pass_elb_range" {
  name = "web"

  # IPv6 rules do not apply to the IPv4 health checks.
  ingress_rules {
    action     = "deny"
    protocol   = "any"
    ip_version = 6
  }

  ingress_rules {
    action                 = "allow"
    protocol               = "tcp"
    ip_version             = 4
    source_ip_address      = "100.125.0.0/16"
    destination_port       = "8080"
  }

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = "172.16.255.10/32"
    destination_port  = "22"
  }

  egress_rules {
    action     = "allow"
    protocol   = "any"
    ip_version = 4
  }

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.web.id
  }
}

resource "huaweicloud_network_acl" "pass_legacy_lb_subnet" {
  name          = "api"
  inbound_rules = [huaweicloud_network_acl_rule.elb_backend_subnet.id, huaweicloud_network_acl_rule.deny_vpc.id]
  subnets       = [huaweicloud_vpc_subnet.api.id]
}

resource "huaweicloud_network_acl_rule" "elb_backend_subnet" {
  name                   = "elb-backend-subnet"
  protocol               = "tcp"
  action                 = "allow"
  source_ip_address      = huaweicloud_vpc_subnet.elb.cidr
  destination_ip_address = huaweicloud_vpc_subnet.api.cidr
  destination_port       = "8000:8100"
}

resource "huaweicloud_network_acl_rule" "deny_vpc" {
  name              = "deny-vpc"
  protocol          = "any"
  action            = "deny"
  source_ip_address = var.vpc_cidr
}

# Switched off: its rules do not apply.
resource "huaweicloud_vpc_network_acl" "pass_disabled" {
  name    = "batch"
  enabled = false

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = "172.16.255.10/32"
    destination_port  = "22"
  }

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.batch.id
  }
}

# Admits only VPC clients of the load balancer; its health checks come from inside the subnet.
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

# Denies everything; only the TCP listeners that ignore ACLs send traffic here.
resource "huaweicloud_vpc_network_acl" "pass_exempt_listeners" {
  name = "jobs"

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.jobs.id
  }
}
