variable "vpc_cidr" {
  type    = string
  default = "10.10.0.0/16"
}

variable "availability_zones" {
  type    = list(string)
  default = ["eu-west-0a", "eu-west-0b"]
}

variable "app_count" {
  type    = number
  default = 2
}

variable "report_servers" {
  type    = set(string)
  default = ["reports-a", "reports-b"]
}

variable "image_id" {
  type = string
}
