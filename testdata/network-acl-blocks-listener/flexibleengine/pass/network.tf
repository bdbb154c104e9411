resource "flexibleengine_vpc_v1" "main" {
  name = "shop"
  cidr = var.vpc_cidr
}

resource "flexibleengine_vpc_subnet_v1" "lb" {
  name       = "lb"
  vpc_id     = flexibleengine_vpc_v1.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 0)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 0), 1)
}

resource "flexibleengine_vpc_subnet_v1" "api_lb" {
  name       = "api-lb"
  vpc_id     = flexibleengine_vpc_v1.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 10)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 10), 1)
}

resource "flexibleengine_vpc_subnet_v1" "app" {
  name       = "app"
  vpc_id     = flexibleengine_vpc_v1.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
}

resource "flexibleengine_vpc_subnet_v1" "internal_lb" {
  name       = "internal-lb"
  vpc_id     = flexibleengine_vpc_v1.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 11)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 11), 1)
}

resource "flexibleengine_vpc_subnet_v1" "partner_lb" {
  name       = "partner-lb"
  vpc_id     = flexibleengine_vpc_v1.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 12)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 12), 1)
}
