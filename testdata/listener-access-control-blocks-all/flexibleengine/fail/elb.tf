resource "flexibleengine_lb_loadbalancer_v2" "web" {
  name          = "web"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_listener_v2" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
  default_pool_id = flexibleengine_lb_pool_v2.web.id
}

resource "flexibleengine_lb_listener_v2" "api" {
  name            = "api"
  protocol        = "HTTP"
  protocol_port   = 8000
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
  default_pool_id = flexibleengine_lb_pool_v2.web.id
}

# Monitoring UIs, one listener each.
resource "flexibleengine_lb_listener_v2" "admin" {
  for_each        = var.admin_ports
  name            = each.key
  protocol        = "TCP"
  protocol_port   = each.value
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
  default_pool_id = flexibleengine_lb_pool_v2.admin[each.key].id
}

resource "flexibleengine_lb_pool_v2" "web" {
  name            = "web"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_member_v2" "web" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v2.web.id
  address       = flexibleengine_compute_instance_v2.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_pool_v2" "admin" {
  for_each        = var.admin_ports
  name            = each.key
  protocol        = "TCP"
  lb_method       = "SOURCE_IP"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_member_v2" "admin" {
  for_each      = var.admin_ports
  pool_id       = flexibleengine_lb_pool_v2.admin[each.key].id
  address       = flexibleengine_compute_instance_v2.web[0].network[0].fixed_ip_v4
  protocol_port = each.value
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}
