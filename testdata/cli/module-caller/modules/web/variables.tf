variable "vpc_id" {
  type = string
}

variable "vpc_cidr" {
  type = string
}

variable "web_count" {
  type    = number
  default = 2
}

variable "image_id" {
  type = string
}
