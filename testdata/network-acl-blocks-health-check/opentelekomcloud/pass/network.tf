resource "opentelekomcloud_vpc_v1" "main" {
  name = "prod"
  cidr = var.vpc_cidr
}

resource "opentelekomcloud_vpc_subnet_v1" "lb" {
  name       = "lb"
  vpc_id     = opentelekomcloud_vpc_v1.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
}

resource "opentelekomcloud_vpc_subnet_v1" "app" {
  name       = "app"
  vpc_id     = opentelekomcloud_vpc_v1.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 2)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 2), 1)
}
