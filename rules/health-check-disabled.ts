// Prevents backend groups that keep sending traffic to dead servers because nothing checks them.
import { Unknown } from '../src/types.js';
import { defineRule } from '../src/rule.js';
import { isUsed } from '../src/analysis/index.js';

export default defineRule({
  id: 'health-check-disabled',
  title: 'Backend server group in use has no active health check',
  severity: 'warning',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '4.0',
  tags: ['reliability', 'load-balancer', 'health-check'],
  docs: {
    why: 'When the health check is disabled, the load balancer considers every backend server healthy and keeps routing requests to servers that are down.',
    fix: 'Add a health monitor to the pool (or set `enabled = true` / `admin_state_up = true` / `health_check = "on"`).',
    seed: 'Open Telekom Cloud ELB FAQ "Why Can\'t I Access My Backend Servers Through a Load Balancer?" (elb_faq_0066; Huawei Cloud\'s counterpart: https://support.huaweicloud.com/intl/en-us/elb_faq/elb_faq_0048.html) "Step 2: Check Whether the Health Check Is Enabled"; ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server?" (https://support.huaweicloud.com/intl/es-us/eu-west-0-usermanual-elb/en-us_topic_0091131429.html) "Scenarios" (health check disabled note)',
    examples: {
      fail: `resource "huaweicloud_elb_monitor" "fail_disabled" {
  pool_id     = huaweicloud_elb_pool.api.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
  enabled     = false
}`,
      pass: `resource "huaweicloud_elb_monitor" "pass_enabled" {
  pool_id     = huaweicloud_elb_pool.api.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}`,
    },
  },
  check(model, ctx) {
    for (const pool of model.pools) {
      if (!isUsed(pool)) continue;
      if (pool.monitors.length === 0) {
        const range = pool.range;
        if (pool.hasUnknownMonitors) {
          ctx.unknown(pool.unknownMonitorsWhy ?? new Unknown('a health monitor reference is not known'), { address: pool.address, range });
          continue;
        }
        ctx.report({
          message: `${pool.address} has no health monitor, so the load balancer keeps sending requests to backends that are down.`,
          address: pool.address,
          range,
        });
        continue;
      }
      // Alibaba CLB: each listener checks the group with its own settings, so each listener that
      // switches its check off is a finding (redirect listeners have none by design).
      const own = pool.monitors.filter((m) => m.listener !== undefined);
      const disabled =
        own.length > 0
          ? own.filter((m) => m.enabled === false && !m.listener?.isRedirect)
          : pool.monitors.some((m) => m.enabled !== false)
            ? []
            : pool.monitors;
      for (const monitor of disabled) {
        ctx.report({
          message: `${monitor.address} disables the health check of ${pool.address} (${monitor.offText}), so requests keep going to backends that are down.`,
          address: monitor.address,
          attribute: monitor.at.enabled.attribute,
          range: monitor.at.enabled.range,
          related: [{ range: pool.range, address: pool.address, message: 'pool whose health check is off' }],
        });
      }
    }
  },
});
