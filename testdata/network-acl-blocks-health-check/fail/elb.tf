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
  url_path    = "/healthz"
}

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
  for_each      = var.api_servers
  pool_id       = huaweicloud_elb_pool.api.id
  address       = huaweicloud_compute_instance.api[each.key].network[0].fixed_ip_v4
  protocol_port = 8000
  subnet_id     = huaweicloud_vpc_subnet.api.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "api" {
  pool_id     = huaweicloud_elb_pool.api.id
  protocol    = "TCP"
  interval    = 5
  timeout     = 3
  max_retries = 3
}
