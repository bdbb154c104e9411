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

variable "api_weights" {
  type = map(number)
  default = {
    blue  = 100
    green = 1
  }
}

# Set per environment in the pipeline; no value here.
variable "canary_weight" {
  type = number
}

variable "keep_maintenance_host" {
  type    = bool
  default = false
}
