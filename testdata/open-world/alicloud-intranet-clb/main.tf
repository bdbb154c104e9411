# A reusable module that attaches servers to an intranet CLB but never gives it a listener: the
# servers are attached to nothing anyone can reach. A defect wherever the folder lives, even
# though the load balancer's id is exported.
resource "alicloud_slb_load_balancer" "internal" {
  load_balancer_name = var.name
  address_type       = "intranet"
  vswitch_id         = var.vswitch_id
  load_balancer_spec = "slb.s1.small"
}

resource "alicloud_slb_attachment" "internal" {
  load_balancer_id = alicloud_slb_load_balancer.internal.id
  instance_ids     = var.instance_ids
  weight           = 100
}

variable "name" {
  type = string
}

variable "vswitch_id" {
  type = string
}

variable "instance_ids" {
  type    = list(string)
  default = ["i-gw8abcd1234", "i-gw8abcd5678"]
}

output "slb_id" {
  value = alicloud_slb_load_balancer.internal.id
}
