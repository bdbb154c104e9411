provider "alicloud" {
  region = "cn-beijing"
}

variable "app_port" {
  type    = number
  default = 8080
}

locals {
  zones = ["cn-beijing-h", "cn-beijing-k"]
}

resource "alicloud_vpc" "main" {
  vpc_name   = "shop"
  cidr_block = "10.20.0.0/16"
}

# The load balancers' own vSwitches (their local addresses come from here).
resource "alicloud_vswitch" "lb" {
  count      = length(local.zones)
  vpc_id     = alicloud_vpc.main.id
  cidr_block = cidrsubnet(alicloud_vpc.main.cidr_block, 8, count.index)
  zone_id    = local.zones[count.index]
}

resource "alicloud_vswitch" "app" {
  vpc_id     = alicloud_vpc.main.id
  cidr_block = "10.20.10.0/24"
  zone_id    = local.zones[0]
}

resource "alicloud_security_group" "app" {
  vpc_id = alicloud_vpc.main.id
}

resource "alicloud_instance" "app" {
  count           = 2
  instance_type   = "ecs.g7.large"
  image_id        = "aliyun_3_x64_20G_alibase_20240528.vhd"
  vswitch_id      = alicloud_vswitch.app.id
  security_groups = [alicloud_security_group.app.id]
  private_ip      = cidrhost(alicloud_vswitch.app.cidr_block, 10 + count.index)
}
