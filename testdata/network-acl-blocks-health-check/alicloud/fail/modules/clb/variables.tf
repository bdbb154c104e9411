variable "app_name" {
  type = string
}

variable "vpc_cidr" {
  type = string
}

variable "web_count" {
  type    = number
  default = 2
}

variable "app_port" {
  type    = number
  default = 8080
}
