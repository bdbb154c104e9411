locals {
  services = {
    orders = { port = 8081, path = "/orders/health", codes = "200-399" }
    # Green and yellow cluster states answer 200; red answers 503 and takes the node out.
    search = { port = 8082, path = "/_cluster/health?wait_for_status=yellow", codes = "200" }
    # Codes set per environment in the .tfvars file.
    media = { port = 8083, path = "/media/health", codes = var.media_success_codes }
  }

  service_members = merge([
    for name, svc in local.services : {
      for i in range(var.web_count) : "${name}-${i}" => { service = name, index = i, port = svc.port }
    }
  ]...)
}

resource "huaweicloud_elb_listener" "service" {
  for_each        = local.services
  name            = "svc-${each.key}"
  protocol        = "HTTP"
  protocol_port   = each.value.port
  loadbalancer_id = huaweicloud_elb_loadbalancer.web.id
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
  for_each    = local.services
  pool_id     = huaweicloud_elb_pool.service[each.key].id
  protocol    = "HTTP"
  interval    = 10
  timeout     = 5
  max_retries = 3
  url_path    = each.value.path
  status_code = each.value.codes
}
