# The application port comes from a variable without default; the health checks use it.
resource "huaweicloud_networking_secgroup" "test" {
  name                 = "web"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "ssh" {
  security_group_id = huaweicloud_networking_secgroup.test.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "22"
  remote_ip_prefix  = var.vpc_cidr
}

resource "huaweicloud_networking_secgroup_rule" "http" {
  security_group_id = huaweicloud_networking_secgroup.test.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = var.app_port
  remote_ip_prefix  = var.vpc_cidr
}

# Every port from the shared ELB's health-check range: whatever var.app_port is.
resource "huaweicloud_networking_secgroup_rule" "elb" {
  security_group_id = huaweicloud_networking_secgroup.test.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "1-65535"
  remote_ip_prefix  = "100.125.0.0/16"
}

resource "huaweicloud_compute_instance" "test" {
  count              = 2
  name               = "web-${count.index}"
  image_id           = var.image_id
  flavor_id          = "s6.small.1"
  security_groups    = [huaweicloud_networking_secgroup.test.name]
  availability_zone  = data.huaweicloud_availability_zones.test.names[0]

  network {
    uuid = huaweicloud_vpc_subnet.test.id
  }
}

resource "huaweicloud_lb_loadbalancer" "test" {
  name          = "lb-web"
  vip_subnet_id = huaweicloud_vpc_subnet.test.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "test" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.test.id
}

resource "huaweicloud_lb_pool" "test" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.test.id
}

resource "huaweicloud_lb_member" "test" {
  count         = 2
  pool_id       = huaweicloud_lb_pool.test.id
  address       = huaweicloud_compute_instance.test[count.index].access_ip_v4
  protocol_port = var.app_port
  subnet_id     = huaweicloud_vpc_subnet.test.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "test" {
  pool_id     = huaweicloud_lb_pool.test.id
  type        = "HTTP"
  delay       = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
