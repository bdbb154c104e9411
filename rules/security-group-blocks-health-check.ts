// Prevents backends marked unhealthy because their security group drops the health checks.
import { defineRule } from '../src/rule.js';
import { securityGroupCheck } from './factories/blocks.js';

export default defineRule({
  id: 'security-group-blocks-health-check',
  title: 'Security group blocks the load balancer health check',
  severity: 'error',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine'],
  securitySeverity: '7.0',
  tags: ['security', 'reliability', 'load-balancer', 'health-check', 'security-group'],
  docs: {
    why: 'Health checks come from a fixed range (shared ELB: 100.125.0.0/16) or from the dedicated load balancer\'s backend subnet. When no security group of a backend admits the health-check protocol and port from that range, every probe is dropped, the backend is marked unhealthy and receives no traffic.',
    fix: 'Add an ingress rule to the backend\'s security group that admits the health-check protocol and port (the member port when the monitor sets none) from the source range. lblint prints the rule to add.',
    seed: 'ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server?" (https://support.huaweicloud.com/intl/es-us/eu-west-0-usermanual-elb/en-us_topic_0091131429.html) "Troubleshooting Procedure" step 1 "Check inbound security group rules"; Huawei Cloud ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server of a Dedicated Load Balancer?" (https://support.huaweicloud.com/intl/en-us/elb_faq/en-us_topic_0018127975.html) "Checking Security Group Rules"; Huawei Cloud ELB "Troubleshooting an Unhealthy Backend Server" (self-service troubleshooting, https://support.huaweicloud.com/intl/id-id/usermanual-elb/elb_ug_zd_0002.html) "Security group rule configurations"',
    examples: {
      fail: `resource "huaweicloud_networking_secgroup_rule" "fail_vpc_only" {
  security_group_id = huaweicloud_networking_secgroup.fail_backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8080"
  remote_ip_prefix  = var.vpc_cidr
}`,
      pass: `resource "huaweicloud_networking_secgroup_rule" "pass_elb" {
  security_group_id = huaweicloud_networking_secgroup.pass_backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8080"
  remote_ip_prefix  = "100.125.0.0/16"
}`,
    },
  },
  check: securityGroupCheck('health-check'),
});
