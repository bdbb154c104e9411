resource "flexibleengine_lb_loadbalancer_v2" "web" {
  name          = "web"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_listener_v2" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
  default_pool_id = flexibleengine_lb_pool_v2.web.id
}

resource "flexibleengine_lb_listener_v2" "api" {
  name            = "api"
  protocol        = "HTTP"
  protocol_port   = 8000
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
  default_pool_id = flexibleengine_lb_pool_v2.web.id
}

# Monitoring UIs, one listener each.
resource "flexibleengine_lb_listener_v2" "admin" {
  for_each        = var.admin_ports
  name            = each.key
  protocol        = "TCP"
  protocol_port   = each.value
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
  default_pool_id = flexibleengine_lb_pool_v2.admin[each.key].id
}

resource "flexibleengine_lb_pool_v2" "web" {
  name            = "web"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_member_v2" "web" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v2.web.id
  address       = flexibleengine_compute_instance_v2.web[count.index].network[0].fixed_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_pool_v2" "admin" {
  for_each        = var.admin_ports
  name            = each.key
  protocol        = "TCP"
  lb_method       = "SOURCE_IP"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_member_v2" "admin" {
  for_each      = var.admin_ports
  pool_id       = flexibleengine_lb_pool_v2.admin[each.key].id
  address       = flexibleengine_compute_instance_v2.web[0].network[0].fixed_ip_v4
  protocol_port = each.value
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

# Dedicated load balancer for internal tools, access controlled by IP groups.
resource "flexibleengine_lb_loadbalancer_v3" "internal" {
  name              = "internal"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "flexibleengine_elb_ipgroup" "office" {
  name        = "office"
  description = "office egress addresses"

  dynamic "ip_list" {
    for_each = var.admin_cidrs
    content {
      ip = ip_list.value
    }
  }
}

resource "flexibleengine_elb_ipgroup" "abusers" {
  name = "abusers"

  ip_list {
    ip          = "203.0.113.0/24"
    description = "scrapers"
  }
}

resource "flexibleengine_lb_listener_v3" "internal_http" {
  name            = "internal-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.internal.id
  default_pool_id = flexibleengine_lb_pool_v3.internal.id
  access_policy   = "white"
  ip_group        = flexibleengine_elb_ipgroup.office.id
}

# A blacklist never shuts everyone out.
resource "flexibleengine_lb_listener_v3" "internal_api" {
  name            = "internal-api"
  protocol        = "HTTP"
  protocol_port   = 8000
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.internal.id
  default_pool_id = flexibleengine_lb_pool_v3.internal.id
  access_policy   = "black"
  ip_group        = flexibleengine_elb_ipgroup.abusers.id
}

resource "flexibleengine_lb_pool_v3" "internal" {
  name            = "internal"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.internal.id
}

resource "flexibleengine_lb_member_v3" "internal" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v3.internal.id
  address       = flexibleengine_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}
