locals {
  app_cidr = cidrsubnet(var.vpc_cidr, 8, 1)

  # Syslog collectors, fixed addresses so that devices outside the VPC can be configured once.
  collectors = {
    a = "192.168.1.50"
    b = "192.168.1.51"
  }
}

resource "huaweicloud_vpc" "main" {
  name = "infra"
  cidr = var.vpc_cidr
}

resource "huaweicloud_vpc_subnet" "app" {
  name       = "app"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = local.app_cidr
  gateway_ip = cidrhost(local.app_cidr, 1)
}
