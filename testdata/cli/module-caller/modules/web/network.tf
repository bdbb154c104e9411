resource "huaweicloud_vpc_subnet" "app" {
  name       = "app"
  vpc_id     = var.vpc_id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
}
