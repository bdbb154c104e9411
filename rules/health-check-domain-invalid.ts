// Prevents health-check domains (Host headers) that the cloud rejects.
import { defineRule } from '../src/rule.js';
import { httpMonitorAttributeCheck } from './factories/http-monitor.js';

/**
 * Alibaba: 1-80 chars of a-z 0-9 . - ; Huawei/OTC/FE: 1-100 chars of A-Z a-z 0-9 . -, starting alphanumeric.
 * Host names are case-insensitive, and Alibaba's ALB and NLB APIs take upper case although their
 * docs list a-z only: the provider's acceptance tests apply `health_check_host = "tf-testAcc.com"`
 * (aliyun/terraform-provider-alicloud alicloud/resource_alicloud_alb_server_group_test.go,
 * resource_alicloud_alb_health_check_template_test.go) and `health_check_domain = "tf-testAcc.com"`
 * (resource_alicloud_nlb_server_group_test.go, resource_alicloud_nlb_listener_test.go), and check
 * the state holds exactly that value, so the API stores it unchanged and a later plan shows no
 * change. No such evidence exists for CLB, whose documented a-z stays the rule.
 */
export function domainProblem(domain: string, family: string, lbKind?: string): string | undefined {
  if (domain === '') return undefined; // empty = the default (backend or LB IP)
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(domain);
  if (scheme) return `starts with the URL scheme ${JSON.stringify(scheme[0])} (only the host name is allowed)`;
  if (family === 'alicloud') {
    if (domain.length < 1 || domain.length > 80) return `is ${domain.length} characters long (1-80 allowed)`;
    const caseInsensitive = lbKind === 'alb' || lbKind === 'nlb';
    const bad = [...domain].find((c) => !(caseInsensitive ? /[A-Za-z0-9.-]/ : /[a-z0-9.-]/).test(c));
    return bad === undefined ? undefined : `contains ${JSON.stringify(bad)} (only ${caseInsensitive ? 'letters' : 'a-z'}, 0-9, "." and "-" are allowed)`;
  }
  if (domain.length < 1 || domain.length > 100) return `is ${domain.length} characters long (1-100 allowed)`;
  const bad = [...domain].find((c) => !/[A-Za-z0-9.-]/.test(c));
  if (bad !== undefined) return `contains ${JSON.stringify(bad)} (only letters, digits, "." and "-" are allowed)`;
  if (!/^[A-Za-z0-9]/.test(domain)) return 'does not start with a letter or digit';
  return undefined;
}

export default defineRule({
  id: 'health-check-domain-invalid',
  title: 'Health-check domain is invalid',
  severity: 'error',
  providers: ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'],
  securitySeverity: '5.0',
  tags: ['reliability', 'load-balancer', 'health-check'],
  docs: {
    why: 'The domain is sent as the Host header of HTTP health checks. A value the cloud rejects fails at apply time; a backend that checks the Host header answers health checks with an error and is marked unhealthy.',
    fix: 'Use a plain host name: Huawei/OTC/FlexibleEngine 1-100 characters of letters, digits, `.` and `-` starting with a letter or digit; Alibaba 1-80 characters of `a-z`, `0-9`, `.` and `-` (ALB and NLB also take upper case). Leave it unset to use the backend IP.',
    seed: 'Huawei Cloud ELB FAQ "How Do I Troubleshoot an Unhealthy Backend Server of a Dedicated Load Balancer?" (https://support.huaweicloud.com/intl/en-us/elb_faq/en-us_topic_0018127975.html) "Checking the Health Check Configuration" (Domain Name); Alibaba Cloud CLB health check FAQ (https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/faq-about-health-checks) "Domain Name: It must be 1-80 characters"',
    examples: {
      fail: `resource "huaweicloud_elb_monitor" "fail_domain" {
  pool_id     = huaweicloud_elb_pool.web.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  domain_name = "https://www.example.com"
}`,
      pass: `resource "huaweicloud_elb_monitor" "pass_domain" {
  pool_id     = huaweicloud_elb_pool.web.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  domain_name = "www.example.com"
}`,
    },
  },
  check: httpMonitorAttributeCheck({
    value: (m) => m.domain,
    field: 'domain',
    problem: (domain, m) => domainProblem(domain, m.family, m.lbKind),
    message: (m, domain, problem) => `${m.address} health-check domain ${JSON.stringify(domain)} ${problem}.`,
  }),
});
