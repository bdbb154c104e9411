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
    seed: 'seeds/001 (unhealthy backend server) "Troubleshooting Procedure" step 1 "Check inbound security group rules"; seeds/002 "Checking Security Group Rules"; seeds/003 "Security group rule configurations"',
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
