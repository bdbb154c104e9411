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

resource "huaweicloud_lb_pool" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}

resource "huaweicloud_lb_member" "web" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.web.id
  address       = huaweicloud_compute_instance.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.web.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "web" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 9090
  url_path    = "/healthz"
}

# Dedicated ELB whose health check is switched off: only forwarded traffic reaches the members.
resource "huaweicloud_elb_loadbalancer" "api" {
  name              = "api"
  vpc_id            = huaweicloud_vpc.main.id
  availability_zone = ["cn-north-4a", "cn-north-4b"]
  ipv4_subnet_id    = huaweicloud_vpc_subnet.elb.ipv4_subnet_id
  backend_subnets   = [huaweicloud_vpc_subnet.elb.id]
}

resource "huaweicloud_elb_listener" "api_http" {
  name            = "api-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
}

resource "huaweicloud_elb_pool" "api" {
  name        = "api"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.api_http.id
}

resource "huaweicloud_elb_member" "api" {
  for_each      = huaweicloud_compute_instance.api
  pool_id       = huaweicloud_elb_pool.api.id
  address       = each.value.access_ip_v4
  protocol_port = 8000
  subnet_id     = huaweicloud_vpc_subnet.api.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "api" {
  pool_id     = huaweicloud_elb_pool.api.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/health"
  enabled     = false
}

# The batch subnet's ACL is disabled.
resource "huaweicloud_lb_listener" "batch" {
  name            = "batch"
  protocol        = "HTTP"
  protocol_port   = 8081
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_pool" "batch" {
  name        = "batch"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.batch.id
}

resource "huaweicloud_lb_member" "pass_acl_disabled" {
  pool_id       = huaweicloud_lb_pool.batch.id
  address       = huaweicloud_compute_instance.batch.network[0].fixed_ip_v4
  protocol_port = 8081
  subnet_id     = huaweicloud_vpc_subnet.batch.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "batch" {
  pool_id     = huaweicloud_lb_pool.batch.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 9091
}

# Dedicated ELB in the members' own subnet, health check off: intra-subnet traffic is not filtered.
resource "huaweicloud_elb_loadbalancer" "svc" {
  name              = "svc"
  vpc_id            = huaweicloud_vpc.main.id
  availability_zone = ["cn-north-4a"]
  ipv4_subnet_id    = huaweicloud_vpc_subnet.svc.ipv4_subnet_id
}

resource "huaweicloud_elb_listener" "svc_http" {
  name            = "svc-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.svc.id
}

resource "huaweicloud_elb_pool" "svc" {
  name        = "svc"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.svc_http.id
}

resource "huaweicloud_elb_member" "pass_same_subnet" {
  count         = 2
  pool_id       = huaweicloud_elb_pool.svc.id
  address       = huaweicloud_compute_instance.svc[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.svc.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "svc" {
  pool_id     = huaweicloud_elb_pool.svc.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/ready"
  enabled     = false
}

# Health check on the member port: a closed port is the health-check rule's finding, not this one's.
resource "huaweicloud_lb_listener" "static" {
  name            = "static"
  protocol        = "HTTP"
  protocol_port   = 8082
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_pool" "pass_hc_same_port" {
  name        = "static"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.static.id
}

resource "huaweicloud_lb_member" "static" {
  pool_id       = huaweicloud_lb_pool.pass_hc_same_port.id
  address       = huaweicloud_compute_instance.jobs.network[0].fixed_ip_v4
  protocol_port = 8082
  subnet_id     = huaweicloud_vpc_subnet.jobs.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "static" {
  pool_id     = huaweicloud_lb_pool.pass_hc_same_port.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/"
}

# Dedicated TCP listener without IP as a backend: the ACL does not apply.
resource "huaweicloud_elb_listener" "pass_dedicated_tcp" {
  name            = "jobs-tcp"
  protocol        = "TCP"
  protocol_port   = 7000
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
}

resource "huaweicloud_elb_pool" "jobs_dedicated" {
  name        = "jobs-dedicated"
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.pass_dedicated_tcp.id
}

resource "huaweicloud_elb_member" "jobs_dedicated" {
  pool_id       = huaweicloud_elb_pool.jobs_dedicated.id
  address       = huaweicloud_compute_instance.jobs.network[0].fixed_ip_v4
  protocol_port = 7000
  subnet_id     = huaweicloud_vpc_subnet.jobs.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "jobs_dedicated" {
  pool_id     = huaweicloud_elb_pool.jobs_dedicated.id
  protocol    = "TCP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  port        = 17000
}

# Shared TCP listener with transparent client IP: the ACL does not apply.
resource "huaweicloud_lb_listener" "pass_transparent_tcp" {
  name                         = "jobs-tcp"
  protocol                     = "TCP"
  protocol_port                = 7001
  loadbalancer_id              = huaweicloud_lb_loadbalancer.web.id
  transparent_client_ip_enable = true
}

resource "huaweicloud_lb_pool" "jobs_shared" {
  name        = "jobs-shared"
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.pass_transparent_tcp.id
}

resource "huaweicloud_lb_member" "jobs_shared" {
  pool_id       = huaweicloud_lb_pool.jobs_shared.id
  address       = huaweicloud_compute_instance.jobs.network[0].fixed_ip_v4
  protocol_port = 7001
  subnet_id     = huaweicloud_vpc_subnet.jobs.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "jobs_shared" {
  pool_id     = huaweicloud_lb_pool.jobs_shared.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 17001
}
