resource "flexibleengine_vpc_v1" "main" {
  name = "shop"
  cidr = var.vpc_cidr
}

resource "flexibleengine_vpc_subnet_v1" "app" {
  name       = "app"
  vpc_id     = flexibleengine_vpc_v1.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
}
