output "loadbalancer_ids" {
  value = { for name, service in module.service : name => service.loadbalancer_id }
}

output "admin_members" {
  value = module.service["admin"].member_addresses
}
