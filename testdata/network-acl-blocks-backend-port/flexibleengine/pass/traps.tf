# The batch subnet's ACL only has a switched-off deny before the allow.
resource "flexibleengine_lb_listener_v2" "batch" {
  name            = "batch"
  protocol        = "HTTP"
  protocol_port   = 8081
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_pool_v2" "batch" {
  name        = "batch"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v2.batch.id
}

resource "flexibleengine_lb_member_v2" "batch" {
  pool_id       = flexibleengine_lb_pool_v2.batch.id
  address       = flexibleengine_compute_instance_v2.batch.network[0].fixed_ip_v4
  protocol_port = 8081
  subnet_id     = flexibleengine_vpc_subnet_v1.batch.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "batch" {
  pool_id     = flexibleengine_lb_pool_v2.batch.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 9091
}

# Dedicated ELB in the members' own subnet, no health monitor: intra-subnet traffic is not filtered.
resource "flexibleengine_lb_loadbalancer_v3" "svc" {
  name              = "svc"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.svc.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "flexibleengine_lb_listener_v3" "svc_http" {
  name            = "svc-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.svc.id
}

resource "flexibleengine_lb_pool_v3" "svc" {
  name        = "svc"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v3.svc_http.id
}

resource "flexibleengine_lb_member_v3" "svc" {
  count         = 2
  pool_id       = flexibleengine_lb_pool_v3.svc.id
  address       = flexibleengine_compute_instance_v2.svc[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.svc.ipv4_subnet_id
}

# Health check on the member port: a closed port is the health-check rule's finding, not this one's.
resource "flexibleengine_lb_listener_v2" "static" {
  name            = "static"
  protocol        = "HTTP"
  protocol_port   = 8082
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_pool_v2" "static" {
  name        = "static"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v2.static.id
}

resource "flexibleengine_lb_member_v2" "static" {
  pool_id       = flexibleengine_lb_pool_v2.static.id
  address       = flexibleengine_compute_instance_v2.jobs.network[0].fixed_ip_v4
  protocol_port = 8082
  subnet_id     = flexibleengine_vpc_subnet_v1.jobs.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "static" {
  pool_id     = flexibleengine_lb_pool_v2.static.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/"
}

# Dedicated TCP listener without IP as a backend: the ACL does not apply.
resource "flexibleengine_lb_listener_v3" "jobs" {
  name            = "jobs-tcp"
  protocol        = "TCP"
  protocol_port   = 7000
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

resource "flexibleengine_lb_pool_v3" "jobs" {
  name        = "jobs-dedicated"
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v3.jobs.id
}

resource "flexibleengine_lb_member_v3" "jobs" {
  pool_id       = flexibleengine_lb_pool_v3.jobs.id
  address       = flexibleengine_compute_instance_v2.jobs.network[0].fixed_ip_v4
  protocol_port = 7000
  subnet_id     = flexibleengine_vpc_subnet_v1.jobs.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "jobs" {
  pool_id     = flexibleengine_lb_pool_v3.jobs.id
  protocol    = "TCP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  port        = 17000
}

# Shared TCP listener with transparent client IP: the ACL does not apply.
resource "flexibleengine_lb_listener_v2" "jobs" {
  name                         = "jobs-tcp"
  protocol                     = "TCP"
  protocol_port                = 7001
  loadbalancer_id              = flexibleengine_lb_loadbalancer_v2.web.id
  transparent_client_ip_enable = true
}

resource "flexibleengine_lb_pool_v2" "jobs" {
  name        = "jobs-shared"
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v2.jobs.id
}

resource "flexibleengine_lb_member_v2" "jobs" {
  pool_id       = flexibleengine_lb_pool_v2.jobs.id
  address       = flexibleengine_compute_instance_v2.jobs.network[0].fixed_ip_v4
  protocol_port = 7001
  subnet_id     = flexibleengine_vpc_subnet_v1.jobs.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "jobs" {
  pool_id     = flexibleengine_lb_pool_v2.jobs.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 17001
}
