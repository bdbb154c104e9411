resource "huaweicloud_lb_whitelist" "fail_empty" {
  enable_whitelist = true
  whitelist        = ""
  listener_id      = huaweicloud_lb_listener.http.id
}

# Access control switched on, the list of addresses left out.
resource "huaweicloud_lb_whitelist" "fail_no_entries" {
  enable_whitelist = true
  listener_id      = huaweicloud_lb_listener.api.id
}

# admin_cidrs is empty by default, so every admin listener shuts everyone out.
resource "huaweicloud_lb_whitelist" "fail_admin" {
  for_each         = huaweicloud_lb_listener.admin
  enable_whitelist = true
  whitelist        = join(",", var.admin_cidrs)
  listener_id      = each.value.id
}
