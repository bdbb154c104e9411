terraform {
  required_providers {
    huaweicloud = {
      source = "huaweicloud/huaweicloud"
    }
  }
}

provider "huaweicloud" {
  region = "ap-southeast-3"
}

locals {
  # The timeout follows the interval's environment setting.
  health_check_timeout = var.health_check_timeout
  app_port             = 8080
}

resource "huaweicloud_vpc" "main" {
  name = "shop"
  cidr = var.vpc_cidr
}

resource "huaweicloud_vpc_subnet" "app" {
  name       = "app"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
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
  ports             = local.app_port
  remote_ip_prefix  = huaweicloud_vpc_subnet.app.cidr
}

resource "huaweicloud_elb_loadbalancer" "shop" {
  name              = "shop"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  l7_flavor_id      = "L7_flavor.elb.s1.small"
  availability_zone = ["ap-southeast-3a"]
}

resource "huaweicloud_elb_listener" "web" {
  name            = "web"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.shop.id
}

resource "huaweicloud_elb_pool" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.web.id
}

resource "huaweicloud_elb_listener" "api" {
  name            = "api"
  protocol        = "HTTP"
  protocol_port   = 8443
  loadbalancer_id = huaweicloud_elb_loadbalancer.shop.id
}

resource "huaweicloud_elb_pool" "api" {
  name        = "api"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.api.id
}

# One health check per pool, tuned per environment.
module "web_health" {
  source   = "./modules/health-check"
  pool_id  = huaweicloud_elb_pool.web.id
  port     = local.app_port
  interval = var.health_check_interval
  timeout  = local.health_check_timeout
}

resource "huaweicloud_compute_instance" "web" {
  count              = var.web_replicas
  name               = "web-${count.index}"
  image_id           = "ubuntu-22.04"
  flavor_id          = "s6.medium.2"
  security_group_ids = [huaweicloud_networking_secgroup.web.id]

  network {
    uuid = huaweicloud_vpc_subnet.app.id
  }
}

resource "huaweicloud_elb_member" "web" {
  count         = var.web_replicas
  pool_id       = huaweicloud_elb_pool.web.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = local.app_port
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_member" "api" {
  for_each      = toset(var.api_hosts)
  pool_id       = huaweicloud_elb_pool.api.id
  address       = each.value
  protocol_port = 8443
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}
