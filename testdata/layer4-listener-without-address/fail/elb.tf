resource "huaweicloud_elb_loadbalancer" "fail_no_address" {
  name              = "l4-no-address"
  vpc_id            = huaweicloud_vpc.main.id
  availability_zone = var.availability_zones
  backend_subnets   = [huaweicloud_vpc_subnet.app.id]
}

resource "huaweicloud_elb_listener" "postgres" {
  name            = "postgres"
  protocol        = "TCP"
  protocol_port   = 5432
  loadbalancer_id = huaweicloud_elb_loadbalancer.fail_no_address.id
  default_pool_id = huaweicloud_elb_pool.postgres.id
}

resource "huaweicloud_elb_pool" "postgres" {
  name            = "postgres"
  protocol        = "TCP"
  lb_method       = "LEAST_CONNECTIONS"
  loadbalancer_id = huaweicloud_elb_loadbalancer.fail_no_address.id
}

resource "huaweicloud_elb_member" "postgres" {
  count         = var.web_count
  pool_id       = huaweicloud_elb_pool.postgres.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 5432
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "postgres" {
  pool_id     = huaweicloud_elb_pool.postgres.id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
}

resource "huaweicloud_elb_loadbalancer" "fail_private_ip_off" {
  name              = "dns"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = var.dns_private_ip ? huaweicloud_vpc_subnet.app.ipv4_subnet_id : ""
  availability_zone = var.availability_zones
  backend_subnets   = [huaweicloud_vpc_subnet.app.id]
}

resource "huaweicloud_elb_listener" "dns" {
  for_each        = var.dns_listeners
  name            = each.key
  protocol        = each.value
  protocol_port   = 53
  loadbalancer_id = huaweicloud_elb_loadbalancer.fail_private_ip_off.id
  default_pool_id = huaweicloud_elb_pool.dns[each.key].id
}

resource "huaweicloud_elb_pool" "dns" {
  for_each        = var.dns_listeners
  name            = each.key
  protocol        = each.value
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.fail_private_ip_off.id
}

resource "huaweicloud_elb_member" "dns" {
  for_each      = var.dns_listeners
  pool_id       = huaweicloud_elb_pool.dns[each.key].id
  address       = huaweicloud_compute_instance.web[0].access_ip_v4
  protocol_port = 53
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "dns" {
  for_each    = var.dns_listeners
  pool_id     = huaweicloud_elb_pool.dns[each.key].id
  protocol    = each.value == "UDP" ? "UDP_CONNECT" : "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
}
