# The listener moved to the dedicated load balancer; the shared one was kept "just in case".
resource "huaweicloud_lb_loadbalancer" "fail_old_shared" {
  name          = "old-shared"
  vip_subnet_id = huaweicloud_vpc_subnet.lb.ipv4_subnet_id
}
