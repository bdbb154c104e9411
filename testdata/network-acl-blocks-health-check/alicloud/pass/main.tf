module "shop" {
  source    = "./modules/clb"
  app_name  = "shop"
  vpc_cidr  = "10.30.0.0/16"
  web_count = 2
  app_port  = 8080
}
