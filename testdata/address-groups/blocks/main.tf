provider "huaweicloud" {
  region = "eu-west-101"
}

variable "elb_ranges" {
  type    = list(string)
  default = ["10.0.0.0/8", "172.16.0.0/12"]
}

resource "huaweicloud_vpc" "main" {
  name = "ag"
  cidr = "192.168.0.0/16"
}

resource "huaweicloud_vpc_subnet" "app" {
  name       = "app"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = "192.168.5.0/24"
  gateway_ip = "192.168.5.1"
}

# The office ranges only: the ELB health checks from 100.125.0.0/16 are not in the group.
resource "huaweicloud_vpc_address_group" "elb" {
  name      = "elb-health-checks"
  addresses = var.elb_ranges
}

resource "huaweicloud_networking_secgroup" "app" {
  name                 = "app"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "app_from_elb" {
  security_group_id       = huaweicloud_networking_secgroup.app.id
  direction               = "ingress"
  ethertype               = "IPv4"
  protocol                = "tcp"
  ports                   = "8080"
  remote_address_group_id = huaweicloud_vpc_address_group.elb.id
}

resource "huaweicloud_compute_instance" "app" {
  name               = "app"
  image_id           = "a6bed861-7ae3-43a3-a735-cc82d439b0c2"
  flavor_id          = "s6.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.app.id]

  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = "192.168.5.20"
  }
}

resource "huaweicloud_lb_loadbalancer" "app" {
  name          = "app"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "http" {
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.app.id
}

resource "huaweicloud_lb_pool" "app" {
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}

resource "huaweicloud_lb_member" "app" {
  pool_id       = huaweicloud_lb_pool.app.id
  address       = huaweicloud_compute_instance.app.access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "app" {
  pool_id     = huaweicloud_lb_pool.app.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
