module "backend" {
  source   = "./modules/backend"
  for_each = toset(["blue", "green"])

  name      = each.key
  pool_id   = huaweicloud_lb_pool.web.id
  subnet_id = huaweicloud_vpc_subnet.app.id
  ip        = cidrhost(huaweicloud_vpc_subnet.app.cidr, each.key == "blue" ? 10 : 20)
  # green is the new stack: its health-check source comes from the pipeline
  health_check_cidr = each.key == "green" ? var.health_check_cidr : "100.125.0.0/16"
}
