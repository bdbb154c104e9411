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

resource "huaweicloud_lb_monitor" "fail_legacy" {
  count          = length(var.legacy_ports)
  pool_id        = huaweicloud_lb_pool.legacy[count.index].id
  type           = "HTTP"
  delay          = 10
  timeout        = 5
  max_retries    = 3
  url_path       = "/portal/status"
  expected_codes = var.legacy_success_codes
}

# The single-page app answers 404 for every path it does not route, /ping included.
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

resource "huaweicloud_lb_monitor" "fail_spa_404" {
  pool_id        = huaweicloud_lb_pool.spa.id
  type           = "HTTP"
  delay          = 5
  timeout        = 3
  max_retries    = 3
  url_path       = "/ping"
  expected_codes = "200,404"
}
