resource "huaweicloud_lb_loadbalancer" "this" {
  name          = var.name
  vip_subnet_id = huaweicloud_vpc_subnet.this.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "http" {
  name            = "${var.name}-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.this.id
}

resource "huaweicloud_lb_pool" "web" {
  name        = "${var.name}-web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}

resource "huaweicloud_lb_member" "web" {
  count         = var.instance_count
  pool_id       = huaweicloud_lb_pool.web.id
  address       = huaweicloud_compute_instance.web[count.index].network[0].fixed_ip_v4
  protocol_port = var.app_port
  subnet_id     = huaweicloud_vpc_subnet.this.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "web" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
