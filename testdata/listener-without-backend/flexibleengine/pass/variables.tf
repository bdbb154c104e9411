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

variable "tcp_services" {
  type = map(number)
  default = {
    mqtt    = 1883
    metrics = 9100
  }
}

variable "bastion_enabled" {
  type    = bool
  default = false
}
