variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

# Set by the pipeline (TF_VAR_health_check_cidr); lblint alone cannot know it.
variable "health_check_cidr" {
  type = string
}
