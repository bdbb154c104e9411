resource "huaweicloud_compute_instance" "api" {
  for_each           = var.api_servers
  name               = each.key
  image_id           = var.image_id
  flavor_id          = "c7.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.fail_shared_range_only.id]

  network {
    uuid        = huaweicloud_vpc_subnet.api.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.api.cidr, each.value)
  }
}

resource "huaweicloud_compute_instance" "admin" {
  name               = "admin"
  image_id           = var.image_id
  flavor_id          = "c7.large.2"
  security_group_ids = [huaweicloud_networking_secgroup.fail_deny_first.id]

  network {
    uuid        = huaweicloud_vpc_subnet.api.id
    fixed_ip_v4 = cidrhost(huaweicloud_vpc_subnet.api.cidr, 30)
  }
}

# Admits the shared-ELB range, but this dedicated ELB checks from its backend subnet.
resource "huaweicloud_networking_secgroup" "fail_shared_range_only" {
  name                 = "api-backend"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "fail_shared_range" {
  security_group_id = huaweicloud_networking_secgroup.fail_shared_range_only.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8000"
  remote_ip_prefix  = "100.125.0.0/16"
}

# The deny at priority 1 is evaluated before the allow at priority 50.
resource "huaweicloud_networking_secgroup" "fail_deny_first" {
  name                 = "admin-backend"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "fail_deny_vpc" {
  security_group_id = huaweicloud_networking_secgroup.fail_deny_first.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8443"
  remote_ip_prefix  = var.vpc_cidr
  action            = "deny"
  priority          = 1
}

resource "huaweicloud_networking_secgroup_rule" "fail_allow_elb_late" {
  security_group_id = huaweicloud_networking_secgroup.fail_deny_first.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8443"
  remote_ip_prefix  = huaweicloud_vpc_subnet.elb.cidr
  action            = "allow"
  priority          = 50
}
