resource "flexibleengine_lb_loadbalancer_v2" "web" {
  name          = "web"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_listener_v2" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_pool_v2" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v2.http.id
}

resource "flexibleengine_lb_member_v2" "web" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v2.web.id
  address       = flexibleengine_compute_instance_v2.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "web" {
  pool_id     = flexibleengine_lb_pool_v2.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 9090
  url_path    = "/healthz"
}
