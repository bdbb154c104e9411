# Shared ELB in front of the legacy portal: one listener, pool and monitor per port.
resource "huaweicloud_lb_loadbalancer" "legacy" {
  name          = "legacy"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "legacy" {
  count           = length(var.legacy_ports)
  name            = "legacy-${var.legacy_ports[count.index]}"
  protocol        = "HTTP"
  protocol_port   = var.legacy_ports[count.index]
  loadbalancer_id = huaweicloud_lb_loadbalancer.legacy.id
}

resource "huaweicloud_lb_pool" "legacy" {
  count       = length(var.legacy_ports)
  name        = "legacy-${var.legacy_ports[count.index]}"
  protocol    = "HTTP"
  lb_method   = "SOURCE_IP"
  listener_id = huaweicloud_lb_listener.legacy[count.index].id
}

resource "huaweicloud_lb_member" "legacy" {
  count         = length(var.legacy_ports) * var.web_count
  pool_id       = huaweicloud_lb_pool.legacy[floor(count.index / var.web_count)].id
  address       = huaweicloud_compute_instance.web[count.index % var.web_count].network[0].fixed_ip_v4
  protocol_port = var.legacy_ports[floor(count.index / var.web_count)]
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "pass_legacy" {
  count          = length(var.legacy_ports)
  pool_id        = huaweicloud_lb_pool.legacy[count.index].id
  type           = "HTTP"
  delay          = 10
  timeout        = 5
  max_retries    = 3
  url_path       = "/portal/status"
  expected_codes = var.legacy_success_codes
}

# The single-page app answers 404 for every path it does not route, so it checks a real route.
resource "huaweicloud_lb_listener" "spa" {
  name            = "spa-http"
  protocol        = "HTTP"
  protocol_port   = 8000
  loadbalancer_id = huaweicloud_lb_loadbalancer.legacy.id
}

resource "huaweicloud_lb_pool" "spa" {
  name        = "spa"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.spa.id
}

resource "huaweicloud_lb_member" "spa" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.spa.id
  address       = huaweicloud_compute_instance.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8085
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "pass_spa_health_route" {
  pool_id        = huaweicloud_lb_pool.spa.id
  type           = "HTTP"
  delay          = 5
  timeout        = 3
  max_retries    = 3
  url_path       = "/healthz"
  expected_codes = "200,202"
}

# Raw TCP pass-through for the portal's admin console. expected_codes, left over from the HTTP
# monitor this was copied from, is not used by TCP health checks.
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

resource "huaweicloud_lb_monitor" "pass_tcp_ignores_codes" {
  pool_id        = huaweicloud_lb_pool.legacy_admin.id
  type           = "TCP"
  delay          = 10
  timeout        = 5
  max_retries    = 3
  expected_codes = "200-599"
}
