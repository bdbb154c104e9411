variable "app_port" {
  type    = number
  default = 8080
}

resource "huaweicloud_as_configuration" "web" {
  scaling_configuration_name = "web"

  instance_config {
    image              = "a6bed861-7ae3-43a3-a735-cc82d439b0c2"
    flavor             = "s6.large.2"
    security_group_ids = [huaweicloud_networking_secgroup.web.id]
  }
}

resource "huaweicloud_as_group" "web" {
  scaling_group_name       = "web"
  scaling_configuration_id = huaweicloud_as_configuration.web.id
  desire_instance_number   = 2
  min_instance_number      = 2
  max_instance_number      = 6
  vpc_id                   = huaweicloud_vpc.main.id

  networks {
    id = huaweicloud_vpc_subnet.web.id
  }

  lbaas_listeners {
    pool_id       = huaweicloud_lb_pool.web.id
    protocol_port = var.app_port
  }
}
