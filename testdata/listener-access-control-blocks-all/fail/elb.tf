resource "huaweicloud_lb_loadbalancer" "web" {
  name          = "web"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
  default_pool_id = huaweicloud_lb_pool.web.id
}

resource "huaweicloud_lb_listener" "api" {
  name            = "api"
  protocol        = "HTTP"
  protocol_port   = 8000
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
  default_pool_id = huaweicloud_lb_pool.web.id
}

resource "huaweicloud_lb_pool" "web" {
  name            = "web"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_member" "web" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.web.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "web" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "huaweicloud_lb_listener" "admin" {
  for_each        = var.admin_ports
  name            = each.key
  protocol        = "TCP"
  protocol_port   = each.value
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
  default_pool_id = huaweicloud_lb_pool.admin[each.key].id
}

resource "huaweicloud_lb_pool" "admin" {
  for_each        = var.admin_ports
  name            = each.key
  protocol        = "TCP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_member" "admin" {
  for_each      = var.admin_ports
  pool_id       = huaweicloud_lb_pool.admin[each.key].id
  address       = huaweicloud_compute_instance.web[0].access_ip_v4
  protocol_port = each.value
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "admin" {
  for_each    = var.admin_ports
  pool_id     = huaweicloud_lb_pool.admin[each.key].id
  type        = "TCP"
  delay       = 10
  timeout     = 5
  max_retries = 3
}
