resource "opentelekomcloud_lb_loadbalancer_v3" "db" {
  name               = "db"
  router_id          = opentelekomcloud_vpc_v1.main.id
  network_ids        = [opentelekomcloud_vpc_subnet_v1.lb.network_id]
  availability_zones = ["eu-de-01", "eu-de-02"]
  subnet_id          = opentelekomcloud_vpc_subnet_v1.lb.subnet_id
}

resource "opentelekomcloud_lb_listener_v3" "db" {
  name            = "db"
  protocol        = "TCP"
  protocol_port   = 5432
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.db.id
}

resource "opentelekomcloud_lb_loadbalancer_v3" "public" {
  name               = "public"
  router_id          = opentelekomcloud_vpc_v1.main.id
  network_ids        = [opentelekomcloud_vpc_subnet_v1.lb.network_id]
  availability_zones = ["eu-de-01", "eu-de-02"]

  public_ip {
    ip_type              = "5_bgp"
    bandwidth_name       = "public"
    bandwidth_size       = 10
    bandwidth_share_type = "PER"
  }
}

resource "opentelekomcloud_lb_listener_v3" "public" {
  name            = "public"
  protocol        = "TCP"
  protocol_port   = 443
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.public.id
}

resource "opentelekomcloud_lb_loadbalancer_v3" "ported" {
  name               = "ported"
  router_id          = opentelekomcloud_vpc_v1.main.id
  network_ids        = [opentelekomcloud_vpc_subnet_v1.lb.network_id]
  availability_zones = ["eu-de-01", "eu-de-02"]
}

resource "opentelekomcloud_lb_listener_v3" "ported" {
  name            = "ported"
  protocol        = "TCP"
  protocol_port   = 6379
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.ported.id
}

# An existing EIP bound to the load balancer's port.
resource "opentelekomcloud_vpc_eip_v1" "ported" {
  publicip {
    type    = "5_bgp"
    port_id = opentelekomcloud_lb_loadbalancer_v3.ported.vip_port_id
  }
  bandwidth {
    name        = "ported"
    size        = 10
    share_type  = "PER"
    charge_mode = "traffic"
  }
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

# Shared (v2) load balancers always have a private VIP.
resource "opentelekomcloud_lb_loadbalancer_v2" "internal" {
  name          = "internal"
  vip_subnet_id = opentelekomcloud_vpc_subnet_v1.lb.subnet_id
}

resource "opentelekomcloud_lb_listener_v2" "internal" {
  name            = "internal"
  protocol        = "TCP"
  protocol_port   = 3306
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v2.internal.id
}
