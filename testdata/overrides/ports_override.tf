# Overrides one local value: local.app_port keeps its value from main.tf.
locals {
  hc_port = 8443
}
