resource "flexibleengine_lb_loadbalancer_v2" "old_shared" {
  name          = "old-shared"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.lb.ipv4_subnet_id
}

resource "flexibleengine_lb_listener_v2" "old_http" {
  name            = "old-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.old_shared.id
}

# The pool names the listener; the listener has no default_pool_id.
resource "flexibleengine_lb_pool_v2" "old_web" {
  name        = "old-web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v2.old_http.id
}

resource "flexibleengine_lb_member_v2" "old_web" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v2.old_web.id
  address       = flexibleengine_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}
