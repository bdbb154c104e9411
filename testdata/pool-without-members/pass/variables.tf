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

variable "worker_count" {
  type    = number
  default = 2
}

# The static pool is only created in environments that serve their own assets.
variable "serve_static" {
  type    = bool
  default = false
}
