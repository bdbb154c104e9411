resource "huaweicloud_vpc_subnet" "this" {
  name       = "${var.name}-app"
  vpc_id     = var.vpc_id
  cidr       = cidrsubnet(var.vpc_cidr, 8, var.subnet_index)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, var.subnet_index), 1)
}
