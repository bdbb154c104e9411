variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "vpc_cidr" {
  type = string
}

variable "subnet_index" {
  type = number
}

variable "app_port" {
  type    = number
  default = 8080
}

variable "health_check_cidr" {
  type        = string
  description = "Where the ELB health checks come from."
  default     = "100.125.0.0/16"
}

variable "instance_count" {
  type    = number
  default = 2
}

variable "image_id" {
  type = string
}
