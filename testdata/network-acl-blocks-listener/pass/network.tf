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

resource "huaweicloud_vpc_subnet" "internal_lb" {
  name       = "internal-lb"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 11)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 11), 1)
}

resource "huaweicloud_vpc_subnet" "partner_lb" {
  name       = "partner-lb"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 12)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 12), 1)
}

resource "huaweicloud_vpc_subnet" "app" {
  name       = "app"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
}

resource "huaweicloud_vpc_network_acl" "pass_lb_subnet" {
  name = "lb-subnet"

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = "10.0.0.0/16"
    destination_port  = "22"
  }

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = "0.0.0.0/0"
    destination_port  = "443"
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

# Switched off: its rules do not apply.
resource "huaweicloud_vpc_network_acl" "pass_disabled" {
  name    = "api-lb-subnet"
  enabled = false

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

# An internal load balancer: VPC clients are admitted, which is some clients, not none.
resource "huaweicloud_vpc_network_acl" "pass_vpc_clients_only" {
  name = "internal-lb-subnet"

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = var.vpc_cidr
    destination_port  = "80"
  }

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.internal_lb.id
  }
}

# Clients from a variable without a value: not provable either way.
resource "huaweicloud_vpc_network_acl" "pass_unknown_clients" {
  name = "partner-lb-subnet"

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = var.partner_cidr
    destination_port  = "443"
  }

  associated_subnets {
    subnet_id = huaweicloud_vpc_subnet.partner_lb.id
  }
}
