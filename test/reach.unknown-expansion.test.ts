// Resources whose count/for_each is unknown are not expanded; the reachability rules must treat
// what they could add (a rule admitting the flow, a monitor on the member port) as unknown, never
// as absent. Each case adds one such resource to a failing fixture, whose finding must go away.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { TESTDATA, lintFolder } from './helpers/fixtures.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'lblint-unknown-expansion-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function lintWith(ruleId: string, fixture: string, extra: string, strict = false) {
  const dir = path.join(scratch, `${ruleId}-${strict ? 'strict' : 'plain'}`);
  cpSync(path.join(TESTDATA, fixture, 'fail'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'extra.tf'), extra);
  const rule = rules.find((r) => r.id === ruleId)!;
  const result = await lintFolder(dir, { rules: [rule], strict });
  expect(result.errors).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ruleId);
}

const ruleFromUnknownList = `
variable "extra_cidrs" {
  type = list(string)
}

resource "huaweicloud_networking_secgroup_rule" "extra" {
  for_each          = toset(var.extra_cidrs)
  security_group_id = huaweicloud_networking_secgroup.fail_backend.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "8080"
  remote_ip_prefix  = each.value
}
`;

const monitorWithUnknownCount = `
variable "member_port_check" {
  type = bool
}

resource "huaweicloud_lb_monitor" "member_port" {
  count       = var.member_port_check ? 1 : 0
  pool_id     = huaweicloud_lb_pool.app.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
}
`;

describe('resources with an unknown count or for_each', () => {
  it('a security group rule with an unknown for_each may admit the health check', async () => {
    const findings = await lintWith('security-group-blocks-health-check', 'security-group-blocks-health-check', ruleFromUnknownList);
    expect(findings.map((f) => f.address)).not.toContain('huaweicloud_networking_secgroup.fail_backend');
  });

  it('--strict says which group could not be decided', async () => {
    const findings = await lintWith('security-group-blocks-health-check', 'security-group-blocks-health-check', ruleFromUnknownList, true);
    const notes = findings.filter((f) => f.severity === 'note');
    expect(notes.some((f) => f.message.includes('huaweicloud_networking_secgroup.fail_backend (unknown rule)'))).toBe(true);
  });

  it('a monitor with an unknown count may already check the member port', async () => {
    const findings = await lintWith('security-group-blocks-backend-port', 'security-group-blocks-backend-port', monitorWithUnknownCount);
    expect(findings.map((f) => f.address)).toEqual(['huaweicloud_networking_secgroup.fail_monitor_off']);
  });
});
