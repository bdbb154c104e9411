variable "name" {
  description = "Name of the security group"
  type        = string
}

variable "ingress_rules" {
  description = "Ingress rules: protocol, port and source CIDR"
  type = list(object({
    protocol = string
    port     = number
    cidr     = string
  }))
  default = []
}

resource "opentelekomcloud_networking_secgroup_v2" "this" {
  name                 = var.name
  delete_default_rules = true
}

resource "opentelekomcloud_networking_secgroup_rule_v2" "ingress" {
  for_each          = { for r in var.ingress_rules : "${r.protocol}-${r.port}-${r.cidr}" => r }
  security_group_id = opentelekomcloud_networking_secgroup_v2.this.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = each.value.protocol
  port_range_min    = each.value.port
  port_range_max    = each.value.port
  remote_ip_prefix  = each.value.cidr
}

output "name" {
  value = opentelekomcloud_networking_secgroup_v2.this.name
}

output "id" {
  value = opentelekomcloud_networking_secgroup_v2.this.id
}
