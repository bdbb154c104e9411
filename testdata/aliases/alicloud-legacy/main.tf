# Stacks written for old alicloud provider versions: `alicloud_slb` with its listeners inline and
# `alicloud_subnet` (registered for the same vSwitch resource as `alicloud_vswitch`).
provider "alicloud" {
  region = "cn-shanghai"
}

variable "app_port" {
  type    = number
  default = 8080
}

resource "alicloud_vpc" "main" {
  vpc_name   = "legacy"
  cidr_block = "172.16.0.0/16"
}

resource "alicloud_subnet" "lb" {
  vpc_id            = alicloud_vpc.main.id
  cidr_block        = "172.16.0.0/24"
  availability_zone = "cn-shanghai-b"
}

resource "alicloud_subnet" "web" {
  vpc_id            = alicloud_vpc.main.id
  cidr_block        = "172.16.1.0/24"
  availability_zone = "cn-shanghai-b"
}

resource "alicloud_security_group" "web" {
  vpc_id = alicloud_vpc.main.id
}

resource "alicloud_instance" "web" {
  count           = 2
  instance_type   = "ecs.g7.large"
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240130.vhd"
  vswitch_id      = alicloud_subnet.web.id
  security_groups = [alicloud_security_group.web.id]
  private_ip      = cidrhost(alicloud_subnet.web.cidr_block, 10 + count.index)
}

resource "alicloud_slb" "web" {
  name       = "web"
  internet   = false
  vswitch_id = alicloud_subnet.lb.id

  listener = [
    {
      lb_port                   = 80
      instance_port             = var.app_port
      lb_protocol               = "http"
      bandwidth                 = -1
      health_check              = "on"
      health_check_uri          = "/healthz"
      health_check_connect_port = var.app_port
    },
    {
      lb_port       = 443
      instance_port = var.app_port
      lb_protocol   = "tcp"
      bandwidth     = -1
    },
  ]
}

resource "alicloud_slb_attachment" "web" {
  load_balancer_id = alicloud_slb.web.id
  instance_ids     = alicloud_instance.web[*].id
}

# The backend vSwitch's ACL admits the app port from the VPC only: the health checks from
# 100.64.0.0/10 are dropped.
resource "alicloud_network_acl" "web" {
  vpc_id           = alicloud_vpc.main.id
  network_acl_name = "web"

  ingress_acl_entries {
    network_acl_entry_name = "app-from-vpc"
    protocol               = "tcp"
    port                   = "${var.app_port}/${var.app_port}"
    source_cidr_ip         = alicloud_vpc.main.cidr_block
    policy                 = "accept"
  }

  egress_acl_entries {
    network_acl_entry_name = "replies"
    protocol               = "tcp"
    port                   = "1024/65535"
    destination_cidr_ip    = "0.0.0.0/0"
    policy                 = "accept"
  }

  resources {
    resource_id   = alicloud_subnet.web.id
    resource_type = "VSwitch"
  }
}
