variable "security_group_name" {
  description = "Name of the security group of the web servers"
  type        = string
}

variable "image_id" {
  type = string
}

variable "vpc_cidr" {
  type    = string
  default = "192.168.0.0/16"
}

variable "office_cidr" {
  description = "Office egress range that may reach the servers"
  type        = string
  default     = "203.0.113.0/24"
}
