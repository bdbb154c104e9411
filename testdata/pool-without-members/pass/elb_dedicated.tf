resource "huaweicloud_elb_loadbalancer" "api" {
  name              = "api"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "huaweicloud_elb_listener" "api" {
  name            = "api"
  protocol        = "HTTP"
  protocol_port   = 8000
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
  default_pool_id = huaweicloud_elb_pool.pass_api.id
}

resource "huaweicloud_elb_pool" "pass_api" {
  name            = "api"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
}

resource "huaweicloud_elb_member" "api" {
  for_each      = { for i, vm in huaweicloud_compute_instance.web : vm.name => vm.access_ip_v4 }
  pool_id       = huaweicloud_elb_pool.pass_api.id
  address       = each.value
  protocol_port = 8000
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_listener" "jobs" {
  name            = "jobs"
  protocol        = "TCP"
  protocol_port   = 9000
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
}

resource "huaweicloud_elb_pool" "pass_scaled" {
  name        = "jobs"
  protocol    = "TCP"
  lb_method   = "LEAST_CONNECTIONS"
  listener_id = huaweicloud_elb_listener.jobs.id
}

resource "huaweicloud_elb_member" "jobs" {
  count         = var.worker_count
  pool_id       = huaweicloud_elb_pool.pass_scaled.id
  address       = cidrhost(huaweicloud_vpc_subnet.app.cidr, 100 + count.index)
  protocol_port = 9000
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "api" {
  pool_id     = huaweicloud_elb_pool.pass_api.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "huaweicloud_elb_monitor" "jobs" {
  pool_id     = huaweicloud_elb_pool.pass_scaled.id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
}
