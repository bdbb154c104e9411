data "alicloud_zones" "default" {
  available_resource_creation = "VSwitch"
}

locals {
  zone_id = data.alicloud_zones.default.zones[0].id
  tags    = {
    app       = var.app_name
    terraform = "true"
  }
}

resource "alicloud_vpc" "main" {
  vpc_name   = "${var.app_name}-vpc"
  cidr_block = var.vpc_cidr
  tags       = local.tags
}

resource "alicloud_vswitch" "lb" {
  vswitch_name = "${var.app_name}-lb"
  vpc_id       = alicloud_vpc.main.id
  cidr_block   = cidrsubnet(var.vpc_cidr, 8, 0)
  zone_id      = local.zone_id
}

resource "alicloud_vswitch" "web" {
  vswitch_name = "${var.app_name}-web"
  vpc_id       = alicloud_vpc.main.id
  cidr_block   = cidrsubnet(var.vpc_cidr, 8, 1)
  zone_id      = local.zone_id
}

resource "alicloud_security_group" "web" {
  security_group_name = "${var.app_name}-web"
  vpc_id              = alicloud_vpc.main.id
}

resource "alicloud_security_group_rule" "app_from_vpc" {
  type              = "ingress"
  ip_protocol       = "tcp"
  nic_type          = "intranet"
  policy            = "accept"
  port_range        = "${var.app_port}/${var.app_port}"
  priority          = 1
  security_group_id = alicloud_security_group.web.id
  cidr_ip           = var.vpc_cidr
}
