# Shared ELB: the monitor checks 9090, requests go to 8080.
resource "huaweicloud_lb_loadbalancer" "web" {
  name          = "web"
  vip_subnet_id = huaweicloud_vpc_subnet.elb.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_pool" "app" {
  name        = "app"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}

resource "huaweicloud_lb_member" "app" {
  count         = var.app_count
  pool_id       = huaweicloud_lb_pool.app.id
  address       = huaweicloud_compute_instance.app[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "app" {
  pool_id     = huaweicloud_lb_pool.app.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 9090
  url_path    = "/actuator/health"
}

# Dedicated ELB with its health check switched off: only forwarded traffic reaches the members,
# from the LB's backend subnet (the ipv4_subnet_id subnet, as backend_subnets is not set).
resource "huaweicloud_elb_loadbalancer" "reports" {
  name              = "reports"
  vpc_id            = huaweicloud_vpc.main.id
  availability_zone = ["cn-north-4a"]
  ipv4_subnet_id    = huaweicloud_vpc_subnet.elb.ipv4_subnet_id
}

resource "huaweicloud_elb_listener" "reports_http" {
  name            = "reports-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.reports.id
}

resource "huaweicloud_elb_pool" "reports" {
  name        = "reports"
  protocol    = "HTTP"
  lb_method   = "LEAST_CONNECTIONS"
  listener_id = huaweicloud_elb_listener.reports_http.id
}

resource "huaweicloud_elb_member" "reports" {
  for_each      = var.report_servers
  pool_id       = huaweicloud_elb_pool.reports.id
  address       = huaweicloud_compute_instance.reports[each.key].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "reports" {
  pool_id     = huaweicloud_elb_pool.reports.id
  protocol    = "HTTP"
  interval    = 10
  timeout     = 5
  max_retries = 3
  url_path    = "/status"
  enabled     = false
}
