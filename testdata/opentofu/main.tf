# Terraform reads this file; OpenTofu reads main.tofu instead (same folder, same base name), so
# lblint lints main.tofu and never reports the weight 0 below.
resource "huaweicloud_lb_loadbalancer" "web" {
  name          = "web"
  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_lb_listener" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.web.id
}

resource "huaweicloud_lb_pool" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}

resource "huaweicloud_lb_member" "web" {
  count         = var.web_count
  pool_id       = huaweicloud_lb_pool.web.id
  address       = cidrhost(huaweicloud_vpc_subnet.app.cidr, 10 + count.index)
  protocol_port = 8080
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  weight        = 0
}
