resource "alicloud_nlb_server_group" "tcp" {
  server_group_name = "tcp"
  server_group_type = "Instance"
  vpc_id            = alicloud_vpc.main.id
  protocol          = "TCP"

  health_check {
    health_check_enabled = true
    health_check_type    = "TCP"
  }
}

resource "alicloud_nlb_listener" "tcp" {
  load_balancer_id  = var.nlb_id
  listener_protocol = "TCP"
  listener_port     = 443
  server_group_id   = alicloud_nlb_server_group.tcp.id
}

# The server group id is cut out of the listener id ("<lb id>:<server group id>…"): a feed that
# resolves to nothing here may feed any server group, so none of them is called empty.
resource "alicloud_ess_server_group_attachment" "tcp" {
  scaling_group_id = alicloud_ess_scaling_group.web.id
  server_group_id  = regex("^[^:]+:(.+)$", var.nlb_listener_id)[0]
  port             = 8443
  type             = "NLB"
  force_attach     = true
}

variable "nlb_id" {
  type    = string
  default = "nlb-wb7r6dlwetvt5j2ag1"
}

variable "nlb_listener_id" {
  type    = string
  default = "lsn-abc:sgp-xyz"
}
