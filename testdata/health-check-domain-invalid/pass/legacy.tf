locals {
  portal_host = "${var.environment}.portal.example-holdings.com"
}

# Shared ELB in front of the legacy portal, which only answers requests for its own host name.
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

resource "huaweicloud_lb_monitor" "pass_domain_short" {
  pool_id     = huaweicloud_lb_pool.legacy.id
  type        = "HTTP"
  delay       = 10
  timeout     = 5
  max_retries = 3
  url_path    = "/ping"
  domain_name = local.portal_host
}

# Raw TCP pass-through for the portal's admin console. The domain_name copied from an HTTP
# monitor is not used by TCP health checks.
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

resource "huaweicloud_lb_monitor" "pass_tcp_ignores_domain" {
  pool_id     = huaweicloud_lb_pool.legacy_admin.id
  type        = "TCP"
  delay       = 10
  timeout     = 5
  max_retries = 3
  domain_name = "https://admin.portal.example-holdings.com"
}
