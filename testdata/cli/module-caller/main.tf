locals {
  vpc_cidr = "10.10.0.0/16"
}

resource "huaweicloud_vpc" "main" {
  name = "shop"
  cidr = local.vpc_cidr
}

module "web" {
  source = "./modules/web"

  vpc_id    = huaweicloud_vpc.main.id
  vpc_cidr  = local.vpc_cidr
  image_id  = "ubuntu-22.04"
  web_count = 3
}
