// Prevents TCP/UDP listeners on dedicated load balancers whose health checks cannot run.
import { defineRule } from '../src/rule.js';
import { isLayer4, joinAddresses } from '../src/analysis/index.js';
import { isUnknown } from '../src/types.js';

export default defineRule({
  id: 'layer4-listener-without-address',
  title: 'TCP/UDP listener on a dedicated load balancer without private IPv4 or EIP',
  severity: 'error',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine'],
  securitySeverity: '6.0',
  tags: ['reliability', 'load-balancer', 'health-check'],
  docs: {
    why: 'When a dedicated load balancer has neither a private IPv4 address nor an EIP, the health checks of its TCP and UDP listeners fail and every backend server is marked unhealthy.',
    fix: 'Give the load balancer a private IPv4 address (`ipv4_subnet_id`) or bind an EIP (`ipv4_eip_id`, `iptype`, or an EIP association to `ipv4_port_id`).',
    seed: 'Huawei Cloud ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server of a Dedicated Load Balancer?" (https://support.huaweicloud.com/intl/en-us/elb_faq/en-us_topic_0018127975.html) "Checking Whether an EIP or a Private IP Address Is Bound to the Load Balancer"',
    examples: {
      fail: `resource "huaweicloud_elb_loadbalancer" "fail_no_address" {
  name              = "l4-no-address"
  vpc_id            = huaweicloud_vpc.main.id
  availability_zone = var.availability_zones
  backend_subnets   = [huaweicloud_vpc_subnet.app.id]
}`,
      pass: `resource "huaweicloud_elb_loadbalancer" "pass_private_ip" {
  name              = "l4-private"
  vpc_id            = huaweicloud_vpc.main.id
  ipv4_subnet_id    = huaweicloud_vpc_subnet.app.ipv4_subnet_id
  availability_zone = var.availability_zones
}`,
    },
  },
  check(model, ctx) {
    for (const lb of model.loadBalancers) {
      if (lb.kind !== 'dedicated') continue;
      const l4 = lb.listeners.filter((l) => isLayer4(l.protocol));
      if (l4.length === 0) continue;
      const range = lb.range;
      const facts = [lb.hasPrivateIpv4, lb.hasEip, lb.hasIpv6];
      const unknown = facts.find(isUnknown);
      if (facts.some((f) => f === true)) continue;
      if (unknown) {
        ctx.unknown(unknown, { address: lb.address, range });
        continue;
      }
      ctx.report({
        message: `${lb.address} has neither a private IPv4 address nor an EIP, so the health checks of ${joinAddresses(l4.map((l) => `${String(l.protocol)} listener ${l.address}`))} fail and every backend is marked unhealthy.`,
        address: lb.address,
        range,
        related: l4.map((l) => ({ range: l.range, address: l.address, message: `${String(l.protocol)} listener` })),
      });
    }
  },
});
