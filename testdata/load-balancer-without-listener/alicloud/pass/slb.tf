resource "alicloud_slb_load_balancer" "main" {
  load_balancer_name = "${var.app_name}-clb"
  address_type       = "internet"
  load_balancer_spec = "slb.s2.small"
  tags               = local.tags
}

locals {
  ports = {
    http  = { frontend = 80, backend = 8080 }
    admin = { frontend = 8443, backend = 9443 }
  }
}

resource "alicloud_slb_listener" "this" {
  for_each         = local.ports
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "tcp"
  frontend_port    = each.value.frontend
  backend_port     = each.value.backend
  bandwidth        = -1
}

# Switched off in this environment.
resource "alicloud_slb_load_balancer" "staging" {
  count              = 0
  load_balancer_name = "${var.app_name}-staging"
  address_type       = "intranet"
  vswitch_id         = alicloud_vswitch.lb.id
  load_balancer_spec = "slb.s1.small"
}
