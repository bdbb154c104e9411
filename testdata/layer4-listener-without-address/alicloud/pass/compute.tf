data "alicloud_images" "ubuntu" {
  name_regex  = "^ubuntu_22_04_x64"
  most_recent = true
  owners      = "system"
}

resource "alicloud_instance" "web" {
  count                = var.web_count
  instance_name        = format("%s-web-%02d", var.app_name, count.index + 1)
  image_id             = data.alicloud_images.ubuntu.images[0].id
  instance_type        = "ecs.g7.large"
  vswitch_id           = alicloud_vswitch.web.id
  security_groups      = [alicloud_security_group.web.id]
  private_ip           = cidrhost(alicloud_vswitch.web.cidr_block, 10 + count.index)
  system_disk_category = "cloud_essd"
  tags                 = local.tags
}
