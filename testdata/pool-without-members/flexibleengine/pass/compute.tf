resource "flexibleengine_compute_instance_v2" "web" {
  count             = var.web_count
  name              = format("web-%02d", count.index + 1)
  image_id          = var.image_id
  flavor_id         = "s3.medium.2"
  availability_zone = var.availability_zones[count.index % length(var.availability_zones)]
  security_groups   = ["default"]

  network {
    uuid        = flexibleengine_vpc_subnet_v1.app.id
    fixed_ip_v4 = cidrhost(flexibleengine_vpc_subnet_v1.app.cidr, 10 + count.index)
  }
}
