// Prevents HTTP health checks that count error responses as healthy.
import { defineRule } from '../src/rule.js';
import { httpMonitorAttributeCheck } from './factories/http-monitor.js';

/** The error classes (4xx/5xx) a success-code setting admits: "200-499", "200,404", "http_2xx,http_5xx". */
export function lenientCodes(spec: string): string[] {
  const out = new Set<string>();
  for (const raw of spec.split(/[,\s]+/)) {
    const token = raw.trim().toLowerCase();
    if (!token) continue;
    const cls = /^http_([1-5])xx$/.exec(token);
    if (cls) {
      if (Number(cls[1]) >= 4) out.add(`${cls[1]}xx`);
      continue;
    }
    const range = /^(\d{3})(?:-(\d{3}))?$/.exec(token);
    if (!range) continue;
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    for (const c of [4, 5]) if (to >= c * 100 && from <= c * 100 + 99) out.add(`${c}xx`);
  }
  return [...out].sort();
}

export default defineRule({
  id: 'health-check-codes-lenient',
  title: 'Health check treats 4xx/5xx responses as healthy',
  severity: 'warning',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '4.0',
  tags: ['reliability', 'load-balancer', 'health-check'],
  docs: {
    why: 'A health check whose success codes include 4xx or 5xx marks a failing application healthy, so the load balancer keeps sending requests to it.',
    fix: 'Accept only 2xx (and 3xx if the health page redirects): `200`, `200-299`, or `http_2xx,http_3xx` on Alibaba.',
    seed: 'Alibaba Cloud CLB health check FAQ (https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/faq-about-health-checks) "Normal Status Code: http_2xx, http_3xx" and "the HTTP status code must be a status code indicating the normal status, such as 200"',
    examples: {
      fail: `resource "huaweicloud_elb_monitor" "fail_codes" {
  pool_id     = huaweicloud_elb_pool.web.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  status_code = "200-599"
}`,
      pass: `resource "huaweicloud_elb_monitor" "pass_codes" {
  pool_id     = huaweicloud_elb_pool.web.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  status_code = "200-299"
}`,
    },
  },
  check: httpMonitorAttributeCheck({
    value: (m) => m.expectedCodes,
    field: 'expectedCodes',
    problem: (codes) => {
      const lenient = lenientCodes(codes);
      return lenient.length > 0 ? lenient : undefined;
    },
    message: (m, codes, lenient) =>
      `${m.address} accepts ${JSON.stringify(codes)} as healthy, which includes ${lenient.join(' and ')} errors, so failing backends stay in service.`,
  }),
});
