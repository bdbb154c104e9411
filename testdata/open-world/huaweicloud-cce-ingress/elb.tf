# The ingress controller's Service takes this load balancer (kubernetes.io/elb.id): the cloud
# controller adds its listeners and pools.
resource "huaweicloud_elb_loadbalancer" "ingress" {
  name              = "cce-ingress"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.nodes.ipv4_subnet_id
  availability_zone = ["ap-southeast-3a"]
}

# Same for the one the CCE add-on is given.
resource "huaweicloud_elb_loadbalancer" "addon" {
  name              = "cce-addon"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.nodes.ipv4_subnet_id
  availability_zone = ["ap-southeast-3a"]
}

# Nobody is given this one: no listener is a real finding.
resource "huaweicloud_elb_loadbalancer" "forgotten" {
  name              = "cce-forgotten"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.nodes.ipv4_subnet_id
  availability_zone = ["ap-southeast-3a"]
}
