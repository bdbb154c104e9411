resource "flexibleengine_compute_instance_v2" "cache" {
  name              = "cache"
  image_id          = var.image_id
  flavor_id         = "s3.large.2"
  availability_zone = var.availability_zones[0]
  security_groups   = [flexibleengine_networking_secgroup_v2.closed.name]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.app.cidr, 30)
  }
}

resource "flexibleengine_compute_instance_v2" "batch" {
  name              = "batch"
  image_id          = var.image_id
  flavor_id         = "s3.large.2"
  availability_zone = var.availability_zones[1]
  security_groups   = [flexibleengine_networking_secgroup_v2.batch.name]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.app.cidr, 40)
  }
}

# No security_groups: the cloud's default group applies, which this configuration does not show.
resource "flexibleengine_compute_instance_v2" "legacy" {
  name              = "legacy"
  image_id          = var.image_id
  flavor_id         = "s3.large.2"
  availability_zone = var.availability_zones[0]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.app.cidr, 50)
  }
}

resource "flexibleengine_lb_member_v2" "legacy" {
  pool_id       = flexibleengine_lb_pool_v2.app.id
  address       = flexibleengine_compute_instance_v2.legacy.network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

# Health check on the member port: a closed port is the health-check rule's finding, not this one's.
resource "flexibleengine_lb_listener_v2" "static" {
  name            = "static"
  protocol        = "HTTP"
  protocol_port   = 8081
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
  address       = flexibleengine_compute_instance_v2.cache.network[0].fixed_ip_v4
  protocol_port = 8081
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "static" {
  pool_id     = flexibleengine_lb_pool_v2.static.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/"
}

# Shared TCP listener with transparent client IP: security groups do not apply.
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
  address       = flexibleengine_compute_instance_v2.cache.network[0].fixed_ip_v4
  protocol_port = 6379
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "redis" {
  pool_id     = flexibleengine_lb_pool_v2.redis.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 16379
}

# The member port is admitted only from a variable without a value: not provable either way.
resource "flexibleengine_lb_listener_v2" "batch" {
  name            = "batch"
  protocol        = "HTTP"
  protocol_port   = 8082
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
  protocol_port = 8082
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "batch" {
  pool_id     = flexibleengine_lb_pool_v2.batch.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  port        = 9092
}

# Dedicated TCP listener without IP as a backend: security groups do not apply.
resource "flexibleengine_lb_listener_v3" "postgres" {
  name            = "postgres"
  protocol        = "TCP"
  protocol_port   = 5432
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.reports.id
}

resource "flexibleengine_lb_pool_v3" "postgres" {
  name        = "postgres"
  protocol    = "TCP"
  lb_method   = "LEAST_CONNECTIONS"
  listener_id = flexibleengine_lb_listener_v3.postgres.id
}

resource "flexibleengine_lb_member_v3" "postgres" {
  pool_id       = flexibleengine_lb_pool_v3.postgres.id
  address       = flexibleengine_compute_instance_v2.cache.network[0].fixed_ip_v4
  protocol_port = 5432
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "postgres" {
  pool_id     = flexibleengine_lb_pool_v3.postgres.id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
  port        = 15432
}
