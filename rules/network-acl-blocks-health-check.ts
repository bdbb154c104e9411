// Prevents backends marked unhealthy because the subnet's network ACL drops the health checks.
import { defineRule } from '../src/rule.js';
import { networkAclCheck } from './factories/blocks.js';

export default defineRule({
  id: 'network-acl-blocks-health-check',
  title: 'Network ACL of the backend subnet blocks the health check',
  severity: 'error',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '7.0',
  tags: ['security', 'reliability', 'load-balancer', 'health-check', 'network-acl'],
  docs: {
    why: 'A network ACL (OTC: firewall) on the backend subnet denies all traffic its rules do not admit. When it drops the health checks from the load balancer\'s source range, every backend in the subnet is marked unhealthy. Huawei and OTC ACLs are stateful (only inbound matters); Alibaba ACLs are stateless, so the reply must be admitted outbound too.',
    fix: 'Add an inbound ACL rule admitting the health-check protocol and port from the source range, before any rule that denies it (and, on Alibaba, an outbound rule for the replies).',
    seed: 'ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server?" (https://support.huaweicloud.com/intl/es-us/eu-west-0-usermanual-elb/en-us_topic_0091131429.html) step 2 "Configure firewall rules"; Huawei Cloud ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server of a Dedicated Load Balancer?" (https://support.huaweicloud.com/intl/en-us/elb_faq/en-us_topic_0018127975.html) "Checking Network ACL Rules"; Huawei Cloud ELB "Troubleshooting an Unhealthy Backend Server" (self-service troubleshooting, https://support.huaweicloud.com/intl/id-id/usermanual-elb/elb_ug_zd_0002.html) "Network ACL rule configurations"',
    examples: {
      fail: `  ingress_rules {
    action                 = "allow"
    protocol               = "tcp"
    ip_version             = 4
    source_ip_address      = var.vpc_cidr
    destination_port       = "8080"
  }`,
      pass: `  ingress_rules {
    action                 = "allow"
    protocol               = "tcp"
    ip_version             = 4
    source_ip_address      = "100.125.0.0/16"
    destination_port       = "8080"
  }`,
    },
  },
  check: networkAclCheck('health-check'),
});
