variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "availability_zones" {
  type    = list(string)
  default = ["eu-west-0a", "eu-west-0b"]
}

variable "app_count" {
  type    = number
  default = 2
}

variable "api_ports" {
  type = map(number)
  default = {
    http  = 80
    admin = 8080
  }
}

variable "image_id" {
  type = string
}

variable "certificate" {
  type      = string
  sensitive = true
}

variable "private_key" {
  type      = string
  sensitive = true
}
