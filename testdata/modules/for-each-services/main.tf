locals {
  services = {
    shop = {
      subnet_index = 1
      app_port     = 8080
      # health checks come from the shared ELB range (the module's default)
    }
    admin = {
      subnet_index = 2
      app_port     = 8443
      # wrong: only the office may connect, so health checks from 100.125.0.0/16 are dropped
      health_check_cidr = var.office_cidr
    }
  }
}

module "service" {
  source   = "./modules/service"
  for_each = local.services

  name              = each.key
  vpc_id            = huaweicloud_vpc.shop.id
  vpc_cidr          = var.vpc_cidr
  subnet_index      = each.value.subnet_index
  app_port          = each.value.app_port
  health_check_cidr = lookup(each.value, "health_check_cidr", "100.125.0.0/16")
  image_id          = "ubuntu-22.04"
}

# SSH from the bastion into every service, through the module's output.
resource "huaweicloud_networking_secgroup_rule" "ssh_from_bastion" {
  for_each = module.service

  security_group_id = each.value.security_group_id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = "${var.bastion_ip}/32"
}
