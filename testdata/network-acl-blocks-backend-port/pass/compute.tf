resource "huaweicloud_compute_instance" "web" {
  count     = var.web_count
  name      = format("web-%02d", count.index + 1)
  image_id  = var.image_id
  flavor_id = "s6.medium.2"

  network {
    uuid        = huaweicloud_vpc_subnet.web.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.web.cidr, 10 + count.index)
  }
}

resource "huaweicloud_compute_instance" "api" {
  for_each  = var.api_servers
  name      = each.key
  image_id  = var.image_id
  flavor_id = "c7.large.2"

  network {
    uuid = huaweicloud_vpc_subnet.api.id
  }
}

resource "huaweicloud_compute_instance" "batch" {
  name      = "batch"
  image_id  = var.image_id
  flavor_id = "s6.medium.2"

  network {
    uuid        = huaweicloud_vpc_subnet.batch.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.batch.cidr, 10)
  }
}

resource "huaweicloud_compute_instance" "svc" {
  count     = 2
  name      = "svc-${count.index}"
  image_id  = var.image_id
  flavor_id = "s6.medium.2"

  network {
    uuid        = huaweicloud_vpc_subnet.svc.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.svc.cidr, 10 + count.index)
  }
}

resource "huaweicloud_compute_instance" "jobs" {
  name      = "jobs"
  image_id  = var.image_id
  flavor_id = "s6.medium.2"

  network {
    uuid        = huaweicloud_vpc_subnet.jobs.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.jobs.cidr, 10)
  }
}
