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

resource "huaweicloud_lb_member" "pass_default_group" {
  pool_id       = huaweicloud_lb_pool.app.id
  address       = huaweicloud_compute_instance.legacy.network[0].fixed_ip_v4
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

# Health check on the member port: a closed port is the health-check rule's finding, not this one's.
resource "huaweicloud_lb_listener" "static" {
  name            = "static"
  protocol        = "HTTP"
  protocol_port   = 8081
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
  address       = huaweicloud_compute_instance.cache.network[0].fixed_ip_v4
  protocol_port = 8081
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "static" {
  pool_id     = huaweicloud_lb_pool.pass_hc_same_port.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
}

# Shared TCP listener with transparent client IP: security groups do not apply.
resource "huaweicloud_lb_listener" "pass_transparent_tcp" {
  name                         = "redis"
  protocol                     = "TCP"
  protocol_port                = 6379
  loadbalancer_id              = huaweicloud_lb_loadbalancer.web.id
  transparent_client_ip_enable = true
}

resource "huaweicloud_lb_pool" "redis" {
  name        = "redis"
  protocol    = "TCP"
  lb_method   = "SOURCE_IP"
  listener_id = huaweicloud_lb_listener.pass_transparent_tcp.id
}

resource "huaweicloud_lb_member" "redis" {
  pool_id       = huaweicloud_lb_pool.redis.id
  address       = huaweicloud_compute_instance.cache.network[0].fixed_ip_v4
  protocol_port = 6379
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "redis" {
  pool_id     = huaweicloud_lb_pool.redis.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 16379
}

# The member port is admitted only from a variable without a value: not provable either way.
resource "huaweicloud_lb_listener" "batch" {
  name            = "batch"
  protocol        = "HTTP"
  protocol_port   = 8082
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_pool" "batch" {
  name        = "batch"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.batch.id
}

resource "huaweicloud_lb_member" "batch" {
  pool_id       = huaweicloud_lb_pool.batch.id
  address       = huaweicloud_compute_instance.batch.network[0].fixed_ip_v4
  protocol_port = 8082
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "batch" {
  pool_id     = huaweicloud_lb_pool.batch.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 9092
}

# Dedicated ELB with its health check switched off; the group admits its backend subnet.
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

# Dedicated TCP listener without IP as a backend: security groups do not apply.
resource "huaweicloud_elb_listener" "pass_dedicated_tcp" {
  name            = "postgres"
  protocol        = "TCP"
  protocol_port   = 5432
  loadbalancer_id = huaweicloud_elb_loadbalancer.reports.id
}

resource "huaweicloud_elb_pool" "postgres" {
  name        = "postgres"
  protocol    = "TCP"
  lb_method   = "LEAST_CONNECTIONS"
  listener_id = huaweicloud_elb_listener.pass_dedicated_tcp.id
}

resource "huaweicloud_elb_member" "postgres" {
  pool_id       = huaweicloud_elb_pool.postgres.id
  address       = huaweicloud_compute_instance.cache.network[0].fixed_ip_v4
  protocol_port = 5432
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "postgres" {
  pool_id     = huaweicloud_elb_pool.postgres.id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
  port        = 15432
}
