locals {
  # Virtual hosts served by the dedicated ELB; the health check sends the same Host header.
  sites = {
    shop     = { host = "shop.example.com", port = 8081 }
    internal = { host = "internal-api.example.com", port = 8082 }
    edge     = { host = "edge.example.com", port = 8083 }
    partner  = { host = var.partner_host, port = 8084 }
  }

  site_members = merge([
    for name, site in local.sites : {
      for i in range(var.web_count) : "${name}-${i}" => { site = name, index = i, port = site.port }
    }
  ]...)
}

resource "huaweicloud_elb_loadbalancer" "web" {
  name              = "web"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  l7_flavor_id      = "L7_flavor.elb.s1.small"
  availability_zone = ["ap-southeast-3a", "ap-southeast-3b"]
}

resource "huaweicloud_elb_listener" "http" {
  name            = "web-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.web.id
  default_pool_id = huaweicloud_elb_pool.web.id
}

resource "huaweicloud_elb_pool" "web" {
  name            = "web"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.web.id
}

resource "huaweicloud_elb_member" "web" {
  count         = var.web_count
  pool_id       = huaweicloud_elb_pool.web.id
  address       = huaweicloud_compute_instance.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "pass_domain" {
  pool_id     = huaweicloud_elb_pool.web.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  domain_name = "www.example.com"
}

resource "huaweicloud_elb_pool" "site" {
  for_each        = local.sites
  name            = "site-${each.key}"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.web.id
}

resource "huaweicloud_elb_l7policy" "site" {
  for_each         = local.sites
  name             = "host-${each.key}"
  action           = "REDIRECT_TO_POOL"
  listener_id      = huaweicloud_elb_listener.http.id
  redirect_pool_id = huaweicloud_elb_pool.site[each.key].id
}

resource "huaweicloud_elb_l7rule" "site" {
  for_each     = local.sites
  l7policy_id  = huaweicloud_elb_l7policy.site[each.key].id
  type         = "HOST_NAME"
  compare_type = "EQUAL_TO"
  value        = each.value.host
}

resource "huaweicloud_elb_member" "site" {
  for_each      = local.site_members
  pool_id       = huaweicloud_elb_pool.site[each.value.site].id
  address       = huaweicloud_compute_instance.web[each.value.index].network[0].fixed_ip_v4
  protocol_port = each.value.port
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "pass_site" {
  for_each    = local.sites
  pool_id     = huaweicloud_elb_pool.site[each.key].id
  protocol    = "HTTP"
  interval    = 10
  timeout     = 5
  max_retries = 3
  url_path    = "/healthz"
  domain_name = each.value.host
}

# Static files: the file server answers any Host, so the health check sends the backend IP.
resource "huaweicloud_elb_pool" "static" {
  name            = "static"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.web.id
}

resource "huaweicloud_elb_l7policy" "static" {
  name             = "static"
  action           = "REDIRECT_TO_POOL"
  listener_id      = huaweicloud_elb_listener.http.id
  redirect_pool_id = huaweicloud_elb_pool.static.id
}

resource "huaweicloud_elb_l7rule" "static" {
  l7policy_id  = huaweicloud_elb_l7policy.static.id
  type         = "PATH"
  compare_type = "STARTS_WITH"
  value        = "/static/"
}

resource "huaweicloud_elb_member" "static" {
  count         = var.web_count
  pool_id       = huaweicloud_elb_pool.static.id
  address       = huaweicloud_compute_instance.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8088
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "pass_backend_ip_host" {
  pool_id     = huaweicloud_elb_pool.static.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/static/ping"
  domain_name = var.static_health_host
}
