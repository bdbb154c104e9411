# Drains every member: Terraform merges this weight into huaweicloud_lb_member.web of main.tf.
resource "huaweicloud_lb_member" "web" {
  weight = 0
}
