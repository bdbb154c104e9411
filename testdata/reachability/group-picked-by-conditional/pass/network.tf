resource "huaweicloud_vpc" "main" {
  name = "app"
  cidr = var.vpc_cidr
}

resource "huaweicloud_vpc_subnet" "elb" {
  name       = "elb"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 0)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 0), 1)
}

resource "huaweicloud_vpc_subnet" "app" {
  name       = "app"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
}
