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

variable "app_port" {
  description = "Port the application listens on."
  type        = number
  default     = 8080
}

# Set per environment in the .tfvars file: lblint cannot know it, so it must not guess.
variable "health_check_port" {
  description = "Port of the management endpoint that answers health checks."
  type        = number
}
