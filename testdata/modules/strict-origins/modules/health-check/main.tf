variable "pool_id" {
  type = string
}

variable "port" {
  type = number
}

variable "interval" {
  type = number
}

variable "timeout" {
  type = number
}

resource "huaweicloud_elb_monitor" "this" {
  pool_id     = var.pool_id
  protocol    = "HTTP"
  port        = var.port
  url_path    = "/healthz"
  interval    = var.interval
  timeout     = var.timeout
  max_retries = 3
}
