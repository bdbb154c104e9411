# Dedicated ELB: health checks come from its backend subnet, not from 100.125.0.0/16.

variable "api_servers" {
  type = map(number)
  default = {
    api-a = 20
    api-b = 21
  }
}

resource "huaweicloud_vpc_subnet" "elb" {
  name       = "elb"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 10)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 10), 1)
}

resource "huaweicloud_vpc_subnet" "api" {
  name       = "api"
  vpc_id     = huaweicloud_vpc.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 2)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 2), 1)
}

resource "huaweicloud_elb_loadbalancer" "api" {
  name              = "api"
  vpc_id            = huaweicloud_vpc.main.id
  availability_zone = ["cn-north-4a", "cn-north-4b"]
  ipv4_subnet_id    = huaweicloud_vpc_subnet.elb.ipv4_subnet_id
  backend_subnets   = [huaweicloud_vpc_subnet.elb.id]
}

resource "huaweicloud_elb_listener" "api_http" {
  name            = "api-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
}

resource "huaweicloud_elb_pool" "api" {
  name        = "api"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.api_http.id
}

resource "huaweicloud_elb_member" "api" {
  for_each      = var.api_servers
  pool_id       = huaweicloud_elb_pool.api.id
  address       = huaweicloud_compute_instance.api[each.key].network[0].fixed_ip_v4
  protocol_port = 8000
  subnet_id     = huaweicloud_vpc_subnet.api.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "api" {
  pool_id     = huaweicloud_elb_pool.api.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/health"
}

resource "huaweicloud_elb_listener" "admin_http" {
  name            = "admin-http"
  protocol        = "HTTP"
  protocol_port   = 8080
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
}

resource "huaweicloud_elb_pool" "admin" {
  name        = "admin"
  protocol    = "HTTP"
  lb_method   = "LEAST_CONNECTIONS"
  listener_id = huaweicloud_elb_listener.admin_http.id
}

resource "huaweicloud_elb_member" "admin" {
  pool_id       = huaweicloud_elb_pool.admin.id
  address       = huaweicloud_compute_instance.admin.network[0].fixed_ip_v4
  protocol_port = 8443
  subnet_id     = huaweicloud_vpc_subnet.api.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "admin" {
  pool_id     = huaweicloud_elb_pool.admin.id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
}
