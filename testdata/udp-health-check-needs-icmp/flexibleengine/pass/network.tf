locals {
  app_cidr = cidrsubnet(var.vpc_cidr, 8, 1)

  # Syslog collectors, fixed addresses so that devices outside the VPC can be configured once.
  collectors = {
    a = "192.168.1.50"
    b = "192.168.1.51"
  }
}

resource "flexibleengine_vpc_v1" "main" {
  name = "infra"
  cidr = var.vpc_cidr
}

resource "flexibleengine_vpc_subnet_v1" "app" {
  name       = "app"
  vpc_id     = flexibleengine_vpc_v1.main.id
  cidr       = local.app_cidr
  gateway_ip = cidrhost(local.app_cidr, 1)
}
