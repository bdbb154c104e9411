resource "alicloud_slb_load_balancer" "main" {
  load_balancer_name = "${var.app_name}-clb"
  address_type       = "internet"
  load_balancer_spec = "slb.s2.small"
  tags               = local.tags
}

resource "alicloud_slb_server_group" "web" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  name             = "${var.app_name}-web"
}

resource "alicloud_slb_server_group_server_attachment" "web" {
  count           = var.web_count
  server_group_id = alicloud_slb_server_group.web.id
  server_id       = alicloud_instance.web[count.index].id
  port            = var.app_port
}

# Entries are managed by the security team through alicloud_slb_acl_entry_attachment;
# an empty list with acl_status = "on" forwards every request on Alibaba CLB.
resource "alicloud_slb_acl" "office" {
  name       = "${var.app_name}-office"
  ip_version = "ipv4"
}

resource "alicloud_slb_listener" "http" {
  load_balancer_id = alicloud_slb_load_balancer.main.id
  protocol         = "http"
  frontend_port    = 80
  backend_port     = var.app_port
  server_group_id  = alicloud_slb_server_group.web.id
  bandwidth        = -1
  acl_status       = "on"
  acl_type         = "white"
  acl_ids          = [alicloud_slb_acl.office.id]
}
