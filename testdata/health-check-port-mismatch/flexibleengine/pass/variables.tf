variable "vpc_cidr" {
  type    = string
  default = "192.168.0.0/16"
}

variable "availability_zones" {
  type    = list(string)
  default = ["eu-west-0a", "eu-west-0b"]
}

variable "web_count" {
  type    = number
  default = 2
}

variable "image_id" {
  type = string
}

variable "api_colours" {
  type = map(number)
  default = {
    blue  = 8080
    green = 8081
  }
}
