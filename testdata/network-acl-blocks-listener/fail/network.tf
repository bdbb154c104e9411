resource "huaweicloud_vpc" "main" {
  name = "shop"
  cidr = var.vpc_cidr
}

resource "huaweicloud_vpc_subnet" "lb" {
  name       = "lb"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 0)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 0), 1)
}

resource "huaweicloud_vpc_subnet" "api_lb" {
  name       = "api-lb"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 10)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 10), 1)
}

resource "huaweicloud_vpc_subnet" "app" {
  name       = "app"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
}

# Only SSH from the VPC: HTTPS clients never reach the load balancer in this subnet.
resource "huaweicloud_vpc_network_acl" "fail_lb_subnet" {
  name = "lb-subnet"

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = "10.0.0.0/16"
    destination_port  = "22"
  }

  egress_rules {
    action     = "allow"
    protocol   = "any"
    ip_version = 4
  }

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.lb.id
  }
}

# HTTPS only, but the dedicated load balancer in this subnet listens on 80 and 8080.
resource "huaweicloud_vpc_network_acl" "fail_https_only" {
  name = "api-lb-subnet"

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = "0.0.0.0/0"
    destination_port  = "443"
  }

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.api_lb.id
  }
}
