variable "enable_public_access" {
  description = "Put the app servers in the public security group"
  type        = bool
}

variable "image_id" {
  type = string
}

variable "vpc_cidr" {
  type    = string
  default = "10.10.0.0/16"
}

variable "office_cidr" {
  type    = string
  default = "198.51.100.0/24"
}
