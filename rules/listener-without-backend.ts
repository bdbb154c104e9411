// Prevents listeners that accept connections but have no backend to forward them to.
import { Unknown } from '../src/types.js';
import { defineRule } from '../src/rule.js';
import { completedElsewhere } from '../src/model/open-world.js';
import { hasPoolsWithUnknownListener } from '../src/analysis/index.js';

export default defineRule({
  id: 'listener-without-backend',
  title: 'Listener has no default pool, policy or server group',
  severity: 'warning',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '4.0',
  tags: ['reliability', 'load-balancer'],
  docs: {
    why: 'A listener without a default backend server group, forwarding policy or server group accepts client connections but cannot forward them: clients get errors.',
    fix: 'Set `default_pool_id`, create a pool with `listener_id` pointing at the listener, or add a forwarding policy.',
    seed: 'Huawei Cloud ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server of a Dedicated Load Balancer?" (https://support.huaweicloud.com/intl/en-us/elb_faq/en-us_topic_0018127975.html) "Checking Whether the Backend Server Group Is Associated with a Listener"; Alibaba Cloud CLB health check FAQ (https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/faq-about-health-checks) "no listener configured"',
    examples: {
      fail: `resource "huaweicloud_elb_listener" "fail_no_pool" {
  name            = "no-pool"
  protocol        = "HTTP"
  protocol_port   = 8081
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}`,
      pass: `resource "huaweicloud_elb_listener" "pass_default_pool" {
  name            = "with-pool"
  protocol        = "HTTP"
  protocol_port   = 8081
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
  default_pool_id = huaweicloud_elb_pool.web.id
}`,
    },
  },
  check(model, ctx) {
    for (const listener of model.listeners) {
      if (listener.pools.length > 0 || listener.hasRoutingRules) continue;
      const range = listener.range;
      const elsewhere = completedElsewhere(model, listener);
      if (elsewhere) {
        ctx.unknown(elsewhere, { address: listener.address, range });
        continue;
      }
      const poolMayBelong = listener.hasUnknownBackend ? undefined : hasPoolsWithUnknownListener(model, listener);
      if (listener.hasUnknownBackend || poolMayBelong) {
        ctx.unknown(listener.unknownBackendWhy ?? poolMayBelong ?? new Unknown('a pool or policy reference is not known'), { address: listener.address, range });
        continue;
      }
      ctx.report({
        message: `${listener.address} has no default pool, forwarding policy or server group, so it accepts connections it cannot forward.`,
        address: listener.address,
        range,
      });
    }
  },
});
