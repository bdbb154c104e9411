resource "opentelekomcloud_lb_monitor_v2" "web" {
  pool_id     = opentelekomcloud_lb_pool_v2.web.id
  type        = "HTTP"
  delay       = 10
  timeout     = 5
  max_retries = 3
  url_path    = "healthz"
}

resource "opentelekomcloud_lb_monitor_v3" "api" {
  pool_id     = opentelekomcloud_lb_pool_v3.api.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/status page"
}
