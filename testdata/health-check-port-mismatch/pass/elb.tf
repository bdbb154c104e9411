locals {
  # Blue/green pair: the green build moved to 8081 while blue still serves 8080.
  api_backends = {
    blue  = { ip = "192.168.1.20", port = 8080 }
    green = { ip = "192.168.1.21", port = 8081 }
  }
}

# Shared ELB: TCP pass-through to the web tier.
resource "huaweicloud_lb_loadbalancer" "web" {
  name          = "web"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "tcp" {
  name            = "web-tcp"
  protocol        = "TCP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_pool" "web" {
  name        = "web"
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.tcp.id
}

resource "huaweicloud_lb_member" "web" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.web.id
  address       = huaweicloud_compute_instance.web[count.index].network[0].fixed_ip_v4
  protocol_port = var.app_port
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "pass_same_port" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 8080
}

# Dedicated ELB: HTTP API.
resource "huaweicloud_elb_loadbalancer" "api" {
  name              = "api"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  l7_flavor_id      = "L7_flavor.elb.s1.small"
  availability_zone = ["ap-southeast-3a"]
}

resource "huaweicloud_elb_listener" "http" {
  name            = "api-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
}

resource "huaweicloud_elb_pool" "api" {
  name        = "api"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.http.id
}

resource "huaweicloud_elb_member" "api" {
  for_each      = local.api_backends
  pool_id       = huaweicloud_elb_pool.api.id
  address       = huaweicloud_compute_instance.api[each.key].network[0].fixed_ip_v4
  protocol_port = each.value.port
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

# No port: each member is checked on its own port (8080 for blue, 8081 for green).
resource "huaweicloud_elb_monitor" "pass_member_port" {
  pool_id     = huaweicloud_elb_pool.api.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "huaweicloud_elb_pool" "admin" {
  name            = "admin"
  protocol        = "HTTP"
  lb_method       = "LEAST_CONNECTIONS"
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
}

resource "huaweicloud_elb_listener" "admin" {
  name            = "admin-http"
  protocol        = "HTTP"
  protocol_port   = 8443
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
  default_pool_id = huaweicloud_elb_pool.admin.id
}

resource "huaweicloud_elb_member" "admin" {
  count         = var.web_count
  pool_id       = huaweicloud_elb_pool.admin.id
  address       = huaweicloud_compute_instance.web[count.index].network[0].fixed_ip_v4
  protocol_port = var.app_port
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "pass_port_from_tfvars" {
  pool_id          = huaweicloud_elb_pool.admin.id
  protocol         = "HTTP"
  interval         = 10
  timeout          = 5
  max_retries      = 3
  max_retries_down = 3
  url_path         = "/actuator/health"
  port             = var.health_check_port
}
