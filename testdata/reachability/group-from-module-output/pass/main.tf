resource "opentelekomcloud_vpc_v1" "web" {
  name = "web-${var.environment}"
  cidr = "172.16.0.0/16"
}

resource "opentelekomcloud_vpc_subnet_v1" "web" {
  name       = "web-${var.environment}"
  vpc_id     = opentelekomcloud_vpc_v1.web.id
  cidr       = "172.16.1.0/24"
  gateway_ip = "172.16.1.1"
}

module "web_sg" {
  source = "./modules/security-group"
  name   = "web-${var.environment}"
  ingress_rules = [
    { protocol = "tcp", port = 22, cidr = var.office_cidr },
    { protocol = "tcp", port = 80, cidr = var.office_cidr },
    # Health checks of the shared load balancer.
    { protocol = "tcp", port = 80, cidr = "100.125.0.0/16" },
  ]
}

resource "opentelekomcloud_compute_instance_v2" "web" {
  count           = 2
  name            = "web-${var.environment}-${count.index}"
  image_name      = var.image_name
  flavor_name     = "s3.medium.2"
  security_groups = [module.web_sg.name]

  network {
    uuid = opentelekomcloud_vpc_subnet_v1.web.network_id
  }
}

resource "opentelekomcloud_lb_loadbalancer_v2" "web" {
  name          = "web-${var.environment}"
  vip_subnet_id = opentelekomcloud_vpc_subnet_v1.web.subnet_id
}

resource "opentelekomcloud_lb_listener_v2" "web" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v2.web.id
}

resource "opentelekomcloud_lb_pool_v2" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = opentelekomcloud_lb_listener_v2.web.id
}

resource "opentelekomcloud_lb_member_v2" "web" {
  count         = 2
  pool_id       = opentelekomcloud_lb_pool_v2.web.id
  address       = opentelekomcloud_compute_instance_v2.web[count.index].access_ip_v4
  protocol_port = 80
  subnet_id     = opentelekomcloud_vpc_subnet_v1.web.subnet_id
}

resource "opentelekomcloud_lb_monitor_v2" "web" {
  pool_id     = opentelekomcloud_lb_pool_v2.web.id
  type        = "HTTP"
  delay       = 10
  timeout     = 5
  max_retries = 3
  url_path    = "/"
}
