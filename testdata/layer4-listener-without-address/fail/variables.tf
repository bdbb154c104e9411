variable "vpc_cidr" {
  type    = string
  default = "192.168.0.0/16"
}

variable "availability_zones" {
  type    = list(string)
  default = ["cn-north-4a", "cn-north-4b"]
}

variable "web_count" {
  type    = number
  default = 2
}

variable "image_id" {
  type = string
}

# The DNS load balancer was meant to be reachable from the VPC, but the switch is off.
variable "dns_private_ip" {
  type    = bool
  default = false
}

variable "dns_listeners" {
  type = map(string)
  default = {
    dns-tcp = "TCP"
    dns-udp = "UDP"
  }
}
