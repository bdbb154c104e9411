resource "huaweicloud_elb_loadbalancer" "main" {
  name              = "main"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.lb.ipv4_subnet_id
  backend_subnets   = [huaweicloud_vpc_subnet.app.id]
  availability_zone = var.availability_zones
}

resource "huaweicloud_elb_listener" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
  default_pool_id = huaweicloud_elb_pool.web.id
}

resource "huaweicloud_elb_pool" "web" {
  name            = "web"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
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

resource "huaweicloud_elb_loadbalancer" "fail_idle" {
  name              = "idle"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.lb.ipv4_subnet_id
  availability_zone = var.availability_zones
}

# Internal load balancers created ahead of the services that will use them.
resource "huaweicloud_elb_loadbalancer" "fail_internal" {
  count             = var.internal_lb_count
  name              = "internal-${count.index}"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.lb.ipv4_subnet_id
  backend_subnets   = [huaweicloud_vpc_subnet.app.id]
  availability_zone = [var.availability_zones[count.index % length(var.availability_zones)]]
}
