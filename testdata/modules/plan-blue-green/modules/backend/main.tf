resource "huaweicloud_compute_instance" "this" {
  name               = "web-${var.name}"
  image_id           = "ubuntu-22.04"
  flavor_id          = "s6.medium.2"
  security_group_ids = [huaweicloud_networking_secgroup.this.id]

  network {
    uuid        = var.subnet_id
    fixed_ip_v4 = var.ip
  }
}

resource "huaweicloud_lb_member" "this" {
  pool_id       = var.pool_id
  address       = huaweicloud_compute_instance.this.network[0].fixed_ip_v4
  protocol_port = 8080
}
