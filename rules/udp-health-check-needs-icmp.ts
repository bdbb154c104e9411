// Prevents UDP backends marked unhealthy because ICMP from the load balancer is dropped.
import { defineRule } from '../src/rule.js';
import { securityGroupCheck } from './factories/blocks.js';

export default defineRule({
  id: 'udp-health-check-needs-icmp',
  title: 'UDP health check needs ICMP admitted from the load balancer',
  severity: 'error',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine'],
  securitySeverity: '6.0',
  tags: ['security', 'reliability', 'load-balancer', 'health-check', 'security-group'],
  docs: {
    why: 'A UDP health check sends an ICMP echo as well as the UDP probe. When the backend\'s security group does not admit ICMP from the health-check source range, the backend is marked unhealthy even though its UDP port is open.',
    fix: 'Add an ingress rule admitting ICMP from the health-check source range.',
    seed: 'ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server?" (https://support.huaweicloud.com/intl/es-us/eu-west-0-usermanual-elb/en-us_topic_0091131429.html) step 1 ("For a UDP listener, configure an inbound rule … and an inbound rule that allows ICMP traffic"); Huawei Cloud ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server of a Dedicated Load Balancer?" (https://support.huaweicloud.com/intl/en-us/elb_faq/en-us_topic_0018127975.html) "Checking Security Group Rules" (UDP listeners)',
    examples: {
      fail: `resource "huaweicloud_lb_monitor" "fail_udp" {
  pool_id     = huaweicloud_lb_pool.dns.id
  type        = "UDP_CONNECT"
  delay       = 10
  timeout     = 5
  max_retries = 3
}`,
      pass: `resource "huaweicloud_networking_secgroup_rule" "pass_icmp" {
  security_group_id = huaweicloud_networking_secgroup.pass_dns.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "icmp"
  remote_ip_prefix  = "100.125.0.0/16"
}`,
    },
  },
  check: securityGroupCheck('icmp'),
});
