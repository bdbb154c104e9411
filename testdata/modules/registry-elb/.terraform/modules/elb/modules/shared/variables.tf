variable "name" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "port" {
  type    = number
  default = 80
}

variable "members" {
  description = "Backend IP address => weight."
  type        = map(number)
}
