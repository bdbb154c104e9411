resource "alicloud_network_acl" "api" {
  vpc_id           = alicloud_vpc.main.id
  network_acl_name = "${var.app_name}-api"

  ingress_acl_entries {
    network_acl_entry_name = "app-from-vpc"
    protocol               = "tcp"
    port                   = "${var.app_port}/${var.app_port}"
    source_cidr_ip         = var.vpc_cidr
    policy                 = "accept"
  }

  egress_acl_entries {
    network_acl_entry_name = "replies"
    protocol               = "tcp"
    port                   = "1024/65535"
    destination_cidr_ip    = "0.0.0.0/0"
    policy                 = "accept"
  }

  resources {
    resource_id   = alicloud_vswitch.web.id
    resource_type = "VSwitch"
  }
}
