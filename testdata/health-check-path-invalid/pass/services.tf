locals {
  # One listener, pool and health check per micro-service on the dedicated ELB.
  services = {
    orders  = { port = 8081, health_path = "/orders/actuator/health" }
    search  = { port = 8082, health_path = "/search/health-check" }
    catalog = { port = 8083, health_path = "/catalog/status?probe=elb&verbose=false" }
    # Empty: the cloud checks its default path "/".
    billing = { port = 8084, health_path = "" }
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
  url_path    = each.value.health_path
}

# Shared ELB in front of the legacy portal.
resource "huaweicloud_lb_loadbalancer" "legacy" {
  name          = "legacy"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "legacy" {
  name            = "legacy-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.legacy.id
}

resource "huaweicloud_lb_pool" "legacy" {
  name        = "legacy"
  protocol    = "HTTP"
  lb_method   = "SOURCE_IP"
  listener_id = huaweicloud_lb_listener.legacy.id
}

resource "huaweicloud_lb_member" "legacy" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.legacy.id
  address       = huaweicloud_compute_instance.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8090
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "pass_short_path" {
  pool_id        = huaweicloud_lb_pool.legacy.id
  type           = "HTTP"
  delay          = 10
  timeout        = 5
  max_retries    = 3
  url_path       = "/${var.legacy_context}/ping"
  expected_codes = "200"
}

# Raw TCP pass-through for the portal's admin console. The url_path left over from the HTTP
# monitor this was copied from is ignored by TCP health checks, and the path comes from the
# environment's .tfvars file.
resource "huaweicloud_lb_listener" "legacy_admin" {
  name            = "legacy-admin"
  protocol        = "TCP"
  protocol_port   = 9443
  loadbalancer_id = huaweicloud_lb_loadbalancer.legacy.id
}

resource "huaweicloud_lb_pool" "legacy_admin" {
  name        = "legacy-admin"
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.legacy_admin.id
}

resource "huaweicloud_lb_member" "legacy_admin" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.legacy_admin.id
  address       = huaweicloud_compute_instance.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8089
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "pass_tcp_ignores_path" {
  pool_id     = huaweicloud_lb_pool.legacy_admin.id
  type        = "TCP"
  delay       = 10
  timeout     = 5
  max_retries = 3
  url_path    = "admin console"
}

resource "huaweicloud_lb_pool" "legacy_static" {
  name            = "legacy-static"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_lb_loadbalancer.legacy.id
}

resource "huaweicloud_lb_l7policy" "legacy_static" {
  name             = "legacy-static"
  action           = "REDIRECT_TO_POOL"
  position         = 1
  listener_id      = huaweicloud_lb_listener.legacy.id
  redirect_pool_id = huaweicloud_lb_pool.legacy_static.id
}

resource "huaweicloud_lb_l7rule" "legacy_static" {
  l7policy_id  = huaweicloud_lb_l7policy.legacy_static.id
  type         = "PATH"
  compare_type = "STARTS_WITH"
  value        = "/static"
}

resource "huaweicloud_lb_member" "legacy_static" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.legacy_static.id
  address       = huaweicloud_compute_instance.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8088
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "pass_path_from_tfvars" {
  pool_id     = huaweicloud_lb_pool.legacy_static.id
  type        = "HTTP"
  delay       = 10
  timeout     = 5
  max_retries = 3
  url_path    = var.static_health_path
}
