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
  default_pool_id = huaweicloud_elb_pool.api.id
}

resource "huaweicloud_elb_pool" "api" {
  name            = "api"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
}

resource "huaweicloud_elb_member" "pass_blue_green" {
  for_each      = huaweicloud_compute_instance.api
  pool_id       = huaweicloud_elb_pool.api.id
  address       = each.value.network[0].fixed_ip_v4
  protocol_port = 8000
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  weight        = var.api_weights[each.key]
}

resource "huaweicloud_elb_pool" "canary" {
  name        = "canary"
  protocol    = "HTTP"
  lb_method   = "LEAST_CONNECTIONS"
  listener_id = huaweicloud_elb_listener.canary.id
}

resource "huaweicloud_elb_listener" "canary" {
  name            = "canary"
  protocol        = "HTTP"
  protocol_port   = 8001
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
}

# The canary weight comes from the pipeline: not known here, so nothing is reported.
resource "huaweicloud_elb_member" "pass_canary" {
  count         = var.web_count
  pool_id       = huaweicloud_elb_pool.canary.id
  address       = huaweicloud_compute_instance.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  weight        = count.index == 0 ? var.canary_weight : 100
}

resource "huaweicloud_elb_monitor" "http" {
  for_each = {
    api    = huaweicloud_elb_pool.api.id
    canary = huaweicloud_elb_pool.canary.id
  }
  pool_id     = each.value
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
