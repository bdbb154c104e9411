variable "vpc_id" {
  description = "VPC of an existing network"
  type        = string
}

variable "ipv4_subnet_id" {
  description = "IPv4 subnet of the load balancer (an existing subnet)"
  type        = string
}

variable "network_id" {
  description = "Network (subnet) id of the API servers"
  type        = string
}

variable "availability_zones" {
  type    = list(string)
  default = ["eu-west-101a", "eu-west-101b"]
}

variable "admin_cidr" {
  type    = string
  default = "192.0.2.0/24"
}
