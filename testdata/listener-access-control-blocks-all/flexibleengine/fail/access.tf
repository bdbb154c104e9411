resource "flexibleengine_lb_whitelist_v2" "http" {
  enable_whitelist = true
  whitelist        = ""
  listener_id      = flexibleengine_lb_listener_v2.http.id
}

# Access control switched on, the list of addresses left out.
resource "flexibleengine_lb_whitelist_v2" "api" {
  enable_whitelist = true
  listener_id      = flexibleengine_lb_listener_v2.api.id
}

# admin_cidrs is empty by default, so every admin listener shuts everyone out.
resource "flexibleengine_lb_whitelist_v2" "admin" {
  for_each         = flexibleengine_lb_listener_v2.admin
  enable_whitelist = true
  whitelist        = join(",", var.admin_cidrs)
  listener_id      = each.value.id
}
