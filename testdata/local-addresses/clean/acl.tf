# The app vSwitch's ACL admits the load balancers' vSwitches (their local addresses), and the
# replies go back to them: correct for ALB and NLB.
resource "alicloud_network_acl" "app" {
  vpc_id           = alicloud_vpc.main.id
  network_acl_name = "app"

  dynamic "ingress_acl_entries" {
    for_each = alicloud_vswitch.lb
    content {
      network_acl_entry_name = "from-lb-${ingress_acl_entries.key}"
      protocol               = "tcp"
      port                   = "1/65535"
      source_cidr_ip         = ingress_acl_entries.value.cidr_block
      policy                 = "accept"
    }
  }

  dynamic "egress_acl_entries" {
    for_each = alicloud_vswitch.lb
    content {
      network_acl_entry_name = "to-lb-${egress_acl_entries.key}"
      protocol               = "tcp"
      port                   = "1/65535"
      destination_cidr_ip    = egress_acl_entries.value.cidr_block
      policy                 = "accept"
    }
  }

  resources {
    resource_id   = alicloud_vswitch.app.id
    resource_type = "VSwitch"
  }
}
