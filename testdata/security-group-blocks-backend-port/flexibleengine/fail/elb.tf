# Shared ELB: the monitor checks 9090, requests go to 8080.
resource "flexibleengine_lb_loadbalancer_v2" "web" {
  name          = "web"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.elb.ipv4_subnet_id
}

resource "flexibleengine_lb_listener_v2" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_pool_v2" "app" {
  name        = "app"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v2.http.id
}

resource "flexibleengine_lb_member_v2" "app" {
  count         = var.app_count
  pool_id       = flexibleengine_lb_pool_v2.app.id
  address       = flexibleengine_compute_instance_v2.app[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "app" {
  pool_id     = flexibleengine_lb_pool_v2.app.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 9090
  url_path    = "/actuator/health"
}

# Dedicated ELB without a health monitor: only forwarded traffic reaches the members, from the
# load balancer's downstream (backend) subnet, here the members' own subnet.
resource "flexibleengine_lb_loadbalancer_v3" "reports" {
  name              = "reports"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.elb.ipv4_subnet_id
  backend_subnets   = [flexibleengine_vpc_subnet_v1.app.id]
  availability_zone = var.availability_zones
}

resource "flexibleengine_lb_listener_v3" "reports_http" {
  name            = "reports-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.reports.id
}

resource "flexibleengine_lb_pool_v3" "reports" {
  name        = "reports"
  protocol    = "HTTP"
  lb_method   = "LEAST_CONNECTIONS"
  listener_id = flexibleengine_lb_listener_v3.reports_http.id
}

resource "flexibleengine_lb_member_v3" "reports" {
  for_each      = var.report_servers
  pool_id       = flexibleengine_lb_pool_v3.reports.id
  address       = flexibleengine_compute_instance_v2.reports[each.key].access_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}
