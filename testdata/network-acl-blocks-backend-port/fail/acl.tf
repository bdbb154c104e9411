# Admits the health-check port 9090 only; requests go to 8080.
resource "huaweicloud_vpc_network_acl" "fail_hc_port_only" {
  name = "web"

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = "100.125.0.0/16"
    destination_port  = "9090"
  }

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.web.id
  }
}

# The VPC-wide deny comes first, so the allow for the ELB subnet never matches.
resource "huaweicloud_vpc_network_acl" "fail_deny_first" {
  name = "api"

  ingress_rules {
    action            = "deny"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = var.vpc_cidr
    destination_port  = "1-65535"
  }

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = huaweicloud_vpc_subnet.elb.cidr
    destination_port  = "8000"
  }

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.api.id
  }
}
