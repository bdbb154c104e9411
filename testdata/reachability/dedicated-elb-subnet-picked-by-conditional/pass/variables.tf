variable "use_second_elb_subnet" {
  description = "Place the load balancer in the second ELB subnet"
  type        = bool
}

variable "image_id" {
  type = string
}

variable "vpc_cidr" {
  type    = string
  default = "10.10.0.0/16"
}

variable "office_cidr" {
  type    = string
  default = "198.51.100.0/24"
}
