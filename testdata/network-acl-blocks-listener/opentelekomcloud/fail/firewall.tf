data "opentelekomcloud_networking_port_v2" "lb_gateway" {
  network_id   = opentelekomcloud_vpc_subnet_v1.lb.network_id
  device_owner = "network:router_interface_distributed"
}

resource "opentelekomcloud_fw_rule_v2" "allow_https_office" {
  name                   = "allow-https-office"
  action                 = "allow"
  protocol               = "tcp"
  source_ip_address      = "198.51.100.0/24"
  destination_port       = "443"
}

resource "opentelekomcloud_fw_rule_v2" "deny_http" {
  name                   = "deny-http"
  action                 = "deny"
  protocol               = "tcp"
  destination_port       = "80"
}

resource "opentelekomcloud_fw_rule_v2" "allow_http" {
  name                   = "allow-http"
  action                 = "allow"
  protocol               = "tcp"
  destination_port       = "80"
}

resource "opentelekomcloud_fw_policy_v2" "lb_in" {
  name = "lb-in"
  rules = [
    opentelekomcloud_fw_rule_v2.allow_https_office.id,
    opentelekomcloud_fw_rule_v2.deny_http.id,
    opentelekomcloud_fw_rule_v2.allow_http.id,
  ]
}

resource "opentelekomcloud_fw_rule_v2" "lb_out_all" {
  name     = "lb-out-all"
  action   = "allow"
  protocol = "any"
}

resource "opentelekomcloud_fw_policy_v2" "lb_out" {
  name  = "lb-out"
  rules = [opentelekomcloud_fw_rule_v2.lb_out_all.id]
}

resource "opentelekomcloud_fw_firewall_group_v2" "lb" {
  name              = "lb"
  ingress_policy_id = opentelekomcloud_fw_policy_v2.lb_in.id
  egress_policy_id  = opentelekomcloud_fw_policy_v2.lb_out.id
  ports             = [data.opentelekomcloud_networking_port_v2.lb_gateway.id]
}
