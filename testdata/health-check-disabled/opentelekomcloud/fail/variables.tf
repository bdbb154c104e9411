variable "vpc_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

variable "image_id" {
  type    = string
  default = "3f1a9b2c-9e7d-4a51-8b0c-2d5f6e7a8b9c"
}

variable "flavor" {
  type    = string
  default = "s3.large.2"
}

variable "web_count" {
  type    = number
  default = 2
}

variable "app_port" {
  type    = number
  default = 8080
}

variable "api_servers" {
  type = map(number)
  default = {
    api-a = 20
    api-b = 21
  }
}

variable "health_checks_enabled" {
  type    = bool
  default = false
}
