resource "huaweicloud_lb_whitelist" "pass_office" {
  enable_whitelist = true
  whitelist        = "203.0.113.0/24,198.51.100.7"
  listener_id      = huaweicloud_lb_listener.http.id
}

# Access control off: an empty list does not matter.
resource "huaweicloud_lb_whitelist" "pass_disabled" {
  enable_whitelist = false
  whitelist        = ""
  listener_id      = huaweicloud_lb_listener.api.id
}

resource "huaweicloud_lb_whitelist" "pass_admin" {
  for_each         = huaweicloud_lb_listener.admin
  enable_whitelist = true
  whitelist        = join(",", var.admin_cidrs)
  listener_id      = each.value.id
}

# Only created when there are partner ranges to admit (none by default).
resource "huaweicloud_lb_whitelist" "pass_partners_unused" {
  count            = length(var.partner_cidrs) > 0 ? 1 : 0
  enable_whitelist = true
  whitelist        = join(",", var.partner_cidrs)
  listener_id      = huaweicloud_lb_listener.partner.id
}

# Whether the whitelist is on is not known here.
resource "huaweicloud_lb_whitelist" "pass_toggle_unknown" {
  enable_whitelist = var.restrict_api
  whitelist        = join(",", var.partner_cidrs)
  listener_id      = huaweicloud_lb_listener.partner.id
}
