resource "huaweicloud_vpc" "main" {
  name = "shop"
  cidr = var.vpc_cidr
}

resource "huaweicloud_vpc_subnet" "elb" {
  name       = "elb"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 0)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 0), 1)
}

resource "huaweicloud_vpc_subnet" "web" {
  name       = "web"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
}

resource "huaweicloud_vpc_subnet" "api" {
  name       = "api"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 2)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 2), 1)
}

resource "huaweicloud_vpc_subnet" "batch" {
  name       = "batch"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 3)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 3), 1)
}

resource "huaweicloud_vpc_subnet" "svc" {
  name       = "svc"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 4)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 4), 1)
}

resource "huaweicloud_vpc_subnet" "jobs" {
  name       = "jobs"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 5)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 5), 1)
}
