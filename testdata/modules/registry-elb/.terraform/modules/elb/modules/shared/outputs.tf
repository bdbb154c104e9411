output "vip_address" {
  value = huaweicloud_lb_loadbalancer.this.vip_address
}
