variable "name" {
  type = string
}

variable "pool_id" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "ip" {
  type = string
}

variable "health_check_cidr" {
  type = string
}
