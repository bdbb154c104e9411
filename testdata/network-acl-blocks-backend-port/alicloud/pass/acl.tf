locals {
  # CLB health checks and forwarded requests come from 100.64.0.0/10.
  slb_source = "100.64.0.0/10"
}

resource "alicloud_network_acl" "web" {
  vpc_id           = alicloud_vpc.main.id
  network_acl_name = "${var.app_name}-web"

  ingress_acl_entries {
    network_acl_entry_name = "slb-9000-9000"
    protocol               = "tcp"
    port                   = "9000/9000"
    source_cidr_ip         = local.slb_source
    policy                 = "accept"
  }

  ingress_acl_entries {
    network_acl_entry_name = "slb-8080-8080"
    protocol               = "tcp"
    port                   = "8080/8080"
    source_cidr_ip         = local.slb_source
    policy                 = "accept"
  }

  ingress_acl_entries {
    network_acl_entry_name = "slb-9090-9090"
    protocol               = "tcp"
    port                   = "9090/9090"
    source_cidr_ip         = local.slb_source
    policy                 = "accept"
  }

  egress_acl_entries {
    network_acl_entry_name = "replies"
    protocol               = "tcp"
    port                   = "1024/65535"
    destination_cidr_ip    = local.slb_source
    policy                 = "accept"
  }

  resources {
    resource_id   = alicloud_vswitch.web.id
    resource_type = "VSwitch"
  }
}
