// Prevents HTTP health-check paths that the cloud rejects or that can never match a page.
import { defineRule } from '../src/rule.js';
import { httpMonitorAttributeCheck } from './factories/http-monitor.js';

// Huawei/OTC ELB API: 1-80 characters, starting with '/', letters, digits, - / . ? # % & and
// the extended set _;~!()*[]@$^:',+= (dedicated ELB doc; a superset of the shared ELB's).
// Alibaba CLB documents the same basic set (seeds/004); the wider set keeps lblint from
// rejecting a path the cloud accepts.
const ALLOWED_PATH = /^[A-Za-z0-9\-/.?#%&_;~!()*[\]@$^:',+=]*$/;

export function pathProblem(path: string): string | undefined {
  // An empty url_path is left out of the API request, so the cloud uses its default "/".
  if (path.length === 0) return undefined;
  if (!path.startsWith('/')) return 'does not start with "/"';
  if (path.length > 80) return `is ${path.length} characters long (at most 80)`;
  if (!ALLOWED_PATH.test(path)) {
    const bad = [...path].find((c) => !ALLOWED_PATH.test(c));
    return `contains ${JSON.stringify(bad)}, which the cloud rejects`;
  }
  return undefined;
}

export default defineRule({
  id: 'health-check-path-invalid',
  title: 'HTTP health-check path is invalid',
  severity: 'error',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '5.0',
  tags: ['reliability', 'load-balancer', 'health-check'],
  docs: {
    why: 'The HTTP health check requests this path. A path that is not absolute, longer than 80 characters or with characters the cloud rejects fails at apply time or never returns the expected status, so every backend is marked unhealthy.',
    fix: 'Use an absolute path such as `/healthz` (1-80 characters of letters, digits and `-/.?#%&_;~!()*[]@$^:\',+=`).',
    seed: 'Huawei Cloud ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server of a Dedicated Load Balancer?" (https://support.huaweicloud.com/intl/en-us/elb_faq/en-us_topic_0018127975.html) "Checking the Health Check Configuration" (Check Path: enter an absolute path); Alibaba Cloud CLB health check FAQ (https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/faq-about-health-checks) health-check path rules',
    examples: {
      fail: `resource "huaweicloud_elb_monitor" "fail_relative" {
  pool_id     = huaweicloud_elb_pool.web.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "healthz"
}`,
      pass: `resource "huaweicloud_elb_monitor" "pass_absolute" {
  pool_id     = huaweicloud_elb_pool.web.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}`,
    },
  },
  check: httpMonitorAttributeCheck({
    value: (m) => m.urlPath,
    field: 'urlPath',
    problem: (path) => pathProblem(path),
    message: (m, path, problem) => `${m.address} health-check path ${JSON.stringify(path)} ${problem}.`,
  }),
});
