# The listener moved to the dedicated load balancer; the shared one was kept "just in case".
resource "flexibleengine_lb_loadbalancer_v2" "old_shared" {
  name          = "old-shared"
  vip_subnet_id = flexibleengine_vpc_subnet_v1.lb.ipv4_subnet_id
}
