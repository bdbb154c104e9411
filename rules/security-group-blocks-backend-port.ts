// Prevents listeners that cannot forward to members because the member port is closed to the LB.
import { defineRule } from '../src/rule.js';
import { securityGroupCheck } from './factories/blocks.js';

export default defineRule({
  id: 'security-group-blocks-backend-port',
  title: 'Security group blocks forwarded traffic to the member port',
  severity: 'error',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine'],
  securitySeverity: '7.0',
  tags: ['security', 'reliability', 'load-balancer', 'security-group'],
  docs: {
    why: 'The load balancer forwards requests to the member port from the same source range as its health checks. When the health check uses another port (or is off), the health check can pass while every forwarded request is dropped by the security group.',
    fix: 'Admit the member port from the load balancer\'s source range as well as the health-check port.',
    seed: 'ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server?" (https://support.huaweicloud.com/intl/es-us/eu-west-0-usermanual-elb/en-us_topic_0091131429.html) step 1 ("If a health check port different from the ports of backend servers is specified, allow traffic from both"); Huawei Cloud ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server of a Dedicated Load Balancer?" (https://support.huaweicloud.com/intl/en-us/elb_faq/en-us_topic_0018127975.html) "Checking Security Group Rules"; Open Telekom Cloud ELB FAQ "Why Can\'t I Access My Backend Servers Through a Load Balancer?" (elb_faq_0066; Huawei Cloud\'s counterpart: https://support.huaweicloud.com/intl/en-us/elb_faq/elb_faq_0048.html) step 2 (health check disabled)',
    examples: {
      fail: `resource "huaweicloud_networking_secgroup_rule" "fail_hc_only" {
  security_group_id = huaweicloud_networking_secgroup.fail_hc_port_only.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "9090"
  remote_ip_prefix  = "100.125.0.0/16"
}`,
      pass: `resource "huaweicloud_networking_secgroup_rule" "pass_both_ports" {
  security_group_id = huaweicloud_networking_secgroup.pass_app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8080,9090"
  remote_ip_prefix  = "100.125.0.0/16"
}`,
    },
  },
  check: securityGroupCheck('backend-port'),
});
