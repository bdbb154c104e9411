data "huaweicloud_images_image" "ubuntu" {
  name        = "Ubuntu 22.04 server 64bit"
  most_recent = true
}

resource "huaweicloud_compute_instance" "api" {
  count              = length(var.availability_zones)
  name               = "api-${count.index}"
  image_id           = data.huaweicloud_images_image.ubuntu.id
  flavor_id          = "c7.large.2"
  availability_zone  = var.availability_zones[count.index]
  security_group_ids = [huaweicloud_networking_secgroup.api.id]

  network {
    uuid = var.network_id
  }
}

# The health checks come from the load balancer's own subnet, which this configuration does not
# know: var.ipv4_subnet_id has no default.
resource "huaweicloud_elb_loadbalancer" "api" {
  name              = "api"
  vpc_id            = var.vpc_id
  ipv4_subnet_id    = var.ipv4_subnet_id
  availability_zone = var.availability_zones
}

resource "huaweicloud_elb_listener" "api" {
  name            = "https"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.api.id
}

resource "huaweicloud_elb_pool" "api" {
  name        = "api"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.api.id
}

resource "huaweicloud_elb_member" "api" {
  count         = length(var.availability_zones)
  pool_id       = huaweicloud_elb_pool.api.id
  address       = huaweicloud_compute_instance.api[count.index].access_ip_v4
  protocol_port = 8443
}

resource "huaweicloud_elb_monitor" "api" {
  pool_id     = huaweicloud_elb_pool.api.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}
