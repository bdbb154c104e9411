resource "huaweicloud_vpc" "shop" {
  name = "shop"
  cidr = var.vpc_cidr
}
