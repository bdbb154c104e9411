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
  count       = length(var.legacy_ports)
  pool_id     = huaweicloud_lb_pool.legacy[count.index].id
  type        = "HTTP"
  delay       = var.legacy_check_interval
  timeout     = 10
  max_retries = 3
  url_path    = "/ping"
}
