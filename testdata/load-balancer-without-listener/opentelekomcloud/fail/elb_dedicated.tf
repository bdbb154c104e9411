resource "opentelekomcloud_lb_loadbalancer_v3" "api" {
  name               = "api"
  router_id          = opentelekomcloud_vpc_v1.main.id
  subnet_id          = opentelekomcloud_vpc_subnet_v1.lb.subnet_id
  network_ids        = [opentelekomcloud_vpc_subnet_v1.lb.network_id]
  availability_zones = ["eu-de-01"]
}
