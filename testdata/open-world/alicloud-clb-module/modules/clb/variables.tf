variable "vswitch_id" {
  type = string
}

variable "config" {
  type = object({
    name               = string
    listeners          = list(object({ protocol = string, frontend_port = number, backend_port = number }))
    server_group_count = number
  })
  default = {
    name               = "app"
    listeners          = []
    server_group_count = 0
  }
}

variable "instance_ids" {
  type    = list(string)
  default = []
}
