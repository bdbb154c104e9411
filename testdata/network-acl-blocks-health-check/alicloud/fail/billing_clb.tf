# A TCP listener on the LB's default server group (no server_group_id).
resource "alicloud_slb_load_balancer" "billing" {
  load_balancer_name = "${var.app_name}-clb"
  address_type       = "intranet"
  vswitch_id         = alicloud_vswitch.lb.id
  load_balancer_spec = "slb.s1.small"
}

resource "alicloud_slb_backend_server" "billing" {
  load_balancer_id = alicloud_slb_load_balancer.billing.id

  dynamic "backend_servers" {
    for_each = alicloud_instance.api
    content {
      server_id = backend_servers.value.id
      weight    = 100
    }
  }
}

resource "alicloud_slb_listener" "grpc" {
  load_balancer_id = alicloud_slb_load_balancer.billing.id
  protocol         = "tcp"
  frontend_port    = 9443
  backend_port     = var.app_port
  bandwidth        = -1
}
