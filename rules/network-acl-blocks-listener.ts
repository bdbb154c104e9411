// Prevents listeners no client can reach because the LB subnet's ACL drops all inbound traffic.
import { defineRule } from '../src/rule.js';
import { aclVerdictsFor, traceLines, verdictUnknown } from '../src/analysis/index.js';
import { aclRuleLocations } from './factories/blocks.js';
import { AddressSet } from '../src/net/index.js';
import { Unknown, isUnknown } from '../src/types.js';

/** Any IPv4 client (made on first use: parsing loads ip-num). */
let anyClient: AddressSet | undefined;

export default defineRule({
  id: 'network-acl-blocks-listener',
  title: 'Network ACL of the load balancer subnet admits no client to the listener',
  severity: 'error',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine'],
  securitySeverity: '7.0',
  tags: ['security', 'reliability', 'load-balancer', 'network-acl'],
  docs: {
    why: 'A network ACL on the load balancer\'s own subnet also filters client traffic to the listener. When it admits no client address on the listener\'s protocol and port, the load balancer cannot receive traffic from the Internet or the private network.',
    fix: 'Add an inbound ACL rule on the load balancer subnet admitting the listener port from the clients (0.0.0.0/0 for a public service).',
    seed: 'ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server?" (https://support.huaweicloud.com/intl/es-us/eu-west-0-usermanual-elb/en-us_topic_0091131429.html) step 2 ("If a firewall and load balancer reside in the same subnet … the load balancer cannot receive traffic"); Huawei Cloud ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server of a Dedicated Load Balancer?" (https://support.huaweicloud.com/intl/en-us/elb_faq/en-us_topic_0018127975.html) "Checking Network ACL Rules"',
    examples: {
      fail: `resource "huaweicloud_vpc_network_acl" "fail_lb_subnet" {
  name = "lb-subnet"

  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = "10.0.0.0/16"
    destination_port  = "22"
  }`,
      pass: `  ingress_rules {
    action            = "allow"
    protocol          = "tcp"
    ip_version        = 4
    source_ip_address = "0.0.0.0/0"
    destination_port  = "443"
  }`,
    },
  },
  check(model, ctx) {
    for (const listener of model.listeners) {
      const lb = listener.loadBalancer;
      if (!lb || isUnknown(lb) || !lb.subnetAclFiltersClients) continue;
      const subnet = lb.subnet;
      if (subnet === undefined) continue;
      const range = listener.range;
      if (isUnknown(subnet)) {
        if (subnet.ref) ctx.unknown(subnet, { address: listener.address, range });
        continue;
      }
      if (subnet.acls.length === 0) continue;
      if (isUnknown(listener.protocol) || isUnknown(listener.port)) {
        ctx.unknown(isUnknown(listener.protocol) ? listener.protocol : (listener.port as Unknown), { address: listener.address, range });
        continue;
      }
      // Gateway LBs' IP listeners carry every protocol on every port: no single flow to check.
      if (listener.protocol === 'IP') continue;
      // QUIC (dedicated) runs over UDP.
      const protocol = listener.protocol === 'UDP' || listener.protocol === 'QUIC' ? 'udp' : 'tcp';
      const verdicts = aclVerdictsFor(subnet, (anyClient ??= AddressSet.all(4)), protocol, listener.port, undefined);
      if (isUnknown(verdicts)) {
        ctx.unknown(verdicts, { address: listener.address, range });
        continue;
      }
      for (const { acl, verdict, direction } of verdicts) {
        if (direction !== 'in') continue;
        if (verdict.status === 'unknown') {
          ctx.unknown(verdictUnknown(verdict.unknowns) ?? new Unknown('an ACL rule is not known'), { address: acl.address, range: acl.range });
          continue;
        }
        if (verdict.status !== 'blocked') continue;
        ctx.report({
          message: `${acl.address} on ${subnet.address} admits no client to ${String(listener.protocol)} port ${listener.port} of ${listener.address}, so the load balancer cannot receive traffic.`,
          address: acl.address,
          attribute: `listener:${listener.address}`,
          range: acl.range,
          related: [
            ...aclRuleLocations(acl, verdict),
            { range, address: listener.address, message: `${String(listener.protocol)} listener on port ${listener.port}` },
            { range: lb.range, address: lb.address, message: 'load balancer in the subnet' },
          ],
          trace: [`clients (any address outside ${subnet.address}) → ${String(listener.protocol)} port ${listener.port} of ${lb.address}`, ...traceLines(verdict)],
        });
      }
    }
  },
});
