variable "vpc_cidr" {
  type    = string
  default = "192.168.0.0/16"
}

variable "availability_zones" {
  type    = list(string)
  default = ["eu-west-0a", "eu-west-0b"]
}

variable "web_count" {
  type    = number
  default = 2
}

variable "image_id" {
  type = string
}

variable "admin_ports" {
  type = map(number)
  default = {
    grafana    = 3000
    prometheus = 9090
  }
}

# Who may reach the monitoring UIs.
variable "admin_cidrs" {
  type    = list(string)
  default = ["198.51.100.0/24", "192.0.2.10/32"]
}
