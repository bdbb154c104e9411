variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "app_name" {
  type    = string
  default = "shop"
}

variable "vpc_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

variable "web_count" {
  type    = number
  default = 2
}

variable "app_port" {
  type    = number
  default = 8080
}

variable "scaling_group_id" {
  type    = string
  default = "asg-gw8d5qd9s3zxgoq1d2sh"
}
