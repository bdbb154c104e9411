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

variable "certificate_id" {
  type    = string
  default = "1234567890123456_18f6c0a1d2e_1536468012_-1536468012"
}
