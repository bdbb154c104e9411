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
  description = "Seconds between health checks of the legacy portal (once a minute is plenty)."
  type        = number
  default     = 60
}
