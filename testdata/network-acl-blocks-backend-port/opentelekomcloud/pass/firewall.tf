resource "opentelekomcloud_fw_rule_v2" "allow_elb_health" {
  name                   = "allow-elb-health"
  action                 = "allow"
  protocol               = "tcp"
  source_ip_address      = "100.125.0.0/16"
  destination_port       = "9090"
}

resource "opentelekomcloud_fw_rule_v2" "allow_elb_traffic" {
  name                   = "allow-elb-traffic"
  action                 = "allow"
  protocol               = "tcp"
  source_ip_address      = "100.125.0.0/16"
  destination_port       = "8000:8099"
}

resource "opentelekomcloud_fw_policy_v2" "app_in" {
  name = "app-in"
  rules = [
    opentelekomcloud_fw_rule_v2.allow_elb_health.id,
    opentelekomcloud_fw_rule_v2.allow_elb_traffic.id,
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
  ports             = [opentelekomcloud_networking_port_v2.app_gateway.id]
}
