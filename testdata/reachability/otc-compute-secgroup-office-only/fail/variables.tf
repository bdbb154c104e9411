variable "image_name" {
  type = string
}

variable "key_pair" {
  type = string
}

variable "instance_count" {
  type    = number
  default = 2
}

variable "office_cidr" {
  description = "Company office range, the only one allowed in"
  type        = string
  default     = "198.51.100.0/24"
}
