# Access control prepared but switched off: an empty list does not matter then.
resource "flexibleengine_lb_whitelist_v2" "http" {
  enable_whitelist = false
  whitelist        = ""
  listener_id      = flexibleengine_lb_listener_v2.http.id
}

resource "flexibleengine_lb_whitelist_v2" "api" {
  enable_whitelist = true
  whitelist        = "10.20.0.0/16,192.0.2.10"
  listener_id      = flexibleengine_lb_listener_v2.api.id
}

resource "flexibleengine_lb_whitelist_v2" "admin" {
  for_each         = flexibleengine_lb_listener_v2.admin
  enable_whitelist = true
  whitelist        = join(",", var.admin_cidrs)
  listener_id      = each.value.id
}
