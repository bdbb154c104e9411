# A deployment root that uses the module and forgets to give its web pool any member.
provider "huaweicloud" {
  region = "eu-west-0"
}

resource "huaweicloud_vpc" "main" {
  name = "main"
  cidr = "192.168.0.0/16"
}

resource "huaweicloud_vpc_subnet" "lb" {
  name       = "lb"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = "192.168.1.0/24"
  gateway_ip = "192.168.1.1"
}

module "web" {
  source = "../modules/elb"

  name              = "web"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.lb.ipv4_subnet_id
  backend_subnet_id = huaweicloud_vpc_subnet.lb.id
  extra_pool_count  = 0
  listeners = [
    { protocol = "HTTP", port = 80, backend_port = 8080 },
  ]
}
