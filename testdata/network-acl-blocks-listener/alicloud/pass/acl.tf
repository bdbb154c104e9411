# Locks the LB vSwitch down completely: CLB traffic is not filtered by network ACLs.
resource "alicloud_network_acl" "lb" {
  vpc_id           = alicloud_vpc.main.id
  network_acl_name = "${var.app_name}-lb"

  ingress_acl_entries {
    network_acl_entry_name = "deny-all"
    protocol               = "all"
    port                   = "-1/-1"
    source_cidr_ip         = "0.0.0.0/0"
    policy                 = "drop"
  }

  egress_acl_entries {
    network_acl_entry_name = "deny-all"
    protocol               = "all"
    port                   = "-1/-1"
    destination_cidr_ip    = "0.0.0.0/0"
    policy                 = "drop"
  }

  resources {
    resource_id   = alicloud_vswitch.lb.id
    resource_type = "VSwitch"
  }
}
