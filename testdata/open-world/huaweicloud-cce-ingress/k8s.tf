locals {
  ingress_annotations = {
    "kubernetes.io/elb.class" = "performance"
    "kubernetes.io/elb.id"    = huaweicloud_elb_loadbalancer.ingress.id
  }
}

resource "helm_release" "ingress_nginx" {
  name       = "ingress-nginx"
  repository = "https://kubernetes.github.io/ingress-nginx"
  chart      = "ingress-nginx"
  namespace  = "ingress"

  values = [yamlencode({
    controller = { service = { annotations = local.ingress_annotations } }
  })]
}

resource "huaweicloud_cce_addon" "nginx" {
  cluster_id    = var.cluster_id
  template_name = "nginx-ingress"
  version       = "2.2.42"

  values {
    basic_json = jsonencode({ platform = "linux-amd64" })
    custom_json = jsonencode({
      service = { annotations = { "kubernetes.io/elb.id" = huaweicloud_elb_loadbalancer.addon.id } }
    })
  }
}

variable "cluster_id" {
  type = string
}
