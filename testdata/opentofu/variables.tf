variable "vpc_cidr" {
  type    = string
  default = "192.168.0.0/16"
}

variable "web_count" {
  type    = number
  default = 2
}

variable "image_id" {
  type    = string
  default = "img-web"
}
