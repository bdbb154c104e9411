variable "vpc_cidr" {
  type    = string
  default = "172.20.0.0/16"
}

variable "availability_zones" {
  type    = list(string)
  default = ["eu-west-0a", "eu-west-0b"]
}

variable "web_count" {
  type    = number
  default = 3
}

variable "api_servers" {
  type    = set(string)
  default = ["api-1", "api-2"]
}

variable "image_id" {
  type = string
}
