resource "huaweicloud_elb_loadbalancer" "pass_private_ip" {
  name              = "l4-private"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "huaweicloud_elb_listener" "postgres" {
  name            = "postgres"
  protocol        = "TCP"
  protocol_port   = 5432
  loadbalancer_id = huaweicloud_elb_loadbalancer.pass_private_ip.id
  default_pool_id = huaweicloud_elb_pool.postgres.id
}

resource "huaweicloud_elb_pool" "postgres" {
  name            = "postgres"
  protocol        = "TCP"
  lb_method       = "LEAST_CONNECTIONS"
  loadbalancer_id = huaweicloud_elb_loadbalancer.pass_private_ip.id
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

resource "huaweicloud_elb_loadbalancer" "pass_private_ip_on" {
  name              = "dns"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = var.dns_private_ip ? huaweicloud_vpc_subnet.app.ipv4_subnet_id : null
  availability_zone = var.availability_zones
  backend_subnets   = [huaweicloud_vpc_subnet.app.id]
}

resource "huaweicloud_elb_listener" "dns" {
  for_each        = var.dns_listeners
  name            = each.key
  protocol        = each.value
  protocol_port   = 53
  loadbalancer_id = huaweicloud_elb_loadbalancer.pass_private_ip_on.id
  default_pool_id = huaweicloud_elb_pool.dns[each.key].id
}

resource "huaweicloud_elb_pool" "dns" {
  for_each        = var.dns_listeners
  name            = each.key
  protocol        = each.value
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.pass_private_ip_on.id
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

# A read replica endpoint, only created on demand (count = 0 by default).
resource "huaweicloud_elb_loadbalancer" "pass_replica_disabled" {
  count             = var.enable_replica_lb ? 1 : 0
  name              = "replica"
  vpc_id            = huaweicloud_vpc.main.id
  availability_zone = var.availability_zones
  backend_subnets   = [huaweicloud_vpc_subnet.app.id]
}

resource "huaweicloud_elb_listener" "replica" {
  count           = var.enable_replica_lb ? 1 : 0
  name            = "replica"
  protocol        = "TCP"
  protocol_port   = 5433
  loadbalancer_id = huaweicloud_elb_loadbalancer.pass_replica_disabled[0].id
  default_pool_id = huaweicloud_elb_pool.postgres.id
}

# IPv6-only: the health checks use the IPv6 address.
resource "huaweicloud_elb_loadbalancer" "pass_ipv6" {
  name              = "l4-ipv6"
  vpc_id            = huaweicloud_vpc.main.id
  ipv6_network_id   = huaweicloud_vpc_subnet.app.id
  availability_zone = var.availability_zones
  backend_subnets   = [huaweicloud_vpc_subnet.app.id]
}

resource "huaweicloud_elb_listener" "postgres_v6" {
  name            = "postgres-v6"
  protocol        = "TCP"
  protocol_port   = 5432
  loadbalancer_id = huaweicloud_elb_loadbalancer.pass_ipv6.id
  default_pool_id = huaweicloud_elb_pool.postgres_v6.id
}

resource "huaweicloud_elb_pool" "postgres_v6" {
  name            = "postgres-v6"
  protocol        = "TCP"
  lb_method       = "LEAST_CONNECTIONS"
  loadbalancer_id = huaweicloud_elb_loadbalancer.pass_ipv6.id
}

resource "huaweicloud_elb_member" "postgres_v6" {
  count         = var.web_count
  pool_id       = huaweicloud_elb_pool.postgres_v6.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 5432
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "postgres_v6" {
  pool_id     = huaweicloud_elb_pool.postgres_v6.id
  protocol    = "TCP"
  interval    = 10
  timeout     = 5
  max_retries = 3
}

# Shared load balancers always have a private VIP: not in scope of this rule.
resource "huaweicloud_lb_loadbalancer" "pass_shared" {
  name          = "legacy-tcp"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "legacy_tcp" {
  name            = "legacy-tcp"
  protocol        = "TCP"
  protocol_port   = 8443
  loadbalancer_id = huaweicloud_lb_loadbalancer.pass_shared.id
  default_pool_id = huaweicloud_lb_pool.legacy_tcp.id
}

resource "huaweicloud_lb_pool" "legacy_tcp" {
  name            = "legacy-tcp"
  protocol        = "TCP"
  lb_method       = "SOURCE_IP"
  loadbalancer_id = huaweicloud_lb_loadbalancer.pass_shared.id
}

resource "huaweicloud_lb_member" "legacy_tcp" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.legacy_tcp.id
  address       = huaweicloud_compute_instance.web[count.index].access_ip_v4
  protocol_port = 8443
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_monitor" "legacy_tcp" {
  pool_id     = huaweicloud_lb_pool.legacy_tcp.id
  type        = "TCP"
  delay       = 10
  timeout     = 5
  max_retries = 3
}
