# A group that admits only the VPC: no rule for 100.64.0.0/10 is needed on Alibaba.
resource "alicloud_security_group" "locked" {
  security_group_name = "${var.app_name}-locked"
  vpc_id              = alicloud_vpc.main.id
}

# Even an explicit drop of 100.64.0.0/10 does not block CLB health checks.
resource "alicloud_security_group_rule" "drop_carrier_nat" {
  type              = "ingress"
  ip_protocol       = "all"
  nic_type          = "intranet"
  policy            = "drop"
  port_range        = "-1/-1"
  priority          = 1
  security_group_id = alicloud_security_group.web.id
  cidr_ip           = "100.64.0.0/10"
}

resource "alicloud_instance" "worker" {
  instance_name   = "${var.app_name}-worker"
  image_id        = data.alicloud_images.ubuntu.images[0].id
  instance_type   = "ecs.g7.large"
  vswitch_id      = alicloud_vswitch.web.id
  security_groups = [alicloud_security_group.locked.id]
}

resource "alicloud_slb_server_group_server_attachment" "worker" {
  server_group_id = alicloud_slb_server_group.web.id
  server_id       = alicloud_instance.worker.id
  port            = var.app_port
}
