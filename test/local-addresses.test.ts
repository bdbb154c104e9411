// Alibaba ALB and NLB probe their backends from local addresses in their own vSwitches, so a
// backend vSwitch ACL must admit those CIDRs (both ways: Alibaba ACLs are stateless).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { rules } from '../rules/index.js';
import { TESTDATA, lintFolder } from './helpers/fixtures.js';
import { parseConfig } from '../src/config.js';

const DIR = path.join(TESTDATA, 'local-addresses');

describe('ALB / NLB health-check source', () => {
  it('an ACL that admits the zone mappings\' vSwitch CIDRs is clean', async () => {
    const r = await lintFolder(path.join(DIR, 'clean'));
    expect(r.errors).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('an ACL that admits only 100.64.0.0/10 blocks both, in and out', async () => {
    const r = await lintFolder(path.join(DIR, 'blocked'));
    expect(r.errors).toEqual([]);
    expect(r.findings.map((f) => `${f.ruleId} ${f.address} ${f.range.file}:${f.range.start.line}`)).toEqual(Array(4).fill('network-acl-blocks-health-check alicloud_network_acl.app acl.tf:3'));
    const messages = r.findings.map((f) => f.message);
    expect(messages.filter((m) => m.includes('from 10.20.0.0/24, 10.20.1.0/24 (local addresses in the vSwitches of alicloud_alb_load_balancer.shop)'))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('(local addresses in the vSwitches of alicloud_nlb_load_balancer.tcp)'))).toHaveLength(2);
  });

  it('healthCheckSources["alicloud-alb"] puts a non-upgraded ALB back on 100.64.0.0/10; the NLB keeps its vSwitches', async () => {
    const cwd = path.join(DIR, 'blocked');
    const r = await lint({
      paths: ['.'],
      cwd,
      env: {},
      vars: [],
      varFiles: [],
      exclude: [],
      allRules: rules,
      rules,
      severityOverrides: new Map(),
      healthCheckSources: { 'alicloud-alb': ['100.64.0.0/10'] },
      strict: false,
      inlineIgnores: true,
      today: '2026-11-21',
    });
    expect(r.findings.map((f) => f.message).every((m) => m.includes('alicloud_nlb_load_balancer.tcp'))).toBe(true);
    expect(r.findings).toHaveLength(2);
  });

  it('the config accepts the product key and rejects an unknown one', () => {
    const known = new Set(rules.map((r) => r.id));
    expect(parseConfig('{"healthCheckSources": {"alicloud-alb": ["100.64.0.0/10"]}}', '.lblint.json', known).healthCheckSources).toEqual({ 'alicloud-alb': ['100.64.0.0/10'] });
    expect(() => parseConfig('{"healthCheckSources": {"alicloud-slb": ["100.64.0.0/10"]}}', '.lblint.json', known)).toThrow(/unknown family 'alicloud-slb'.*alicloud-alb, alicloud-nlb/);
  });
});
