# A deployment root: it configures its provider, so the defaults below are the values deployed.
provider "flexibleengine" {
  region = "eu-west-0"
}
