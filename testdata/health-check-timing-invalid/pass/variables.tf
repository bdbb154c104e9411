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

variable "legacy_ports" {
  type    = list(number)
  default = [8090, 8091]
}

variable "legacy_check_interval" {
  description = "Seconds between health checks of the legacy portal (at most 50)."
  type        = number
  default     = 30
}

variable "billing_check_timeout" {
  description = "Health-check timeout of the billing service; tuned per environment in the .tfvars file."
  type        = number
}
