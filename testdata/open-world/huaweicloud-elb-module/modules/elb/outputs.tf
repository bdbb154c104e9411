output "id" {
  value = huaweicloud_elb_loadbalancer.this.id
}

output "pool_ids" {
  value = { for k, p in huaweicloud_elb_pool.this : k => p.id }
}
