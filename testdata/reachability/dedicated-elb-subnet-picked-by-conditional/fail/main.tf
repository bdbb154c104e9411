locals {
  app_servers = {
    app-a = "cn-north-4a"
    app-b = "cn-north-4b"
  }
}

resource "huaweicloud_compute_instance" "app" {
  for_each          = local.app_servers
  name              = each.key
  image_id          = var.image_id
  flavor_id         = "c7.large.2"
  availability_zone = each.value
  security_group_ids = [huaweicloud_networking_secgroup.app.id]

  network {
    uuid = huaweicloud_vpc_subnet.app.id
  }
}

resource "huaweicloud_elb_loadbalancer" "app" {
  name              = "app"
  vpc_id            = huaweicloud_vpc.main.id
  availability_zone = values(local.app_servers)
  ipv4_subnet_id    = var.use_second_elb_subnet ? huaweicloud_vpc_subnet.elb[1].ipv4_subnet_id : huaweicloud_vpc_subnet.elb[0].ipv4_subnet_id
}

resource "huaweicloud_elb_listener" "https" {
  name            = "https"
  protocol        = "HTTPS"
  protocol_port   = 443
  loadbalancer_id = huaweicloud_elb_loadbalancer.app.id
}

resource "huaweicloud_elb_pool" "app" {
  name        = "app"
  protocol    = "HTTPS"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.https.id
}

resource "huaweicloud_elb_member" "app" {
  for_each      = local.app_servers
  pool_id       = huaweicloud_elb_pool.app.id
  address       = huaweicloud_compute_instance.app[each.key].access_ip_v4
  protocol_port = 8443
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_monitor" "app" {
  pool_id     = huaweicloud_elb_pool.app.id
  protocol    = "HTTPS"
  interval    = 10
  timeout     = 5
  max_retries = 3
  url_path    = "/health"
}
