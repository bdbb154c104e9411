resource "opentelekomcloud_networking_network_v2" "web" {
  name           = "web"
  admin_state_up = true
}

resource "opentelekomcloud_networking_subnet_v2" "web" {
  name            = "web"
  network_id      = opentelekomcloud_networking_network_v2.web.id
  cidr            = "192.168.50.0/24"
  ip_version      = 4
  dns_nameservers = ["100.125.4.25", "100.125.129.199"]
}

resource "opentelekomcloud_networking_router_v2" "web" {
  name             = "web"
  external_gateway = "0a2228f2-7f8a-45f1-8e09-9039e1d09975"
}

resource "opentelekomcloud_networking_router_interface_v2" "web" {
  router_id = opentelekomcloud_networking_router_v2.web.id
  subnet_id = opentelekomcloud_networking_subnet_v2.web.id
}
