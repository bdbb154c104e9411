resource "opentelekomcloud_lb_loadbalancer_v3" "api" {
  name               = "api"
  router_id          = opentelekomcloud_vpc_v1.main.id
  subnet_id          = opentelekomcloud_vpc_subnet_v1.lb.subnet_id
  network_ids        = [opentelekomcloud_vpc_subnet_v1.lb.network_id]
  availability_zones = ["eu-de-01", "eu-de-02"]
}

resource "opentelekomcloud_lb_listener_v3" "api" {
  name            = "api-http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.api.id
  default_pool_id = opentelekomcloud_lb_pool_v3.api.id
}

resource "opentelekomcloud_lb_pool_v3" "api" {
  name            = "api"
  protocol        = "HTTP"
  lb_algorithm    = "ROUND_ROBIN"
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.api.id
}

resource "opentelekomcloud_lb_member_v3" "api" {
  for_each      = var.api_servers
  pool_id       = opentelekomcloud_lb_pool_v3.api.id
  address       = opentelekomcloud_compute_instance_v2.api[each.key].network[0].fixed_ip_v4
  protocol_port = 8000
  subnet_id     = opentelekomcloud_vpc_subnet_v1.app.subnet_id
}
