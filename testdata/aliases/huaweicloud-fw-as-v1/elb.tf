resource "huaweicloud_lb_loadbalancer_v2" "web" {
  name          = "web"
  vip_subnet_id = huaweicloud_vpc_subnet_v1.app.subnet_id
}

resource "huaweicloud_lb_listener_v2" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer_v2.web.id
}

resource "huaweicloud_lb_pool_v2" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener_v2.http.id
}

resource "huaweicloud_lb_monitor_v2" "web" {
  pool_id     = huaweicloud_lb_pool_v2.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "huaweicloud_as_group_v1" "web" {
  scaling_group_name       = "web"
  scaling_configuration_id = var.scaling_configuration_id
  desire_instance_number   = 2
  min_instance_number      = 1
  max_instance_number      = 4
  vpc_id                   = huaweicloud_vpc_v1.main.id

  networks {
    id = huaweicloud_vpc_subnet_v1.app.id
  }

  security_groups {
    id = huaweicloud_networking_secgroup_v2.app.id
  }

  lbaas_listeners {
    pool_id       = huaweicloud_lb_pool_v2.web.id
    protocol_port = 8080
  }
}

variable "scaling_configuration_id" {
  type    = string
  default = "0b4d1e6c-3f55-4c6b-9d1a-2f7d9c0e1a11"
}
