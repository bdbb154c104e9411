variable "vpc_cidr" {
  type    = string
  default = "172.16.0.0/16"
}

variable "availability_zones" {
  type    = list(string)
  default = ["eu-west-0a", "eu-west-0b"]
}

variable "web_count" {
  type    = number
  default = 2
}

variable "api_servers" {
  type = map(object({ host = number, flavor = string }))
  default = {
    api-1 = { host = 11, flavor = "c6.large.2" }
    api-2 = { host = 12, flavor = "c6.xlarge.2" }
  }
}

variable "image_id" {
  type = string
}
