resource "huaweicloud_vpc" "main" {
  name = "app"
  cidr = var.vpc_cidr
}

resource "huaweicloud_vpc_subnet" "elb" {
  count      = 2
  name       = "elb-${count.index}"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, count.index)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, count.index), 1)
}

resource "huaweicloud_vpc_subnet" "app" {
  name       = "app"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 10)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 10), 1)
}
