resource "flexibleengine_lb_loadbalancer_v2" "web" {
  name          = "web"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.lb.ipv4_subnet_id
}

resource "flexibleengine_vpc_eip" "web" {
  publicip {
    type = "5_bgp"
  }

  bandwidth {
    name        = "web"
    size        = 10
    share_type  = "PER"
    charge_mode = "traffic"
  }
}

resource "flexibleengine_vpc_eip_associate" "web" {
  public_ip = flexibleengine_vpc_eip.web.address
  port_id   = flexibleengine_lb_loadbalancer_v2.web.vip_port_id
}

resource "flexibleengine_lb_certificate_v2" "web" {
  name        = "web"
  domain      = "www.example.com"
  certificate = var.certificate
  private_key = var.private_key
}

resource "flexibleengine_lb_listener_v2" "https" {
  name                      = "https"
  protocol                  = "TERMINATED_HTTPS"
  protocol_port             = 443
  loadbalancer_id           = flexibleengine_lb_loadbalancer_v2.web.id
  default_tls_container_ref = flexibleengine_lb_certificate_v2.web.id
}

resource "flexibleengine_lb_pool_v2" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v2.https.id
}

resource "flexibleengine_lb_member_v2" "web" {
  count         = var.app_count
  pool_id       = flexibleengine_lb_pool_v2.web.id
  address       = flexibleengine_compute_instance_v2.app[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "web" {
  pool_id     = flexibleengine_lb_pool_v2.web.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "flexibleengine_lb_loadbalancer_v3" "api" {
  name              = "api"
  vpc_id            = flexibleengine_vpc_v1.main.id
  availability_zone = var.availability_zones
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.api_lb.ipv4_subnet_id

  iptype                = "5_bgp"
  bandwidth_charge_mode = "traffic"
  sharetype             = "PER"
  bandwidth_size        = 10
}

resource "flexibleengine_lb_listener_v3" "api" {
  for_each        = var.api_ports
  name            = "api-${each.key}"
  protocol        = "HTTP"
  protocol_port   = each.value
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.api.id
}

resource "flexibleengine_lb_pool_v3" "api" {
  for_each    = var.api_ports
  name        = "api-${each.key}"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v3.api[each.key].id
}

locals {
  api_members = {
    for pair in setproduct(keys(var.api_ports), range(var.app_count)) : "${pair[0]}-${pair[1]}" => {
      pool     = pair[0]
      instance = pair[1]
    }
  }
}

resource "flexibleengine_lb_member_v3" "api" {
  for_each      = local.api_members
  pool_id       = flexibleengine_lb_pool_v3.api[each.value.pool].id
  address       = flexibleengine_compute_instance_v2.app[each.value.instance].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "api" {
  for_each    = var.api_ports
  pool_id     = flexibleengine_lb_pool_v3.api[each.key].id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
