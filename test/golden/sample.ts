// Hand-built findings and rule metadata shared by the reporter tests.
import type { Finding, LoadError, Range } from '../../src/types.js';
import type { RuleMeta } from '../../src/rule.js';
import type { ReportInput } from '../../src/report/index.js';

export function range(file: string, sl: number, sc: number, el: number, ec: number): Range {
  return { file, start: { line: sl, column: sc }, end: { line: el, column: ec } };
}

export const MAIN_TF = [
  'resource "huaweicloud_networking_secgroup" "app" {',
  '  name = "app"',
  '}',
  '',
  'resource "huaweicloud_networking_secgroup_rule" "http" {',
  '  security_group_id = huaweicloud_networking_secgroup.app.id',
  '  direction         = "ingress"',
  '\tprotocol          = "tcp"',
  '  port_range_min    = 80',
  '  port_range_max    = 80',
  '  remote_ip_prefix  = "100.125.0.0/16"',
  '}',
  '',
  '# lblint-ignore health-check-disabled -- checked by the app itself',
  'resource "huaweicloud_lb_pool" "legacy" {',
  '  protocol = "HTTP"',
  '}',
  '',
].join('\n');

export const POOL_TF = [
  'resource "huaweicloud_lb_pool" "web" {',
  '  protocol    = "HTTP"',
  '  lb_method   = "ROUND_ROBIN"',
  '}',
  '',
  'resource "huaweicloud_lb_monitor" "web" {',
  '  pool_id = huaweicloud_lb_pool.web.id',
  '  type    = "HTTP"',
  '  port    = 8080',
  '}',
  '',
].join('\n');

export const MEMBERS_PATH = 'modules/web #1/members.tf';
export const MEMBERS_TF = [
  'resource "huaweicloud_lb_member" "a" {',
  '  pool_id = var.pool_id',
  '  weight  = 0',
  '}',
  '',
].join('\n');

export const BROKEN_TF = ['resource "x" "y" {', '  name = = "a"', '}', ''].join('\n');

function docs(id: string) {
  return {
    why: `Why ${id} breaks traffic at run time.`,
    fix: `Change the configuration for ${id}.`,
    seed: 'seeds/huawei-elb.md#health-check',
    examples: { fail: 'resource "a" "fail" {\n  x = 1\n}', pass: 'resource "a" "pass" {\n  x = 2\n}' },
  };
}

function meta(id: string, title: string, severity: RuleMeta['severity'], securitySeverity: string): RuleMeta {
  return {
    id,
    title,
    severity,
    providers: ['huaweicloud'],
    securitySeverity,
    tags: ['security', 'reachability'],
    docs: docs(id),
  };
}

export const RULES: RuleMeta[] = [
  meta('security-group-blocks-health-check', 'Security group blocks health checks', 'error', '7.5'),
  meta('member-weight-zero', 'Member has weight 0', 'warning', '4.0'),
  meta('health-check-disabled', 'Health check disabled, or off', 'warning', '3.0'),
];

export const BLOCKS_HC: Finding = {
  ruleId: 'security-group-blocks-health-check',
  severity: 'error',
  message:
    'huaweicloud_lb_monitor.web checks port 8080 but huaweicloud_networking_secgroup.app admits 100.125.0.0/16 only on 80',
  address: 'huaweicloud_networking_secgroup.app',
  attribute: 'port',
  range: range('main.tf', 1, 1, 1, 49),
  related: [
    { range: range('lb/pool.tf', 1, 1, 1, 36), address: 'huaweicloud_lb_pool.web', message: 'the pool whose members are checked' },
    { range: range('lb/pool.tf', 9, 3, 9, 17), address: 'huaweicloud_lb_monitor.web', message: 'the health check on port 8080' },
    { range: range('main.tf', 8, 2, 8, 27), address: 'huaweicloud_networking_secgroup_rule.http', message: 'admits tcp 80 only' },
  ],
  trace: [
    'health check 100.125.0.0/16 → tcp/8080',
    'huaweicloud_networking_secgroup.app: no ingress rule admits tcp/8080 (default deny)',
  ],
  fix: {
    description: 'Admit the health-check port from 100.125.0.0/16',
    insertText:
      'resource "huaweicloud_networking_secgroup_rule" "lblint_health_check" {\n' +
      '  security_group_id = huaweicloud_networking_secgroup.app.id\n' +
      '  direction         = "ingress"\n' +
      '  protocol          = "tcp"\n' +
      '  port_range_min    = 8080\n' +
      '  port_range_max    = 8080\n' +
      '  remote_ip_prefix  = "100.125.0.0/16"\n' +
      '}\n',
    after: range('main.tf', 5, 1, 12, 2),
  },
};

export const WEIGHT_ZERO: Finding = {
  ruleId: 'member-weight-zero',
  severity: 'warning',
  message: 'module.web.huaweicloud_lb_member.a has weight 0, so it gets no traffic',
  address: 'module.web.huaweicloud_lb_member.a',
  attribute: 'weight',
  range: range(MEMBERS_PATH, 3, 13, 3, 14),
  related: [],
  trace: [],
};

export const SUPPRESSED: Finding = {
  ruleId: 'health-check-disabled',
  severity: 'warning',
  message: 'huaweicloud_lb_pool.legacy has no health monitor',
  address: 'huaweicloud_lb_pool.legacy',
  range: range('main.tf', 15, 1, 15, 39),
  related: [],
  trace: [],
  suppression: { justification: 'checked by the app itself', range: range('main.tf', 14, 1, 14, 67) },
};

export const LOAD_ERROR: LoadError = {
  file: 'broken.tf',
  range: range('broken.tf', 2, 10, 2, 11),
  message: 'Invalid expression: expected the start of an expression, but found "="',
};

export function sampleInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    // Deliberately unsorted: the reporters sort.
    findings: [WEIGHT_ZERO, SUPPRESSED, BLOCKS_HC],
    errors: [LOAD_ERROR],
    rules: RULES,
    sources: new Map([
      ['main.tf', MAIN_TF],
      ['lb/pool.tf', POOL_TF],
      [MEMBERS_PATH, MEMBERS_TF],
      ['broken.tf', BROKEN_TF],
    ]),
    toolVersion: '0.1.0',
    color: false,
    summary: { filesLinted: 4, rootsLinted: 1 },
    ...overrides,
  };
}
