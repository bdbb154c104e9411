resource "huaweicloud_lb_loadbalancer" "this" {
  name          = var.name
  vip_subnet_id = var.subnet_id
}

resource "huaweicloud_lb_listener" "this" {
  name            = var.name
  protocol        = "HTTP"
  protocol_port   = var.port
  loadbalancer_id = huaweicloud_lb_loadbalancer.this.id
}

resource "huaweicloud_lb_pool" "this" {
  name        = var.name
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.this.id
}

resource "huaweicloud_lb_member" "this" {
  for_each      = var.members
  pool_id       = huaweicloud_lb_pool.this.id
  address       = each.key
  protocol_port = var.port
  weight        = each.value
  subnet_id     = var.subnet_id
}

resource "huaweicloud_lb_monitor" "this" {
  pool_id     = huaweicloud_lb_pool.this.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/"
}
