resource "huaweicloud_as_configuration" "app" {
  scaling_configuration_name = "app"

  instance_config {
    image              = var.image_id
    flavor             = "s6.medium.2"
    security_group_ids = [huaweicloud_networking_secgroup.backend.id]
  }
}

resource "huaweicloud_as_group" "app" {
  scaling_group_name       = "app"
  scaling_configuration_id = huaweicloud_as_configuration.app.id
  desired_instance_number  = 2
  min_instance_number      = 2
  max_instance_number      = 6
  vpc_id                   = huaweicloud_vpc.main.id

  networks {
    id = huaweicloud_vpc_subnet.app.id
  }

  lbaas_listeners {
    pool_id       = huaweicloud_lb_pool.pass_autoscaled.id
    protocol_port = 8080
  }
}
