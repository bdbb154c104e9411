variable "vpc_cidr" {
  type        = string
  description = "Address space of the shop VPC."
  default     = "10.10.0.0/16"
}

variable "office_cidr" {
  type        = string
  description = "Office network that may reach the admin service."
  default     = "10.20.0.0/16"
}

variable "bastion_ip" {
  type    = string
  default = "10.10.0.10"
}
