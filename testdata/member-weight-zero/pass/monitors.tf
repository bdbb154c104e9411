resource "huaweicloud_elb_monitor" "http" {
  for_each = {
    api    = huaweicloud_elb_pool.api.id
    canary = huaweicloud_elb_pool.canary.id
  }
  pool_id     = each.value
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "huaweicloud_lb_monitor" "web" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "huaweicloud_lb_monitor" "app" {
  pool_id     = huaweicloud_lb_pool.app.id
  type        = "TCP"
  delay       = 10
  timeout     = 5
  max_retries = 3
}
