resource "alicloud_nlb_load_balancer" "tcp" {
  load_balancer_name = "${var.app_name}-nlb"
  load_balancer_type = "Network"
  address_type       = "Intranet"
  address_ip_version = "Ipv4"
  vpc_id             = alicloud_vpc.main.id

  zone_mappings {
    vswitch_id = alicloud_vswitch.lb.id
    zone_id    = local.zone_id
  }
}
