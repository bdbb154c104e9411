resource "opentelekomcloud_lb_loadbalancer_v3" "db" {
  name               = "db"
  router_id          = opentelekomcloud_vpc_v1.main.id
  network_ids        = [opentelekomcloud_vpc_subnet_v1.lb.network_id]
  availability_zones = ["eu-de-01", "eu-de-02"]
}

resource "opentelekomcloud_lb_listener_v3" "db" {
  name            = "db"
  protocol        = "TCP"
  protocol_port   = 5432
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.db.id
}

resource "opentelekomcloud_lb_loadbalancer_v3" "mq" {
  name               = "mq"
  router_id          = opentelekomcloud_vpc_v1.main.id
  network_ids        = [opentelekomcloud_vpc_subnet_v1.lb.network_id]
  availability_zones = ["eu-de-01"]

  dynamic "public_ip" {
    for_each = var.enable_eip ? [1] : []
    content {
      ip_type              = "5_bgp"
      bandwidth_name       = "mq"
      bandwidth_size       = 10
      bandwidth_share_type = "PER"
    }
  }
}

resource "opentelekomcloud_lb_listener_v3" "mq" {
  name            = "mq"
  protocol        = "TCP"
  protocol_port   = 5672
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.mq.id
}
