variable "vpc_cidr" {
  type    = string
  default = "172.16.0.0/16"
}

variable "web_count" {
  type    = number
  default = 2
}

variable "api_servers" {
  type = map(object({ host = number, flavor = string }))
  default = {
    api-1 = { host = 11, flavor = "c7.large.2" }
    api-2 = { host = 12, flavor = "c7.xlarge.2" }
  }
}

variable "image_id" {
  type = string
}
