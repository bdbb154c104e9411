resource "flexibleengine_lb_loadbalancer_v3" "main" {
  name              = "main"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "flexibleengine_lb_listener_v3" "api" {
  name            = "api"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.main.id
  default_pool_id = flexibleengine_lb_pool_v3.api.id
}

# Created with the listener, the members were never added.
resource "flexibleengine_lb_pool_v3" "api" {
  name            = "api"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.main.id
}

resource "flexibleengine_lb_listener_v3" "jobs" {
  name            = "jobs"
  protocol        = "TCP"
  protocol_port   = 9000
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.main.id
}

resource "flexibleengine_lb_pool_v3" "jobs" {
  name        = "jobs"
  protocol    = "TCP"
  lb_method   = "LEAST_CONNECTIONS"
  listener_id = flexibleengine_lb_listener_v3.jobs.id
}

resource "flexibleengine_compute_instance_v2" "worker" {
  count             = var.worker_count
  name              = format("worker-%02d", count.index + 1)
  image_id          = var.image_id
  flavor_id         = "c6.large.2"
  availability_zone = var.availability_zones[count.index % length(var.availability_zones)]

  network {
    uuid = flexibleengine_vpc_subnet_v1.app.id
  }
}

# Scaled to zero by default: no member exists.
resource "flexibleengine_lb_member_v3" "jobs" {
  count         = var.worker_count
  pool_id       = flexibleengine_lb_pool_v3.jobs.id
  address       = flexibleengine_compute_instance_v2.worker[count.index].access_ip_v4
  protocol_port = 9000
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "api" {
  pool_id     = flexibleengine_lb_pool_v3.api.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "flexibleengine_lb_monitor_v3" "jobs" {
  pool_id     = flexibleengine_lb_pool_v3.jobs.id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
}
