resource "huaweicloud_lb_loadbalancer_v2" "web" {
  name          = "web"
  vip_subnet_id = huaweicloud_vpc_subnet_v1.app.subnet_id
}

resource "huaweicloud_lb_listener_v2" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer_v2.web.id
}

resource "huaweicloud_lb_pool_v2" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener_v2.http.id
}

resource "huaweicloud_lb_member_v2" "web" {
  count         = 2
  pool_id       = huaweicloud_lb_pool_v2.web.id
  address       = huaweicloud_compute_instance_v2.app[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet_v1.app.subnet_id
}

resource "huaweicloud_lb_monitor_v2" "web" {
  pool_id     = huaweicloud_lb_pool_v2.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

# A second listener whose pool nobody monitors.
resource "huaweicloud_lb_listener_v2" "api" {
  name            = "api"
  protocol        = "HTTP"
  protocol_port   = 8000
  loadbalancer_id = huaweicloud_lb_loadbalancer_v2.web.id
}

resource "huaweicloud_lb_pool_v2" "fail_unmonitored" {
  name        = "api"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener_v2.api.id
}

resource "huaweicloud_lb_member_v2" "api" {
  pool_id       = huaweicloud_lb_pool_v2.fail_unmonitored.id
  address       = huaweicloud_compute_instance_v2.app[0].access_ip_v4
  protocol_port = 8000
  subnet_id     = huaweicloud_vpc_subnet_v1.app.subnet_id
}

resource "huaweicloud_lb_l7policy_v2" "static" {
  name             = "static"
  action           = "REDIRECT_TO_POOL"
  listener_id      = huaweicloud_lb_listener_v2.http.id
  redirect_pool_id = huaweicloud_lb_pool_v2.web.id
}

# An enabled whitelist without entries shuts every client out.
resource "huaweicloud_lb_whitelist_v2" "api" {
  enable_whitelist = true
  whitelist        = ""
  listener_id      = huaweicloud_lb_listener_v2.api.id
}
