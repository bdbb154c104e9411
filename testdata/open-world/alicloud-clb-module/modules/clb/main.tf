# A reusable CLB module whose listeners and virtual server groups come from one object input.
locals {
  listeners     = { for l in var.config.listeners : "${l.protocol}-${l.frontend_port}" => l }
  server_groups = var.config.server_group_count
}

resource "alicloud_slb_load_balancer" "this" {
  load_balancer_name = var.config.name
  address_type       = "intranet"
  vswitch_id         = var.vswitch_id
  load_balancer_spec = "slb.s2.small"
}

resource "alicloud_slb_server_group" "this" {
  count            = local.server_groups
  load_balancer_id = alicloud_slb_load_balancer.this.id
  name             = "${var.config.name}-${count.index}"
}

resource "alicloud_slb_listener" "this" {
  for_each = local.listeners

  load_balancer_id          = alicloud_slb_load_balancer.this.id
  protocol                  = each.value.protocol
  frontend_port             = each.value.frontend_port
  backend_port              = each.value.backend_port
  bandwidth                 = -1
  health_check_connect_port = each.value.backend_port
}

resource "alicloud_slb_backend_server" "this" {
  count            = length(var.instance_ids) > 0 ? 1 : 0
  load_balancer_id = alicloud_slb_load_balancer.this.id

  dynamic "backend_servers" {
    for_each = var.instance_ids
    content {
      server_id = backend_servers.value
      weight    = 100
    }
  }
}
