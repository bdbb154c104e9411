resource "huaweicloud_elb_loadbalancer" "main" {
  name              = "main"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "huaweicloud_elb_listener" "api" {
  name            = "api"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
  default_pool_id = huaweicloud_elb_pool.api.id
}

resource "huaweicloud_elb_pool" "api" {
  name            = "api"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

resource "huaweicloud_elb_member" "api" {
  count         = var.web_count
  pool_id       = huaweicloud_elb_pool.api.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "pass_enabled" {
  pool_id     = huaweicloud_elb_pool.api.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "huaweicloud_elb_listener" "jobs" {
  name            = "jobs"
  protocol        = "TCP"
  protocol_port   = 9000
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

resource "huaweicloud_elb_pool" "jobs" {
  name        = "jobs"
  protocol    = "TCP"
  lb_method   = "LEAST_CONNECTIONS"
  listener_id = huaweicloud_elb_listener.jobs.id
}

resource "huaweicloud_elb_member" "jobs" {
  count         = var.web_count
  pool_id       = huaweicloud_elb_pool.jobs.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 9000
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "pass_toggle_unknown" {
  pool_id     = huaweicloud_elb_pool.jobs.id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
  enabled     = var.jobs_health_check_enabled
}

# One pool per API version behind forwarding policies, each with its own health check.
resource "huaweicloud_elb_pool" "pass_monitored" {
  for_each        = toset(["v1", "v2"])
  name            = "api-${each.key}"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

resource "huaweicloud_elb_member" "versioned" {
  for_each      = huaweicloud_elb_pool.pass_monitored
  pool_id       = each.value.id
  address       = huaweicloud_compute_instance.web[0].access_ip_v4
  protocol_port = each.key == "v1" ? 8001 : 8002
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_l7policy" "versioned" {
  for_each         = huaweicloud_elb_pool.pass_monitored
  name             = "api-${each.key}"
  action           = "REDIRECT_TO_POOL"
  listener_id      = huaweicloud_elb_listener.api.id
  redirect_pool_id = each.value.id
}

resource "huaweicloud_elb_l7rule" "versioned" {
  for_each     = huaweicloud_elb_l7policy.versioned
  l7policy_id  = each.value.id
  type         = "PATH"
  compare_type = "STARTS_WITH"
  value        = "/${each.key}/"
}

resource "huaweicloud_elb_monitor" "versioned" {
  for_each    = huaweicloud_elb_pool.pass_monitored
  pool_id     = each.value.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/${each.key}/healthz"
}

# Primary/standby database proxies: the pool's health check is its inline healthmonitor block.
resource "huaweicloud_elb_listener" "db" {
  name            = "db"
  protocol        = "TCP"
  protocol_port   = 8306
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
  default_pool_id = huaweicloud_elb_active_standby_pool.pass_inline_monitor.id
}

resource "huaweicloud_elb_active_standby_pool" "pass_inline_monitor" {
  name            = "db"
  protocol        = "TCP"
  type            = "instance"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id

  members {
    address       = huaweicloud_compute_instance.web[0].access_ip_v4
    role          = "master"
    protocol_port = 8306
    subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  }

  members {
    address       = huaweicloud_compute_instance.web[1].access_ip_v4
    role          = "slave"
    protocol_port = 8306
    subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  }

  healthmonitor {
    type        = "TCP"
    delay       = 5
    timeout     = 3
    max_retries = 3
  }
}

# Only created with enable_admin_ui = true: neither the listener nor its pool exists.
resource "huaweicloud_elb_listener" "admin" {
  count           = var.enable_admin_ui ? 1 : 0
  name            = "admin"
  protocol        = "HTTP"
  protocol_port   = 8081
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
  default_pool_id = huaweicloud_elb_pool.pass_admin_disabled[0].id
}

resource "huaweicloud_elb_pool" "pass_admin_disabled" {
  count           = var.enable_admin_ui ? 1 : 0
  name            = "admin"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}
