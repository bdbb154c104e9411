resource "opentelekomcloud_vpc_v1" "main" {
  name = "prod"
  cidr = var.vpc_cidr
}

resource "opentelekomcloud_vpc_subnet_v1" "lb" {
  name       = "lb"
  vpc_id     = opentelekomcloud_vpc_v1.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
}

resource "opentelekomcloud_vpc_subnet_v1" "app" {
  name       = "app"
  vpc_id     = opentelekomcloud_vpc_v1.main.id
  cidr       = cidrsubnet(var.vpc_cidr, 8, 2)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 2), 1)
}

resource "opentelekomcloud_networking_router_v2" "main" {
  name = "main"
}

resource "opentelekomcloud_networking_port_v2" "app_gateway" {
  name       = "app-gateway"
  network_id = opentelekomcloud_vpc_subnet_v1.app.network_id

  fixed_ip {
    subnet_id  = opentelekomcloud_vpc_subnet_v1.app.subnet_id
    ip_address = cidrhost(opentelekomcloud_vpc_subnet_v1.app.cidr, 1)
  }
}

resource "opentelekomcloud_networking_router_interface_v2" "app" {
  router_id = opentelekomcloud_networking_router_v2.main.id
  port_id   = opentelekomcloud_networking_port_v2.app_gateway.id
}
