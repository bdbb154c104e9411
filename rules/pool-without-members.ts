// Prevents listeners that forward to an empty backend server group.
import { Unknown } from '../src/types.js';
import { defineRule } from '../src/rule.js';
import { completedElsewhere } from '../src/model/open-world.js';
import { foreignReason, isUsed, joinAddresses } from '../src/analysis/index.js';

export default defineRule({
  id: 'pool-without-members',
  title: 'Backend server group used by a listener has no members',
  severity: 'warning',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '4.0',
  tags: ['reliability', 'load-balancer'],
  docs: {
    why: 'A listener that forwards to a backend server group without backend servers cannot serve any request: clients get connection resets or 503 errors.',
    fix: 'Add members to the pool (member resources, or an auto-scaling group that registers them), or point the listener at a pool that has members.',
    seed: 'Open Telekom Cloud ELB FAQ "Why Can\'t I Access My Backend Servers Through a Load Balancer?" (elb_faq_0066; Huawei Cloud\'s counterpart: https://support.huaweicloud.com/intl/en-us/elb_faq/elb_faq_0048.html) "Background" (the listener forwards to backend servers) and "Step 4"',
    examples: {
      fail: `resource "huaweicloud_lb_pool" "fail_empty" {
  name        = "empty"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.http.id
}`,
      pass: `resource "huaweicloud_lb_member" "pass_member" {
  pool_id       = huaweicloud_lb_pool.pass_filled.id
  address       = "192.168.1.10"
  protocol_port = 80
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}`,
    },
  },
  check(model, ctx) {
    for (const pool of model.pools) {
      if (!isUsed(pool) || pool.members.length > 0) continue;
      const range = pool.range;
      const elsewhere = completedElsewhere(model, pool);
      if (elsewhere) {
        ctx.unknown(elsewhere, { address: pool.address, range });
        continue;
      }
      if (pool.hasUnknownMembers || pool.hasForeignReferences) {
        const why = (pool.hasUnknownMembers ? pool.unknownMembersWhy : undefined) ?? foreignReason(pool.foreignReferrer, 'members') ?? new Unknown('a member reference to it is not known');
        ctx.unknown(why, { address: pool.address, range });
        continue;
      }
      ctx.report({
        message: `${pool.address} is used by ${joinAddresses(pool.listeners.map((l) => l.address))} but has no members, so the listener has nowhere to forward requests.`,
        address: pool.address,
        range,
        related: pool.listeners.map((l) => ({ range: l.range, address: l.address, message: 'listener that uses the pool' })),
      });
    }
  },
});
