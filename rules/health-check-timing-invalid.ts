// Prevents health-check intervals, timeouts and thresholds the cloud rejects or cannot honour.
import { defineRule } from '../src/rule.js';
import { isUnknown } from '../src/types.js';
import type { FieldSource } from '../src/model/types.js';

interface Limits {
  interval: [number, number];
  timeout: [number, number];
  retries: [number, number];
  /** What the cloud calls the retry settings, for messages. */
  retriesName: string;
  /** Warn when timeout >= interval (not on Alibaba, which recommends timeout 5 s with interval 2 s). */
  timeoutBelowInterval: boolean;
}

// providers.md §1.5, §1.8, §2.1-2.2: interval/delay and timeout 1-50 s, retries 1-10.
const HUAWEI: Limits = { interval: [1, 50], timeout: [1, 50], retries: [1, 10], retriesName: 'retry count', timeoutBelowInterval: true };

const LIMITS: Record<string, Limits> = {
  huaweicloud: HUAWEI,
  opentelekomcloud: HUAWEI,
  flexibleengine: HUAWEI,
  // providers.md §4.1: interval 1-50, timeout 1-300, thresholds 2-10 (seeds/004).
  alicloud: { interval: [1, 50], timeout: [1, 300], retries: [2, 10], retriesName: 'threshold', timeoutBelowInterval: false },
  // Where an Alibaba product differs from CLB (providers.md §4.2): NLB interval 5-50 s
  // (health_check_connect_timeout 1-300, thresholds 2-10). ALB matches CLB.
  'alicloud:nlb': { interval: [5, 50], timeout: [1, 300], retries: [2, 10], retriesName: 'threshold', timeoutBelowInterval: false },
};

export default defineRule({
  id: 'health-check-timing-invalid',
  title: 'Health-check interval, timeout or threshold out of range',
  severity: 'error',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '4.0',
  tags: ['reliability', 'load-balancer', 'health-check'],
  docs: {
    why: 'Values outside the cloud\'s range are rejected at apply time. On Huawei Cloud, OTC and FlexibleEngine a timeout that is not shorter than the interval lets probes overlap, so a slow backend flaps between healthy and unhealthy.',
    fix: 'Huawei/OTC/FlexibleEngine: interval (delay) and timeout 1-50 s with timeout < interval, max_retries 1-10. Alibaba: interval 1-50 s, timeout 1-300 s, thresholds 2-10 (recommended: timeout 5 s, interval 2 s).',
    seed: 'Alibaba Cloud CLB health check FAQ (https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/faq-about-health-checks) "Adjust the Health Check Interval, in the range of 1-50 seconds" and the recommended settings; the huaweicloud provider docs of huaweicloud_elb_monitor (https://registry.terraform.io/providers/huaweicloud/huaweicloud/latest/docs/resources/elb_monitor) and huaweicloud_lb_monitor (https://registry.terraform.io/providers/huaweicloud/huaweicloud/latest/docs/resources/lb_monitor) (Huawei ranges)',
    examples: {
      fail: `resource "huaweicloud_lb_monitor" "fail_timing" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "TCP"
  delay       = 5
  timeout     = 10
  max_retries = 3
}`,
      pass: `resource "huaweicloud_lb_monitor" "pass_timing" {
  pool_id     = huaweicloud_lb_pool.web.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
}`,
    },
  },
  check(model, ctx) {
    for (const monitor of model.monitors) {
      const limits = (monitor.lbKind ? LIMITS[`${monitor.family}:${monitor.lbKind}`] : undefined) ?? LIMITS[monitor.family];
      if (!limits) continue;
      const { at } = monitor;
      const checks: [number | unknown, FieldSource, [number, number], string][] = [
        [monitor.interval, at.interval, limits.interval, 'interval'],
        [monitor.timeout, at.timeout, limits.timeout, 'timeout'],
        [monitor.maxRetries, at.maxRetries, limits.retries, limits.retriesName],
        [monitor.maxRetriesDown, at.maxRetriesDown, limits.retries, limits.retriesName],
      ];
      const outOfRange = new Set<FieldSource>();
      for (const [value, field, [min, max], what] of checks) {
        const { attribute, range } = field;
        if (isUnknown(value)) {
          ctx.unknown(value, { address: monitor.address, range });
          continue;
        }
        if (typeof value !== 'number') continue;
        if (value >= min && value <= max && Number.isInteger(value)) continue;
        outOfRange.add(field);
        ctx.report({
          message: `${monitor.address} sets ${attribute} = ${value}, outside the ${what} range ${min}-${max} the cloud accepts.`,
          address: monitor.address,
          attribute,
          range,
        });
      }
      // One defect, one finding: an interval or timeout the cloud rejects is already reported.
      const comparable = !outOfRange.has(at.interval) && !outOfRange.has(at.timeout);
      if (limits.timeoutBelowInterval && comparable && typeof monitor.interval === 'number' && typeof monitor.timeout === 'number' && monitor.timeout >= monitor.interval) {
        ctx.report({
          message: `${monitor.address} sets ${at.timeout.attribute} = ${monitor.timeout}, not shorter than ${at.interval.attribute} = ${monitor.interval}, so health probes overlap and slow backends flap.`,
          address: monitor.address,
          attribute: at.timeout.attribute,
          range: at.timeout.range,
          severity: 'warning',
          related: [{ range: at.interval.range, address: monitor.address, message: `${at.interval.attribute} = ${monitor.interval}` }],
        });
      }
    }
  },
});
