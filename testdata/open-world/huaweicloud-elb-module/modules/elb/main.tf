# A reusable module: it creates the load balancer and what its caller asks for. Linted on its own,
# its listeners, pools and members are the caller's job.
locals {
  listeners = { for l in var.listeners : "${l.protocol}-${l.port}" => l }
  members = merge([
    for key, l in local.listeners : {
      for i, ip in var.member_ips : "${key}-${i}" => { listener = key, address = ip, port = l.backend_port }
    }
  ]...)
}

resource "huaweicloud_elb_loadbalancer" "this" {
  name              = var.name
  vpc_id            = var.vpc_id
  ipv4_subnet_id    = var.ipv4_subnet_id
  backend_subnets   = [var.backend_subnet_id]
  availability_zone = var.availability_zones
}

resource "huaweicloud_elb_listener" "this" {
  for_each = local.listeners

  loadbalancer_id = huaweicloud_elb_loadbalancer.this.id
  name            = "${var.name}-${each.key}"
  protocol        = each.value.protocol
  protocol_port   = each.value.port
  default_pool_id = huaweicloud_elb_pool.this[each.key].id
}

resource "huaweicloud_elb_pool" "this" {
  for_each = local.listeners

  name      = "${var.name}-${each.key}"
  protocol  = each.value.protocol
  lb_method = "ROUND_ROBIN"
}

resource "huaweicloud_elb_monitor" "this" {
  for_each = local.listeners

  pool_id     = huaweicloud_elb_pool.this[each.key].id
  protocol    = each.value.protocol
  interval    = var.health_check.interval
  timeout     = var.health_check.timeout
  max_retries = 3
  url_path    = var.health_check.path
}

resource "huaweicloud_elb_member" "this" {
  for_each = local.members

  pool_id       = huaweicloud_elb_pool.this[each.value.listener].id
  address       = each.value.address
  protocol_port = each.value.port
  subnet_id     = var.backend_subnet_id
}

# A pool the caller may hang on a listener of its own (`extra_pool_listener_id`, null by default).
resource "huaweicloud_elb_pool" "extra" {
  count = var.extra_pool_count

  name        = "${var.name}-extra-${count.index}"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = var.extra_pool_listener_id
}
