variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "ipv4_subnet_id" {
  type = string
}

variable "backend_subnet_id" {
  type = string
}

variable "availability_zones" {
  type    = list(string)
  default = ["eu-west-0a", "eu-west-0b"]
}

variable "listeners" {
  type = list(object({
    protocol     = string
    port         = number
    backend_port = number
  }))
  default = []
}

variable "member_ips" {
  type    = list(string)
  default = []
}

variable "health_check" {
  type = object({
    interval = number
    timeout  = number
    path     = string
  })
  default = {
    interval = 5
    timeout  = 3
    path     = "/healthz"
  }
}

variable "extra_pool_count" {
  type    = number
  default = 1
}

variable "extra_pool_listener_id" {
  type    = string
  default = null
}
