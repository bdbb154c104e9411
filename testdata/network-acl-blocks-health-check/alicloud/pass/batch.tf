# Batch workers: the ACL leaves its outbound entries to the cloud defaults.
resource "alicloud_vswitch" "batch" {
  vswitch_name = "${var.app_name}-batch"
  vpc_id       = alicloud_vpc.main.id
  cidr_block   = cidrsubnet(var.vpc_cidr, 8, 2)
  zone_id      = local.zone_id
}

resource "alicloud_instance" "batch" {
  instance_name   = "${var.app_name}-batch"
  image_id        = data.alicloud_images.ubuntu.images[0].id
  instance_type   = "ecs.c7.large"
  vswitch_id      = alicloud_vswitch.batch.id
  security_groups = [alicloud_security_group.web.id]
}

resource "alicloud_slb_attachment" "batch" {
  load_balancer_id = alicloud_slb_load_balancer.billing.id
  instance_ids     = [alicloud_instance.batch.id]
}

resource "alicloud_network_acl" "batch" {
  vpc_id           = alicloud_vpc.main.id
  network_acl_name = "${var.app_name}-batch"

  ingress_acl_entries {
    network_acl_entry_name = "slb"
    protocol               = "tcp"
    port                   = "${var.app_port}/${var.app_port}"
    source_cidr_ip         = "100.64.0.0/10"
    policy                 = "accept"
  }

  resources {
    resource_id   = alicloud_vswitch.batch.id
    resource_type = "VSwitch"
  }
}
