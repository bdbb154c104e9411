# The deprecated huaweicloud firewall (fw_*_v2, still registered) on the app subnet's router
# interface, and an AS group under its older name (as_group_v1) feeding the pool.
provider "huaweicloud" {
  region = "eu-west-0"
}

variable "vpc_cidr" {
  type    = string
  default = "10.1.0.0/16"
}

resource "huaweicloud_vpc_v1" "main" {
  name = "fw"
  cidr = var.vpc_cidr
}

resource "huaweicloud_vpc_subnet_v1" "app" {
  name       = "app"
  vpc_id     = huaweicloud_vpc_v1.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
}

resource "huaweicloud_networking_secgroup_v2" "app" {
  name                 = "app"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule_v2" "app_from_elb" {
  security_group_id = huaweicloud_networking_secgroup_v2.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_ip_prefix  = "100.125.0.0/16"
}

data "huaweicloud_networking_port_v2" "app_gateway" {
  network_id   = huaweicloud_vpc_subnet_v1.app.id
  device_owner = "network:router_interface_distributed"
}

# Admits the app port from the VPC only: the ELB's health checks from 100.125.0.0/16 are dropped.
resource "huaweicloud_fw_rule_v2" "allow_vpc_http" {
  name              = "allow-vpc-http"
  action            = "allow"
  protocol          = "tcp"
  source_ip_address = var.vpc_cidr
  destination_port  = "8080"
}

resource "huaweicloud_fw_policy_v2" "app_in" {
  name  = "app-in"
  rules = [huaweicloud_fw_rule_v2.allow_vpc_http.id]
}

resource "huaweicloud_fw_rule_v2" "app_out_all" {
  name     = "app-out-all"
  action   = "allow"
  protocol = "any"
}

resource "huaweicloud_fw_policy_v2" "app_out" {
  name  = "app-out"
  rules = [huaweicloud_fw_rule_v2.app_out_all.id]
}

resource "huaweicloud_fw_firewall_group_v2" "app" {
  name              = "app"
  ingress_policy_id = huaweicloud_fw_policy_v2.app_in.id
  egress_policy_id  = huaweicloud_fw_policy_v2.app_out.id
  ports             = [data.huaweicloud_networking_port_v2.app_gateway.id]
}
