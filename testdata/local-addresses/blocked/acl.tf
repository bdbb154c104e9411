# Written for CLB: the app vSwitch's ACL admits only 100.64.0.0/10. An ALB created since the
# 2025 upgrade, and every NLB, probe from their own vSwitches' local addresses: both are blocked.
resource "alicloud_network_acl" "app" {
  vpc_id           = alicloud_vpc.main.id
  network_acl_name = "app"

  ingress_acl_entries {
    network_acl_entry_name = "from-slb"
    protocol               = "tcp"
    port                   = "1/65535"
    source_cidr_ip         = "100.64.0.0/10"
    policy                 = "accept"
  }

  egress_acl_entries {
    network_acl_entry_name = "to-slb"
    protocol               = "tcp"
    port                   = "1/65535"
    destination_cidr_ip    = "100.64.0.0/10"
    policy                 = "accept"
  }

  resources {
    resource_id   = alicloud_vswitch.app.id
    resource_type = "VSwitch"
  }
}
