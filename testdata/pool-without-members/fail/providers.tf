# A deployment root: it configures its provider, so the defaults below are the values deployed.
provider "huaweicloud" {
  region = "eu-west-0"
}
