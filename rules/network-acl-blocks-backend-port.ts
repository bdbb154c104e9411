// Prevents listeners whose forwarded traffic the backend subnet's ACL drops.
import { defineRule } from '../src/rule.js';
import { networkAclCheck } from './factories/blocks.js';

export default defineRule({
  id: 'network-acl-blocks-backend-port',
  title: 'Network ACL of the backend subnet blocks forwarded traffic',
  severity: 'error',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '7.0',
  tags: ['security', 'reliability', 'load-balancer', 'network-acl'],
  docs: {
    why: 'When the health check uses another port than the members (or is off), the health check may pass while the backend subnet\'s network ACL drops every forwarded request to the member port.',
    fix: 'Admit the member port from the load balancer\'s source range in the ACL as well.',
    seed: 'ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server?" (https://support.huaweicloud.com/intl/es-us/eu-west-0-usermanual-elb/en-us_topic_0091131429.html) step 2 "Configure firewall rules" (Destination Port Range: the port range of the service); Huawei Cloud ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server of a Dedicated Load Balancer?" (https://support.huaweicloud.com/intl/en-us/elb_faq/en-us_topic_0018127975.html) "Checking Network ACL Rules"',
    examples: {
      fail: `  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = "100.125.0.0/16"
    destination_port  = "9090"
  }`,
      pass: `  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = "100.125.0.0/16"
    destination_port  = "8080,9090"
  }`,
    },
  },
  check: networkAclCheck('backend-port'),
});
