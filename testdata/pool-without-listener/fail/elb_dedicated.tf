locals {
  api_versions = toset(["v1", "v2"])
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

resource "huaweicloud_elb_pool" "fail_orphan" {
  name            = "orphan"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

resource "huaweicloud_elb_pool" "fail_spare" {
  count           = var.spare_pools
  name            = "spare-${count.index}"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

# One pool per API version, but no forwarding policy sends traffic to them.
resource "huaweicloud_elb_pool" "fail_api_version" {
  for_each        = local.api_versions
  name            = "api-${each.key}"
  protocol        = "HTTP"
  lb_method       = "LEAST_CONNECTIONS"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

resource "huaweicloud_elb_member" "api" {
  for_each      = local.api_versions
  pool_id       = huaweicloud_elb_pool.fail_api_version[each.key].id
  address       = huaweicloud_compute_instance.web[0].access_ip_v4
  protocol_port = each.key == "v1" ? 8001 : 8002
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}
