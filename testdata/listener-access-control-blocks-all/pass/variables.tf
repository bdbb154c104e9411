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

# The VPN range of the operations team.
variable "admin_cidrs" {
  type    = list(string)
  default = ["10.8.0.0/16"]
}

variable "admin_ports" {
  type = map(number)
  default = {
    grafana    = 3000
    prometheus = 9090
  }
}

variable "availability_zones" {
  type    = list(string)
  default = ["cn-north-4a", "cn-north-4b"]
}

# Decided per environment by the pipeline; no value here.
variable "restrict_api" {
  type = bool
}

variable "partner_cidrs" {
  type    = list(string)
  default = []
}
