# The base configuration passes on its own; override.tf and ports_override.tf change it the way
# Terraform merges override files, and lblint must lint the merged result.
locals {
  app_port = 8080
  hc_port  = 8080
}

resource "huaweicloud_lb_loadbalancer" "web" {
  name          = "web"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_pool" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}

resource "huaweicloud_lb_member" "web" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.web.id
  address       = cidrhost(huaweicloud_vpc_subnet.app.cidr, 10 + count.index)
  protocol_port = local.app_port
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  weight        = 10
}

resource "huaweicloud_lb_monitor" "web" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = local.hc_port
  url_path    = "/healthz"
}
