resource "huaweicloud_vpc" "main" {
  name = "catalog"
  cidr = "172.16.0.0/16"
}

resource "huaweicloud_vpc_subnet" "app" {
  name       = "app"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = "172.16.1.0/24"
  gateway_ip = "172.16.1.1"
}

module "elb" {
  source  = "huaweicloud/elb/huaweicloud//modules/shared"
  version = "1.4.0"

  name      = "catalog"
  subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  members = {
    "172.16.1.10" = 1
    # drained for maintenance, then forgotten
    "172.16.1.11" = 0
  }
}

output "vip" {
  value = module.elb.vip_address
}
