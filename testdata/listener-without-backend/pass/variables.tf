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

variable "tcp_services" {
  type = map(number)
  default = {
    mqtt    = 1883
    metrics = 9100
  }
}

# Pool of the shared platform team, passed in by the pipeline.
variable "platform_pool_id" {
  type = string
}

variable "enable_ssh_gateway" {
  type    = bool
  default = false
}

variable "tls_certificate" {
  type      = string
  sensitive = true
}

variable "tls_private_key" {
  type      = string
  sensitive = true
}
