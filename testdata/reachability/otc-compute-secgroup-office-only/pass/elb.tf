resource "opentelekomcloud_lb_loadbalancer_v2" "web" {
  name          = "web"
  vip_subnet_id = opentelekomcloud_networking_subnet_v2.web.id
}

resource "opentelekomcloud_lb_listener_v2" "web" {
  name            = "web-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v2.web.id
}

resource "opentelekomcloud_lb_pool_v2" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = opentelekomcloud_lb_listener_v2.web.id
}

resource "opentelekomcloud_lb_member_v2" "web" {
  count         = var.instance_count
  pool_id       = opentelekomcloud_lb_pool_v2.web.id
  address       = opentelekomcloud_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 80
  subnet_id     = opentelekomcloud_networking_subnet_v2.web.id
}

resource "opentelekomcloud_lb_monitor_v2" "web" {
  pool_id     = opentelekomcloud_lb_pool_v2.web.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
}
