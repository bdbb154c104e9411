# Public TCP endpoints: an EIP bound to the private VIP port, an existing EIP, a new inline EIP.
resource "huaweicloud_elb_loadbalancer" "pass_eip_associated" {
  name              = "mqtt"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "huaweicloud_vpc_eip" "mqtt" {
  publicip {
    type = "5_bgp"
  }

  bandwidth {
    name        = "mqtt"
    size        = 10
    share_type  = "PER"
    charge_mode = "traffic"
  }
}

resource "huaweicloud_vpc_eip_associate" "mqtt" {
  public_ip = huaweicloud_vpc_eip.mqtt.address
  port_id   = huaweicloud_elb_loadbalancer.pass_eip_associated.ipv4_port_id
}

resource "huaweicloud_vpc_eip" "gateway" {
  publicip {
    type = "5_bgp"
  }

  bandwidth {
    name        = "gateway"
    size        = 20
    share_type  = "PER"
    charge_mode = "traffic"
  }
}

resource "huaweicloud_elb_loadbalancer" "pass_eip_id" {
  name              = "gateway"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_eip_id       = huaweicloud_vpc_eip.gateway.id
  availability_zone = var.availability_zones
  backend_subnets   = [huaweicloud_vpc_subnet.app.id]
}

resource "huaweicloud_elb_loadbalancer" "pass_new_eip" {
  name                  = "edge"
  vpc_id                = huaweicloud_vpc.main.id
  availability_zone     = var.availability_zones
  backend_subnets       = [huaweicloud_vpc_subnet.app.id]
  iptype                = "5_bgp"
  bandwidth_charge_mode = "traffic"
  sharetype             = "PER"
  bandwidth_size        = 10
}

locals {
  public_tcp = {
    mqtt    = { lb = huaweicloud_elb_loadbalancer.pass_eip_associated.id, port = 8883 }
    gateway = { lb = huaweicloud_elb_loadbalancer.pass_eip_id.id, port = 8443 }
    edge    = { lb = huaweicloud_elb_loadbalancer.pass_new_eip.id, port = 8443 }
  }
}

resource "huaweicloud_elb_listener" "public_tcp" {
  for_each        = local.public_tcp
  name            = each.key
  protocol        = "TCP"
  protocol_port   = each.value.port
  loadbalancer_id = each.value.lb
  default_pool_id = huaweicloud_elb_pool.public_tcp[each.key].id
}

resource "huaweicloud_elb_pool" "public_tcp" {
  for_each        = local.public_tcp
  name            = each.key
  protocol        = "TCP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = each.value.lb
}

resource "huaweicloud_elb_member" "public_tcp" {
  for_each      = local.public_tcp
  pool_id       = huaweicloud_elb_pool.public_tcp[each.key].id
  address       = huaweicloud_compute_instance.web[1].access_ip_v4
  protocol_port = each.value.port
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "public_tcp" {
  for_each    = local.public_tcp
  pool_id     = huaweicloud_elb_pool.public_tcp[each.key].id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
}
