provider "huaweicloud" {
  region = "eu-west-101"
}

resource "huaweicloud_vpc" "main" {
  name = "web"
  cidr = "192.168.0.0/16"
}

resource "huaweicloud_vpc_subnet" "web" {
  name       = "web"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = "192.168.10.0/24"
  gateway_ip = "192.168.10.1"
}

resource "huaweicloud_networking_secgroup" "web" {
  name                 = "web"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "web_from_elb" {
  security_group_id = huaweicloud_networking_secgroup.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = var.app_port
  remote_ip_prefix  = "100.125.0.0/16"
}
