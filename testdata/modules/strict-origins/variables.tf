# Values each environment sets in its own tfvars; this folder is linted without them.
variable "vpc_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

variable "health_check_interval" {
  description = "Seconds between two health checks."
  type        = number
}

variable "health_check_timeout" {
  description = "Seconds a health check may take."
  type        = number
}

variable "web_replicas" {
  description = "Web servers behind the web pool."
  type        = number
}

variable "api_hosts" {
  description = "Addresses of the API servers (managed by another team)."
  type        = list(string)
}
