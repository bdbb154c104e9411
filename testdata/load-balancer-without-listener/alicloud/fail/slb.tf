resource "alicloud_slb_load_balancer" "main" {
  load_balancer_name = "${var.app_name}-clb"
  address_type       = "internet"
  load_balancer_spec = "slb.s2.small"
  tags               = local.tags
}

resource "alicloud_slb_backend_server" "main" {
  load_balancer_id = alicloud_slb_load_balancer.main.id

  dynamic "backend_servers" {
    for_each = alicloud_instance.web
    content {
      server_id = backend_servers.value.id
      weight    = 100
    }
  }
}
