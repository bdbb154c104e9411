provider "aws" {
  region                      = "us-east-1"
  access_key                  = "AKIAEXAMPLE"
  secret_key                  = "example"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

variable "hc_path" {
  type    = string
  default = "/healthz"
}

resource "aws_lb_target_group" "set_and_unset" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0123456789abcdef0"

  health_check {
    path     = var.hc_path
    interval = 10
  }
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0123456789abcdef0"
}
