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

variable "legacy_context" {
  description = "Servlet context of the legacy portal."
  type        = string
  default     = "customer-self-service-portal/legacy-backoffice-integration"
}

variable "static_health_path" {
  description = "Health page of the static file server; differs per environment."
  type        = string
}
