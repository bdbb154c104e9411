# Admits the VPC only: the shared ELB's health checks come from 100.125.0.0/16.
resource "huaweicloud_vpc_network_acl" "fail_vpc_only" {
  name = "web"

  ingress_rules {
    action                 = "allow"
    protocol               = "tcp"
    ip_version             = 4
    source_ip_address      = var.vpc_cidr
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

# Legacy ACL copied from a shared-ELB setup: admits 100.125.0.0/16, but the dedicated ELB checks
# from its backend subnet.
resource "huaweicloud_network_acl" "fail_legacy_shared_range" {
  name          = "api"
  inbound_rules = [huaweicloud_network_acl_rule.elb_health_check.id, huaweicloud_network_acl_rule.deny_vpc.id]
  subnets       = [huaweicloud_vpc_subnet.api.id]
}

resource "huaweicloud_network_acl_rule" "elb_health_check" {
  name                   = "elb-health-check"
  protocol               = "tcp"
  action                 = "allow"
  source_ip_address      = "100.125.0.0/16"
  destination_ip_address = huaweicloud_vpc_subnet.api.cidr
  destination_port       = "8000:8100"
}

resource "huaweicloud_network_acl_rule" "deny_vpc" {
  name              = "deny-vpc"
  protocol          = "any"
  action            = "deny"
  source_ip_address = var.vpc_cidr
}
