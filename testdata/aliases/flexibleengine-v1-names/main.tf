# FlexibleEngine registers `flexibleengine_as_group_v1` and `flexibleengine_as_group` for one
# resource: the pool below is fed by the group under its older name.
provider "flexibleengine" {
  region = "eu-west-0"
}

resource "flexibleengine_vpc_v1" "main" {
  name = "as"
  cidr = "192.168.0.0/16"
}

resource "flexibleengine_vpc_subnet_v1" "web" {
  name       = "web"
  vpc_id     = flexibleengine_vpc_v1.main.id
  cidr       = "192.168.20.0/24"
  gateway_ip = "192.168.20.1"
}

resource "flexibleengine_networking_secgroup_v2" "web" {
  name                 = "web"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "web_from_elb" {
  security_group_id = flexibleengine_networking_secgroup_v2.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "flexibleengine_lb_loadbalancer_v2" "web" {
  name          = "web"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.web.ipv4_subnet_id
}

resource "flexibleengine_lb_listener_v2" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_pool_v2" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v2.http.id
}

resource "flexibleengine_lb_monitor_v2" "web" {
  pool_id     = flexibleengine_lb_pool_v2.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/"
}

resource "flexibleengine_as_group_v1" "web" {
  scaling_group_name       = "web"
  scaling_configuration_id = var.scaling_configuration_id
  desire_instance_number   = 2
  min_instance_number      = 1
  max_instance_number      = 4
  vpc_id                   = flexibleengine_vpc_v1.main.id

  networks {
    id = flexibleengine_vpc_subnet_v1.web.id
  }

  security_groups {
    id = flexibleengine_networking_secgroup_v2.web.id
  }

  lbaas_listeners {
    pool_id       = flexibleengine_lb_pool_v2.web.id
    protocol_port = 8080
  }
}

variable "scaling_configuration_id" {
  type    = string
  default = "c8b5bd2b-3a6b-4e0f-9b0a-6e0b2c1d9a11"
}
