variable "vpc_cidr" {
  type    = string
  default = "192.168.0.0/16"
}

variable "availability_zones" {
  type    = list(string)
  default = ["eu-west-0a"]
}

variable "image_id" {
  type = string
}

variable "dns_count" {
  type    = number
  default = 2
}

variable "ntp_count" {
  type    = number
  default = 2
}

variable "bastion_cidr" {
  type    = string
  default = "192.168.0.10/32"
}

variable "l4_flavor_id" {
  type    = string
  default = "L4_flavor.elb.s1.small"
}
