provider "huaweicloud" {
  region = "ap-southeast-3"
}

resource "huaweicloud_vpc" "main" {
  name = "cce"
  cidr = "172.16.0.0/16"
}

resource "huaweicloud_vpc_subnet" "nodes" {
  name       = "nodes"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = "172.16.0.0/20"
  gateway_ip = "172.16.0.1"
}
