provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_vpc" "main" {
  vpc_name   = "ess"
  cidr_block = "10.8.0.0/16"
}

resource "alicloud_vswitch" "app" {
  vpc_id     = alicloud_vpc.main.id
  cidr_block = "10.8.1.0/24"
  zone_id    = "cn-hangzhou-h"
}

resource "alicloud_security_group" "app" {
  vpc_id = alicloud_vpc.main.id
}

# CLB whose default server group the scaling group fills (loadbalancer_ids).
resource "alicloud_slb_load_balancer" "web" {
  load_balancer_name = "web"
  address_type       = "intranet"
  vswitch_id         = alicloud_vswitch.app.id
  load_balancer_spec = "slb.s2.small"
}

resource "alicloud_slb_listener" "web" {
  load_balancer_id = alicloud_slb_load_balancer.web.id
  protocol         = "tcp"
  frontend_port    = 80
  backend_port     = 8080
  bandwidth        = -1
}

resource "alicloud_ess_scaling_group" "web" {
  scaling_group_name = "web"
  min_size           = 1
  max_size           = 4
  vswitch_ids        = [alicloud_vswitch.app.id]
  loadbalancer_ids   = [alicloud_slb_load_balancer.web.id]
}

resource "alicloud_ess_scaling_configuration" "web" {
  scaling_group_id  = alicloud_ess_scaling_group.web.id
  image_id          = "ubuntu_22_04_x64_20G_alibase_20240130.vhd"
  instance_type     = "ecs.g7.large"
  security_group_id = alicloud_security_group.app.id
  force_delete      = true
  active            = true
}
