resource "alicloud_network_acl" "web" {
  vpc_id           = alicloud_vpc.main.id
  network_acl_name = "${var.app_name}-web"
  description      = "Stateless filter for the web tier"

  ingress_acl_entries {
    network_acl_entry_name = "slb-health-checks"
    protocol               = "tcp"
    port                   = "${var.app_port}/${var.app_port}"
    source_cidr_ip         = "100.64.0.0/10"
    policy                 = "accept"
  }

  ingress_acl_entries {
    network_acl_entry_name = "ssh-from-bastion"
    protocol               = "tcp"
    port                   = "22/22"
    source_cidr_ip         = cidrsubnet(var.vpc_cidr, 8, 250)
    policy                 = "accept"
  }

  egress_acl_entries {
    network_acl_entry_name = "https-out"
    protocol               = "tcp"
    port                   = "443/443"
    destination_cidr_ip    = "0.0.0.0/0"
    policy                 = "accept"
  }

  egress_acl_entries {
    network_acl_entry_name = "vpc-internal"
    protocol               = "all"
    port                   = "-1/-1"
    destination_cidr_ip    = var.vpc_cidr
    policy                 = "accept"
  }

  resources {
    resource_id   = alicloud_vswitch.web.id
    resource_type = "VSwitch"
  }
}
