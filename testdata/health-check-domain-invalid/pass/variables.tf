variable "vpc_cidr" {
  type    = string
  default = "192.168.0.0/16"
}

variable "image_id" {
  type = string
}

variable "web_count" {
  type    = number
  default = 2
}

variable "environment" {
  type    = string
  default = "production"
}

variable "partner_host" {
  description = "Host name of the partner API; set per environment in the .tfvars file."
  type        = string
}

variable "static_health_host" {
  description = "Host header of the static files health check; empty sends the backend IP."
  type        = string
  default     = ""
}
