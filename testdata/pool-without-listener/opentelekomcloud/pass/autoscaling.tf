# The batch tier scales with an AS group that registers its instances in the pool, and a
# listener forwards to the pool.
resource "opentelekomcloud_lb_pool_v3" "batch" {
  name            = "batch"
  protocol        = "TCP"
  lb_algorithm    = "ROUND_ROBIN"
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.api.id
}

resource "opentelekomcloud_lb_listener_v3" "batch" {
  name            = "batch-tcp"
  protocol        = "TCP"
  protocol_port   = 9000
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.api.id
  default_pool_id = opentelekomcloud_lb_pool_v3.batch.id
}

resource "opentelekomcloud_as_configuration_v1" "batch" {
  scaling_configuration_name = "batch"
  instance_config {
    flavor = var.flavor
    image  = var.image_id
    disk {
      size        = 40
      volume_type = "SSD"
      disk_type   = "SYS"
    }
  }
}

resource "opentelekomcloud_as_group_v1" "batch" {
  scaling_group_name       = "batch"
  scaling_configuration_id = opentelekomcloud_as_configuration_v1.batch.id
  desire_instance_number   = 2
  min_instance_number      = 1
  max_instance_number      = 4
  vpc_id                   = opentelekomcloud_vpc_v1.main.id
  delete_publicip          = true
  delete_instances         = "yes"

  networks {
    id = opentelekomcloud_vpc_subnet_v1.app.id
  }
  security_groups {
    id = opentelekomcloud_networking_secgroup_v2.api.id
  }
  lbaas_listeners {
    pool_id       = opentelekomcloud_lb_pool_v3.batch.id
    protocol_port = 9000
  }
}

resource "opentelekomcloud_lb_monitor_v3" "batch" {
  pool_id     = opentelekomcloud_lb_pool_v3.batch.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
}
