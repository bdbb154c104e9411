// Prevents backend server groups that no listener uses (health status "unknown", no traffic).
import { Unknown } from '../src/types.js';
import { defineRule } from '../src/rule.js';
import { completedElsewhere } from '../src/model/open-world.js';
import { foreignReason, isUsed } from '../src/analysis/index.js';

export default defineRule({
  id: 'pool-without-listener',
  title: 'Backend server group is not used by any listener',
  severity: 'warning',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '3.0',
  tags: ['reliability', 'load-balancer'],
  docs: {
    why: 'A backend server group that no listener, forwarding policy or rule uses receives no traffic, and the health-check result of its servers is shown as "unknown".',
    fix: "Reference the pool from a listener (`default_pool_id`), from the pool's `listener_id`, or from a forwarding policy; or delete it.",
    seed: 'Huawei Cloud ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server of a Dedicated Load Balancer?" (https://support.huaweicloud.com/intl/en-us/elb_faq/en-us_topic_0018127975.html) "Checking Whether the Backend Server Group Is Associated with a Listener"; Huawei Cloud ELB "Troubleshooting an Unhealthy Backend Server" (self-service troubleshooting, https://support.huaweicloud.com/intl/id-id/usermanual-elb/elb_ug_zd_0002.html) "Why Is a Backend Server\'s Health Check Result Unknown?"',
    examples: {
      fail: `resource "huaweicloud_elb_pool" "fail_orphan" {
  name            = "orphan"
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}`,
      pass: `resource "huaweicloud_elb_pool" "pass_used" {
  name        = "used"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.http.id
}`,
    },
  },
  check(model, ctx) {
    for (const pool of model.pools) {
      if (isUsed(pool)) continue;
      const range = pool.range;
      const elsewhere = completedElsewhere(model, pool);
      if (elsewhere) {
        ctx.unknown(elsewhere, { address: pool.address, range });
        continue;
      }
      // An auto-scaling group that references the pool adds members to it, never traffic.
      if (pool.hasUnknownListeners || pool.foreignTrafficReferrer !== undefined) {
        const why = (pool.hasUnknownListeners ? pool.unknownListenersWhy : undefined) ?? foreignReason(pool.foreignTrafficReferrer, 'traffic') ?? new Unknown('a listener or policy reference to it is not known');
        ctx.unknown(why, { address: pool.address, range });
        continue;
      }
      ctx.report({
        message: `${pool.address} is not used by any listener or forwarding policy, so it gets no traffic${pool.members.length > 0 ? ` and the health status of its members stays "unknown"` : ''}.`,
        address: pool.address,
        range,
      });
    }
  },
});
