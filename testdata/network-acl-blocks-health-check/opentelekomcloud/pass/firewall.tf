data "opentelekomcloud_networking_port_v2" "app_gateway" {
  network_id   = opentelekomcloud_vpc_subnet_v1.app.network_id
  device_owner = "network:router_interface_distributed"
}

resource "opentelekomcloud_fw_rule_v2" "allow_elb_http" {
  name                   = "allow-elb-http"
  action                 = "allow"
  protocol               = "tcp"
  source_ip_address      = "100.125.0.0/16"
  destination_port       = "8080"
}

resource "opentelekomcloud_fw_rule_v2" "allow_vpc_http" {
  name                   = "allow-vpc-http"
  action                 = "allow"
  protocol               = "tcp"
  source_ip_address      = var.vpc_cidr
  destination_port       = "8080"
}

resource "opentelekomcloud_fw_policy_v2" "app_in" {
  name = "app-in"
  rules = [
    opentelekomcloud_fw_rule_v2.allow_elb_http.id,
    opentelekomcloud_fw_rule_v2.allow_vpc_http.id,
  ]
}

resource "opentelekomcloud_fw_rule_v2" "app_out_all" {
  name     = "app-out-all"
  action   = "allow"
  protocol = "any"
}

resource "opentelekomcloud_fw_policy_v2" "app_out" {
  name  = "app-out"
  rules = [opentelekomcloud_fw_rule_v2.app_out_all.id]
}

resource "opentelekomcloud_fw_firewall_group_v2" "app" {
  name              = "app"
  ingress_policy_id = opentelekomcloud_fw_policy_v2.app_in.id
  egress_policy_id  = opentelekomcloud_fw_policy_v2.app_out.id
  ports             = [data.opentelekomcloud_networking_port_v2.app_gateway.id]
}
