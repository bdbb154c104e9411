resource "huaweicloud_elb_loadbalancer" "pass_serving" {
  name              = "serving"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.lb.ipv4_subnet_id
  backend_subnets   = [huaweicloud_vpc_subnet.app.id]
  availability_zone = var.availability_zones
}

resource "huaweicloud_elb_listener" "pass_http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.pass_serving.id
  default_pool_id = huaweicloud_elb_pool.web.id
}

resource "huaweicloud_elb_pool" "web" {
  name            = "web"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.pass_serving.id
}

resource "huaweicloud_elb_member" "web" {
  count         = var.web_count
  pool_id       = huaweicloud_elb_pool.web.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "web" {
  pool_id     = huaweicloud_elb_pool.web.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

# internal_lb_count defaults to 0: no load balancer is created.
resource "huaweicloud_elb_loadbalancer" "pass_internal" {
  count             = var.internal_lb_count
  name              = "internal-${count.index}"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.lb.ipv4_subnet_id
  backend_subnets   = [huaweicloud_vpc_subnet.app.id]
  availability_zone = [var.availability_zones[count.index % length(var.availability_zones)]]
}

# One load balancer and one listener per environment.
resource "huaweicloud_elb_loadbalancer" "pass_per_env" {
  for_each          = var.environments
  name              = "web-${each.key}"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.lb.ipv4_subnet_id
  backend_subnets   = [huaweicloud_vpc_subnet.app.id]
  availability_zone = var.availability_zones
}

resource "huaweicloud_elb_listener" "per_env" {
  for_each        = var.environments
  name            = "http-${each.key}"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.pass_per_env[each.key].id
  default_pool_id = huaweicloud_elb_pool.per_env[each.key].id
}

resource "huaweicloud_elb_pool" "per_env" {
  for_each        = var.environments
  name            = "web-${each.key}"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.pass_per_env[each.key].id
}

resource "huaweicloud_elb_member" "per_env" {
  for_each      = var.environments
  pool_id       = huaweicloud_elb_pool.per_env[each.key].id
  address       = huaweicloud_compute_instance.web[each.key == "prod" ? 0 : 1].access_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "per_env" {
  for_each    = var.environments
  pool_id     = huaweicloud_elb_pool.per_env[each.key].id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
