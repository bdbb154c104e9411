resource "huaweicloud_elb_loadbalancer" "main" {
  name              = "main"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "huaweicloud_elb_certificate" "web" {
  name        = "web"
  type        = "server"
  certificate = var.tls_certificate
  private_key = var.tls_private_key
}

resource "huaweicloud_elb_listener" "pass_https" {
  name               = "https"
  protocol           = "HTTPS"
  protocol_port      = 443
  loadbalancer_id    = huaweicloud_elb_loadbalancer.main.id
  default_pool_id    = huaweicloud_elb_pool.web.id
  server_certificate = huaweicloud_elb_certificate.web.id
}

resource "huaweicloud_elb_pool" "web" {
  name            = "web"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

resource "huaweicloud_elb_member" "web" {
  count         = var.web_count
  pool_id       = huaweicloud_elb_pool.web.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

# Port 80 only redirects to HTTPS: a forwarding policy, no pool.
resource "huaweicloud_elb_listener" "pass_redirect" {
  name            = "http-redirect"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

resource "huaweicloud_elb_l7policy" "to_https" {
  name                 = "to-https"
  action               = "REDIRECT_TO_LISTENER"
  listener_id          = huaweicloud_elb_listener.pass_redirect.id
  redirect_listener_id = huaweicloud_elb_listener.pass_https.id
}

resource "huaweicloud_elb_l7rule" "to_https" {
  l7policy_id  = huaweicloud_elb_l7policy.to_https.id
  type         = "PATH"
  compare_type = "STARTS_WITH"
  value        = "/"
}

resource "huaweicloud_elb_listener" "pass_default_pool" {
  name            = "with-pool"
  protocol        = "HTTP"
  protocol_port   = 8081
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
  default_pool_id = huaweicloud_elb_pool.web.id
}

# The admin UI is served by a pool of another configuration: its id is not known here.
resource "huaweicloud_elb_listener" "pass_platform_pool" {
  name            = "admin"
  protocol        = "HTTP"
  protocol_port   = 8082
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
  default_pool_id = var.platform_pool_id
}

resource "huaweicloud_elb_listener" "pass_tcp_service" {
  for_each        = var.tcp_services
  name            = each.key
  protocol        = "TCP"
  protocol_port   = each.value
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
  default_pool_id = huaweicloud_elb_pool.tcp_service[each.key].id
}

resource "huaweicloud_elb_pool" "tcp_service" {
  for_each        = var.tcp_services
  name            = each.key
  protocol        = "TCP"
  lb_method       = "LEAST_CONNECTIONS"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

resource "huaweicloud_elb_member" "tcp_service" {
  for_each      = var.tcp_services
  pool_id       = huaweicloud_elb_pool.tcp_service[each.key].id
  address       = huaweicloud_compute_instance.web[0].access_ip_v4
  protocol_port = each.value
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "web" {
  pool_id     = huaweicloud_elb_pool.web.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "huaweicloud_elb_monitor" "tcp_service" {
  for_each    = var.tcp_services
  pool_id     = huaweicloud_elb_pool.tcp_service[each.key].id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
}
