resource "huaweicloud_compute_instance" "api" {
  for_each           = var.api_servers
  name               = each.key
  image_id           = var.image_id
  flavor_id          = "c7.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.pass_backend_subnet.id]

  network {
    uuid        = huaweicloud_vpc_subnet.api.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.api.cidr, each.value)
  }
}

resource "huaweicloud_compute_instance" "admin" {
  name               = "admin"
  image_id           = var.image_id
  flavor_id          = "c7.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.pass_allow_first.id]

  network {
    uuid        = huaweicloud_vpc_subnet.api.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.api.cidr, 30)
  }
}

# Admits the dedicated ELB's backend subnet, where its health checks come from.
resource "huaweicloud_networking_secgroup" "pass_backend_subnet" {
  name                 = "api-backend"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "pass_elb_subnet" {
  security_group_id = huaweicloud_networking_secgroup.pass_backend_subnet.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8000"
  remote_ip_prefix  = huaweicloud_vpc_subnet.elb.cidr
}

# The allow at priority 1 is evaluated before the deny at priority 50.
resource "huaweicloud_networking_secgroup" "pass_allow_first" {
  name                 = "admin-backend"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "pass_allow_elb_first" {
  security_group_id = huaweicloud_networking_secgroup.pass_allow_first.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8443"
  remote_ip_prefix  = huaweicloud_vpc_subnet.elb.cidr
  action            = "allow"
  priority          = 1
}

resource "huaweicloud_networking_secgroup_rule" "deny_rest_of_vpc" {
  security_group_id = huaweicloud_networking_secgroup.pass_allow_first.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8443"
  remote_ip_prefix  = var.vpc_cidr
  action            = "deny"
  priority          = 50
}

resource "huaweicloud_compute_instance" "worker" {
  name               = "worker"
  image_id           = var.image_id
  flavor_id          = "c7.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.closed.id]

  network {
    uuid        = huaweicloud_vpc_subnet.api.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.api.cidr, 40)
  }
}

resource "huaweicloud_compute_instance" "legacy" {
  name      = "legacy"
  image_id  = var.image_id
  flavor_id = "c7.large.2"

  network {
    uuid        = huaweicloud_vpc_subnet.api.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.api.cidr, 50)
  }
}

resource "huaweicloud_networking_secgroup" "closed" {
  name                 = "worker"
  delete_default_rules = true
}
