resource "alicloud_slb_load_balancer" "main" {
  load_balancer_name = "${var.app_name}-clb"
  address_type       = "internet"
  load_balancer_spec = "slb.s2.small"
}

resource "alicloud_slb_server_group" "web" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  name             = "${var.app_name}-web"

  servers {
    server_ids = alicloud_instance.web[*].id
    port       = var.app_port
  }
}

resource "alicloud_slb_attachment" "legacy" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  instance_ids     = alicloud_instance.web[*].id
}

# Disabled canary: count = 0, so its zero weight is never applied.
resource "alicloud_slb_server_group_server_attachment" "canary" {
  count           = 0
  server_group_id = alicloud_slb_server_group.web.id
  server_id       = alicloud_instance.web[0].id
  port            = var.app_port
  weight          = 0
}
