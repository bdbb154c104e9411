locals {
  api_versions = {
    v1 = 8001
    v2 = 8002
  }
}

resource "huaweicloud_elb_loadbalancer" "main" {
  name              = "main"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "huaweicloud_elb_listener" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

resource "huaweicloud_elb_pool" "pass_used" {
  name        = "used"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.http.id
}

resource "huaweicloud_elb_member" "web" {
  count         = var.web_count
  pool_id       = huaweicloud_elb_pool.pass_used.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

# count = 0 by default: these pools do not exist.
resource "huaweicloud_elb_pool" "pass_spare" {
  count           = var.spare_pools
  name            = "spare-${count.index}"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

# Used only through forwarding policies: /v1/ and /v2/ go to their own pool.
resource "huaweicloud_elb_pool" "pass_api_version" {
  for_each        = local.api_versions
  name            = "api-${each.key}"
  protocol        = "HTTP"
  lb_method       = "LEAST_CONNECTIONS"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

resource "huaweicloud_elb_member" "api" {
  for_each      = local.api_versions
  pool_id       = huaweicloud_elb_pool.pass_api_version[each.key].id
  address       = huaweicloud_compute_instance.web[0].access_ip_v4
  protocol_port = each.value
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_l7policy" "api" {
  for_each         = local.api_versions
  name             = "api-${each.key}"
  action           = "REDIRECT_TO_POOL"
  listener_id      = huaweicloud_elb_listener.http.id
  redirect_pool_id = huaweicloud_elb_pool.pass_api_version[each.key].id
}

resource "huaweicloud_elb_l7rule" "api" {
  for_each     = local.api_versions
  l7policy_id  = huaweicloud_elb_l7policy.api[each.key].id
  type         = "PATH"
  compare_type = "STARTS_WITH"
  value        = "/${each.key}/"
}

resource "huaweicloud_elb_monitor" "http" {
  for_each = {
    web = huaweicloud_elb_pool.pass_used.id
    v1  = huaweicloud_elb_pool.pass_api_version["v1"].id
    v2  = huaweicloud_elb_pool.pass_api_version["v2"].id
  }
  pool_id     = each.value
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

# An active-standby pool named by the listener's default_pool_id.
resource "huaweicloud_elb_listener" "db" {
  name            = "db"
  protocol        = "TCP"
  protocol_port   = 8306
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
  default_pool_id = huaweicloud_elb_active_standby_pool.pass_db.id
}

resource "huaweicloud_elb_active_standby_pool" "pass_db" {
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
