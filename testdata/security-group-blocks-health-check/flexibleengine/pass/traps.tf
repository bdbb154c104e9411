# Must stay silent: a dedicated TCP listener without IP as a backend ignores security groups,
# so the closed group of the worker does not matter.
resource "flexibleengine_compute_instance_v2" "worker" {
  name              = "worker"
  image_id          = var.image_id
  flavor_id         = "c6.large.2"
  availability_zone = var.availability_zones[0]
  security_groups   = [flexibleengine_networking_secgroup_v2.closed.name]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.api.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.api.cidr, 40)
  }
}

resource "flexibleengine_lb_listener_v3" "queue" {
  name            = "queue"
  protocol        = "TCP"
  protocol_port   = 5672
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

resource "flexibleengine_lb_pool_v3" "queue" {
  name        = "queue"
  protocol    = "TCP"
  lb_method   = "SOURCE_IP"
  listener_id = flexibleengine_lb_listener_v3.queue.id
}

resource "flexibleengine_lb_member_v3" "queue" {
  pool_id       = flexibleengine_lb_pool_v3.queue.id
  address       = flexibleengine_compute_instance_v2.worker.network[0].fixed_ip_v4
  protocol_port = 5672
  subnet_id     = flexibleengine_vpc_subnet_v1.api.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "queue" {
  pool_id     = flexibleengine_lb_pool_v3.queue.id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
}

# Must stay silent: a shared TCP listener that passes the client IP through is not filtered by
# security groups.
resource "flexibleengine_lb_listener_v2" "redis" {
  name                         = "redis"
  protocol                     = "TCP"
  protocol_port                = 6379
  loadbalancer_id              = flexibleengine_lb_loadbalancer_v2.web.id
  transparent_client_ip_enable = true
}

resource "flexibleengine_lb_pool_v2" "redis" {
  name        = "redis"
  protocol    = "TCP"
  lb_method   = "SOURCE_IP"
  listener_id = flexibleengine_lb_listener_v2.redis.id
}

resource "flexibleengine_lb_member_v2" "redis" {
  pool_id       = flexibleengine_lb_pool_v2.redis.id
  address       = flexibleengine_compute_instance_v2.worker.network[0].fixed_ip_v4
  protocol_port = 6379
  subnet_id     = flexibleengine_vpc_subnet_v1.api.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "redis" {
  pool_id     = flexibleengine_lb_pool_v2.redis.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
}

# Must stay silent: count = 0 by default, so neither the canary host nor its member exists.
resource "flexibleengine_compute_instance_v2" "canary" {
  count             = var.canary_enabled ? 1 : 0
  name              = "web-canary"
  image_id          = var.image_id
  flavor_id         = "s3.large.2"
  availability_zone = var.availability_zones[0]
  security_groups   = [flexibleengine_networking_secgroup_v2.closed.name]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.app.cidr, 99)
  }
}

resource "flexibleengine_lb_member_v2" "canary" {
  count         = var.canary_enabled ? 1 : 0
  pool_id       = flexibleengine_lb_pool_v2.web.id
  address       = flexibleengine_compute_instance_v2.canary[0].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

# Must stay silent: no security_groups, so the cloud's default group applies, whose rules this
# configuration does not show.
resource "flexibleengine_compute_instance_v2" "legacy" {
  name              = "legacy"
  image_id          = var.image_id
  flavor_id         = "c6.large.2"
  availability_zone = var.availability_zones[0]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.api.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.api.cidr, 50)
  }
}

resource "flexibleengine_lb_member_v3" "legacy" {
  pool_id       = flexibleengine_lb_pool_v3.api.id
  address       = flexibleengine_compute_instance_v2.legacy.network[0].fixed_ip_v4
  protocol_port = 8000
  subnet_id     = flexibleengine_vpc_subnet_v1.api.ipv4_subnet_id
}
