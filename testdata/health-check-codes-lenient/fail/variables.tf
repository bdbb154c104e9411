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

variable "legacy_success_codes" {
  description = "Status codes the legacy portal's health page may return."
  type        = string
  default     = "200-499"
}
