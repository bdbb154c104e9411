# A second CLB whose default server group is filled by auto scaling.
resource "alicloud_slb_load_balancer" "batch" {
  load_balancer_name = "${var.app_name}-batch"
  address_type       = "intranet"
  vswitch_id         = alicloud_vswitch.lb.id
  load_balancer_spec = "slb.s1.small"
}

resource "alicloud_slb_listener" "batch" {
  load_balancer_id = alicloud_slb_load_balancer.batch.id
  protocol         = "tcp"
  frontend_port    = 9000
  backend_port     = 9000
  bandwidth        = -1
}

resource "alicloud_ess_scaling_group" "batch" {
  scaling_group_name = "${var.app_name}-batch"
  min_size           = 1
  max_size           = 4
  vswitch_ids        = [alicloud_vswitch.web.id]
  loadbalancer_ids   = [alicloud_slb_load_balancer.batch.id]
}
