data "huaweicloud_availability_zones" "test" {}

resource "huaweicloud_vpc" "test" {
  name = "vpc-web"
  cidr = var.vpc_cidr
}

resource "huaweicloud_vpc_subnet" "test" {
  name       = "subnet-web"
  vpc_id     = huaweicloud_vpc.test.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
}
