locals {
  # Health-check tuning per micro-service on the dedicated ELB.
  services = {
    orders  = { port = 8081, interval = 5, timeout = 3, retries = 3, retries_down = 3 }
    search  = { port = 8082, interval = 10, timeout = 5, retries = 10, retries_down = 3 }
    catalog = { port = 8083, interval = 50, timeout = 49, retries = 1, retries_down = 10 }
    billing = { port = 8084, interval = 5, timeout = var.billing_check_timeout, retries = 3, retries_down = 3 }
  }

  service_members = merge([
    for name, svc in local.services : {
      for i in range(var.web_count) : "${name}-${i}" => { service = name, index = i, port = svc.port }
    }
  ]...)
}

resource "huaweicloud_elb_loadbalancer" "services" {
  name              = "services"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  l7_flavor_id      = "L7_flavor.elb.s1.small"
  availability_zone = ["ap-southeast-3a", "ap-southeast-3b"]
}

resource "huaweicloud_elb_listener" "service" {
  for_each        = local.services
  name            = "svc-${each.key}"
  protocol        = "HTTP"
  protocol_port   = each.value.port
  loadbalancer_id = huaweicloud_elb_loadbalancer.services.id
}

resource "huaweicloud_elb_pool" "service" {
  for_each    = local.services
  name        = each.key
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.service[each.key].id
}

resource "huaweicloud_elb_member" "service" {
  for_each      = local.service_members
  pool_id       = huaweicloud_elb_pool.service[each.value.service].id
  address       = huaweicloud_compute_instance.web[each.value.index].network[0].fixed_ip_v4
  protocol_port = each.value.port
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "pass_service" {
  for_each         = local.services
  pool_id          = huaweicloud_elb_pool.service[each.key].id
  protocol         = "HTTP"
  interval         = each.value.interval
  timeout          = each.value.timeout
  max_retries      = each.value.retries
  max_retries_down = each.value.retries_down
  url_path         = "/${each.key}/health"
}
