variable "vpc_cidr" {
  type    = string
  default = "192.168.0.0/16"
}

variable "availability_zones" {
  type    = list(string)
  default = ["cn-north-4a", "cn-north-4b"]
}

variable "web_count" {
  type    = number
  default = 2
}

variable "image_id" {
  type = string
}

# Internal load balancers are created per environment; none by default.
variable "internal_lb_count" {
  type    = number
  default = 0
}

variable "environments" {
  type    = set(string)
  default = ["staging", "prod"]
}
