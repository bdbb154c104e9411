resource "flexibleengine_lb_loadbalancer_v3" "postgres" {
  name              = "l4-postgres"
  vpc_id            = flexibleengine_vpc_v1.main.id
  availability_zone = var.availability_zones
  ipv4_subnet_id    = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_listener_v3" "postgres" {
  name            = "postgres"
  protocol        = "TCP"
  protocol_port   = 5432
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.postgres.id
  default_pool_id = flexibleengine_lb_pool_v3.postgres.id
}

resource "flexibleengine_lb_pool_v3" "postgres" {
  name            = "postgres"
  protocol        = "TCP"
  lb_method       = "LEAST_CONNECTIONS"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.postgres.id
}

resource "flexibleengine_lb_member_v3" "postgres" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v3.postgres.id
  address       = flexibleengine_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 5432
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "postgres" {
  pool_id     = flexibleengine_lb_pool_v3.postgres.id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
}

# The private address is switched by a variable, off by default.
resource "flexibleengine_lb_loadbalancer_v3" "dns" {
  name              = "dns"
  vpc_id            = flexibleengine_vpc_v1.main.id
  ipv4_subnet_id    = var.dns_private_ip ? flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id : ""
  availability_zone = var.availability_zones
}

resource "flexibleengine_lb_listener_v3" "dns" {
  for_each        = var.dns_listeners
  name            = each.key
  protocol        = each.value
  protocol_port   = 53
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.dns.id
  default_pool_id = flexibleengine_lb_pool_v3.dns[each.key].id
}

resource "flexibleengine_lb_pool_v3" "dns" {
  for_each        = var.dns_listeners
  name            = each.key
  protocol        = each.value
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.dns.id
}

resource "flexibleengine_lb_member_v3" "dns" {
  for_each      = var.dns_listeners
  pool_id       = flexibleengine_lb_pool_v3.dns[each.key].id
  address       = flexibleengine_compute_instance_v2.web[0].access_ip_v4
  protocol_port = 53
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v3" "dns" {
  for_each    = var.dns_listeners
  pool_id     = flexibleengine_lb_pool_v3.dns[each.key].id
  protocol    = each.value == "UDP" ? "UDP_CONNECT" : "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
}

# The only EIP of the configuration is bound to the web load balancer, which has HTTP listeners only.
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

resource "flexibleengine_lb_loadbalancer_v3" "web" {
  name              = "web"
  vpc_id            = flexibleengine_vpc_v1.main.id
  availability_zone = var.availability_zones
  ipv4_eip_id       = flexibleengine_vpc_eip.web.id
}

resource "flexibleengine_lb_listener_v3" "web" {
  name            = "web"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.web.id
  default_pool_id = flexibleengine_lb_pool_v3.web.id
}

resource "flexibleengine_lb_pool_v3" "web" {
  name            = "web"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.web.id
}

resource "flexibleengine_lb_member_v3" "web" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v3.web.id
  address       = flexibleengine_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

# Public MQTT broker: no private address, but an EIP created with the load balancer.
resource "flexibleengine_lb_loadbalancer_v3" "mqtt" {
  name              = "mqtt"
  vpc_id            = flexibleengine_vpc_v1.main.id
  availability_zone = var.availability_zones

  iptype                = "5_bgp"
  bandwidth_charge_mode = "traffic"
  sharetype             = "PER"
  bandwidth_size        = 5
}

resource "flexibleengine_lb_listener_v3" "mqtt" {
  name            = "mqtt"
  protocol        = "TCP"
  protocol_port   = 1883
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.mqtt.id
  default_pool_id = flexibleengine_lb_pool_v3.mqtt.id
}

resource "flexibleengine_lb_pool_v3" "mqtt" {
  name            = "mqtt"
  protocol        = "TCP"
  lb_method       = "SOURCE_IP"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.mqtt.id
}

resource "flexibleengine_lb_member_v3" "mqtt" {
  count         = var.web_count
  pool_id       = flexibleengine_lb_pool_v3.mqtt.id
  address       = flexibleengine_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 1883
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

# A shared load balancer always has a private VIP.
resource "flexibleengine_lb_loadbalancer_v2" "redis" {
  name          = "redis"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_listener_v2" "redis" {
  name            = "redis"
  protocol        = "TCP"
  protocol_port   = 6379
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.redis.id
  default_pool_id = flexibleengine_lb_pool_v2.redis.id
}

resource "flexibleengine_lb_pool_v2" "redis" {
  name            = "redis"
  protocol        = "TCP"
  lb_method       = "SOURCE_IP"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.redis.id
}

resource "flexibleengine_lb_member_v2" "redis" {
  pool_id       = flexibleengine_lb_pool_v2.redis.id
  address       = flexibleengine_compute_instance_v2.web[1].access_ip_v4
  protocol_port = 6379
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}
