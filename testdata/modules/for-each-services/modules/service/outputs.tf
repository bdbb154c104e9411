output "security_group_id" {
  value = huaweicloud_networking_secgroup.backend.id
}

output "loadbalancer_id" {
  value = huaweicloud_lb_loadbalancer.this.id
}

output "member_addresses" {
  value = huaweicloud_lb_member.web[*].address
}
