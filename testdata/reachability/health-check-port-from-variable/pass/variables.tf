variable "app_port" {
  description = "Port the application listens on"
  type        = number
}

variable "image_id" {
  type = string
}

variable "vpc_cidr" {
  type    = string
  default = "192.168.0.0/16"
}
