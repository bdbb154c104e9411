variable "vpc_cidr" {
  type    = string
  default = "192.168.0.0/16"
}

variable "web_count" {
  type    = number
  default = 2
}

variable "image_id" {
  type = string
}

# Filled per environment; empty by default.
variable "admin_cidrs" {
  type    = list(string)
  default = []
}

variable "admin_ports" {
  type = map(number)
  default = {
    grafana    = 3000
    prometheus = 9090
  }
}
