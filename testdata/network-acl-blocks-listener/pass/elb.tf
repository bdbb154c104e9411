resource "huaweicloud_lb_loadbalancer" "web" {
  name          = "web"
  vip_subnet_id = huaweicloud_vpc_subnet.lb.ipv4_subnet_id
}

resource "huaweicloud_vpc_eip" "web" {
  publicip {
    type    = "5_bgp"
    port_id = huaweicloud_lb_loadbalancer.web.vip_port_id
  }

  bandwidth {
    name        = "web"
    size        = 10
    share_type  = "PER"
    charge_mode = "traffic"
  }
}

resource "huaweicloud_lb_certificate" "web" {
  name        = "web"
  certificate = var.certificate
  private_key = var.private_key
}

resource "huaweicloud_lb_listener" "https" {
  name                      = "https"
  protocol                  = "TERMINATED_HTTPS"
  protocol_port             = 443
  loadbalancer_id           = huaweicloud_lb_loadbalancer.web.id
  default_tls_container_ref = huaweicloud_lb_certificate.web.id
}

resource "huaweicloud_lb_pool" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.https.id
}

resource "huaweicloud_lb_member" "web" {
  count         = var.app_count
  pool_id       = huaweicloud_lb_pool.web.id
  address       = huaweicloud_compute_instance.app[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
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
  ipv4_subnet_id    = huaweicloud_vpc_subnet.api_lb.ipv4_subnet_id
  backend_subnets   = [huaweicloud_vpc_subnet.api_lb.id]
  iptype            = "5_bgp"
  bandwidth_size    = 10
  sharetype         = "PER"
}

resource "huaweicloud_elb_listener" "api" {
  for_each        = var.api_ports
  name            = "api-${each.key}"
  protocol        = "HTTP"
  protocol_port   = each.value
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
}

resource "huaweicloud_elb_pool" "api" {
  for_each    = var.api_ports
  name        = "api-${each.key}"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.api[each.key].id
}

locals {
  api_members = {
    for pair in setproduct(keys(var.api_ports), range(var.app_count)) : "${pair[0]}-${pair[1]}" => {
      pool     = pair[0]
      instance = pair[1]
    }
  }
}

resource "huaweicloud_elb_member" "api" {
  for_each      = local.api_members
  pool_id       = huaweicloud_elb_pool.api[each.value.pool].id
  address       = huaweicloud_compute_instance.app[each.value.instance].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "api" {
  for_each    = var.api_ports
  pool_id     = huaweicloud_elb_pool.api[each.key].id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "huaweicloud_elb_loadbalancer" "internal" {
  name              = "internal"
  vpc_id            = huaweicloud_vpc.main.id
  availability_zone = ["cn-north-4a"]
  ipv4_subnet_id    = huaweicloud_vpc_subnet.internal_lb.ipv4_subnet_id
}

resource "huaweicloud_elb_listener" "pass_internal_http" {
  name            = "internal-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.internal.id
  default_pool_id = huaweicloud_elb_pool.internal.id
}

resource "huaweicloud_elb_pool" "internal" {
  name            = "internal"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.internal.id
}

resource "huaweicloud_elb_member" "internal" {
  count         = var.app_count
  pool_id       = huaweicloud_elb_pool.internal.id
  address       = huaweicloud_compute_instance.app[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_loadbalancer" "partner" {
  name          = "partner"
  vip_subnet_id = huaweicloud_vpc_subnet.partner_lb.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "pass_partner_https" {
  name                      = "partner-https"
  protocol                  = "TERMINATED_HTTPS"
  protocol_port             = 443
  loadbalancer_id           = huaweicloud_lb_loadbalancer.partner.id
  default_tls_container_ref = huaweicloud_lb_certificate.web.id
  default_pool_id           = huaweicloud_lb_pool.partner.id
}

resource "huaweicloud_lb_pool" "partner" {
  name            = "partner"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_lb_loadbalancer.partner.id
}

resource "huaweicloud_lb_member" "partner" {
  count         = var.app_count
  pool_id       = huaweicloud_lb_pool.partner.id
  address       = huaweicloud_compute_instance.app[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}
