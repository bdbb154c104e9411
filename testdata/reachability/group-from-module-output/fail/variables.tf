variable "environment" {
  description = "Deployment stage, part of every name"
  type        = string
}

variable "image_name" {
  type = string
}

variable "office_cidr" {
  type    = string
  default = "192.0.2.0/24"
}
