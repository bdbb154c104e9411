# Static content servers attach through pre-created ports; their group admits the shared-ELB range.
resource "flexibleengine_networking_secgroup_v2" "static_backend" {
  name                 = "static-backend"
  delete_default_rules = true
}

resource "flexibleengine_networking_secgroup_rule_v2" "static_http" {
  security_group_id = flexibleengine_networking_secgroup_v2.static_backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8081
  port_range_max    = 8081
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "flexibleengine_networking_port_v2" "static" {
  count              = 2
  name               = "static-${count.index}"
  network_id         = flexibleengine_vpc_subnet_v1.app.id
  security_group_ids = [flexibleengine_networking_secgroup_v2.static_backend.id]

  fixed_ip {
    subnet_id  = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
    ip_address = cidrhost(flexibleengine_vpc_subnet_v1.app.cidr, 60 + count.index)
  }
}

resource "flexibleengine_compute_instance_v2" "static" {
  count             = 2
  name              = "static-${count.index}"
  image_id          = var.image_id
  flavor_id         = "s3.medium.2"
  availability_zone = var.availability_zones[count.index]

  network {
    port = flexibleengine_networking_port_v2.static[count.index].id
  }
}

resource "flexibleengine_lb_listener_v2" "static" {
  name            = "static"
  protocol        = "HTTP"
  protocol_port   = 8081
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.web.id
}

resource "flexibleengine_lb_pool_v2" "static" {
  name        = "static"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v2.static.id
}

resource "flexibleengine_lb_member_v2" "static" {
  count         = 2
  pool_id       = flexibleengine_lb_pool_v2.static.id
  address       = flexibleengine_networking_port_v2.static[count.index].fixed_ip[0].ip_address
  protocol_port = 8081
  subnet_id     = flexibleengine_vpc_subnet_v1.app.ipv4_subnet_id
}

resource "flexibleengine_lb_monitor_v2" "static" {
  pool_id     = flexibleengine_lb_pool_v2.static.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/index.html"
}
