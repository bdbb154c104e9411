provider "alicloud" {
  region = "eu-central-1"
}

resource "alicloud_vpc" "main" {
  vpc_name   = "main"
  cidr_block = "10.0.0.0/16"
}

resource "alicloud_vswitch" "app" {
  vpc_id     = alicloud_vpc.main.id
  cidr_block = "10.0.1.0/24"
  zone_id    = "eu-central-1a"
}

# The caller gives the module a listener but no server: its default server group stays empty.
module "app" {
  source     = "../modules/clb"
  vswitch_id = alicloud_vswitch.app.id
  config = {
    name               = "app"
    server_group_count = 0
    listeners          = [{ protocol = "tcp", frontend_port = 443, backend_port = 8443 }]
  }
}
