# MQTT over TLS for devices, on its own subnet behind a firewall (FWaaS) group bound to the
# subnet's router interface.
resource "flexibleengine_vpc_subnet_v1" "edge_lb" {
  name       = "edge-lb"
  vpc_id     = flexibleengine_vpc_v1.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 20)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 20), 1)
}

data "flexibleengine_networking_port_v2" "edge_gateway" {
  network_id   = flexibleengine_vpc_subnet_v1.edge_lb.id
  device_owner = "network:router_interface_distributed"
}

resource "flexibleengine_fw_rule_v2" "https_in" {
  name             = "https-in"
  action           = "allow"
  protocol         = "tcp"
  destination_port = "443"
}

resource "flexibleengine_fw_rule_v2" "mqtts_in" {
  name             = "mqtts-in"
  action           = "allow"
  protocol         = "tcp"
  destination_port = "8883"
}

resource "flexibleengine_fw_policy_v2" "edge_in" {
  name  = "edge-in"
  rules = [flexibleengine_fw_rule_v2.https_in.id, flexibleengine_fw_rule_v2.mqtts_in.id]
}

resource "flexibleengine_fw_rule_v2" "all_out" {
  name     = "all-out"
  action   = "allow"
  protocol = "any"
}

resource "flexibleengine_fw_policy_v2" "edge_out" {
  name  = "edge-out"
  rules = [flexibleengine_fw_rule_v2.all_out.id]
}

resource "flexibleengine_fw_firewall_group_v2" "edge" {
  name              = "edge"
  description       = "edge load balancer subnet"
  ingress_policy_id = flexibleengine_fw_policy_v2.edge_in.id
  egress_policy_id  = flexibleengine_fw_policy_v2.edge_out.id
  ports             = [data.flexibleengine_networking_port_v2.edge_gateway.id]
}

resource "flexibleengine_lb_loadbalancer_v2" "edge" {
  name          = "edge"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.edge_lb.ipv4_subnet_id
}

resource "flexibleengine_lb_listener_v2" "mqtts" {
  name            = "mqtts"
  protocol        = "TCP"
  protocol_port   = 8883
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.edge.id
  default_pool_id = flexibleengine_lb_pool_v2.mqtts.id
}

resource "flexibleengine_lb_pool_v2" "mqtts" {
  name            = "mqtts"
  protocol        = "TCP"
  lb_method       = "SOURCE_IP"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.edge.id
}

resource "flexibleengine_lb_member_v2" "mqtts" {
  count         = var.app_count
  pool_id       = flexibleengine_lb_pool_v2.mqtts.id
  address       = flexibleengine_compute_instance_v2.app[count.index].network[0].fixed_ip_v4
  protocol_port = 8883
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}
