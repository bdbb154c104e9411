// Local modules with for_each, a module folder linted alone, registry modules from
// .terraform/modules/modules.json, and a registry module that `terraform init` has not fetched.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULES, cli, findingsOf } from './helpers/cli-run.js';

describe('a local module called twice with for_each', () => {
  it('reports the security group of the one instance whose arguments are wrong, once', async () => {
    const r = await cli(['for-each-services', '--format', 'json'], MODULES);
    expect(r.stderr).toBe('');
    const findings = findingsOf(r.stdout);
    expect(findings.map((f) => [f.ruleId, f.address])).toEqual([
      ['security-group-blocks-health-check', 'module.service["admin"].huaweicloud_networking_secgroup.backend'],
    ]);
    const f = findings[0]!;
    expect(f.location).toMatchObject({ file: 'for-each-services/modules/service/security.tf', start: { line: 1, column: 1 } });
    expect(f.message).toContain('port 8443');
    // The rule in the module, evaluated with the caller's argument, is what drops the flow.
    const rule = f.related.find((x) => x.address === 'module.service["admin"].huaweicloud_networking_secgroup_rule.app');
    expect(rule?.message).toContain('10.20.0.0/16');
    // The calling module block is a related location.
    const call = f.related.find((x) => x.address === 'module.service["admin"]');
    expect(call?.location).toMatchObject({ file: 'for-each-services/main.tf', start: { line: 17 } });
    expect(r.code).toBe(1);
  });

  it('resolves module outputs: the root rule attached through module.service[*].security_group_id is in the right group', async () => {
    // If the output did not resolve, the root rule could belong to any group, every group would
    // have unknown rules and the finding would disappear.
    const r = await cli(['for-each-services', '--format', 'json', '--strict'], MODULES);
    const findings = findingsOf(r.stdout);
    expect(findings.filter((f) => f.severity !== 'note').map((f) => f.address)).toEqual(['module.service["admin"].huaweicloud_networking_secgroup.backend']);
    expect(findings.filter((f) => f.message.includes('ssh_from_bastion'))).toEqual([]);
  });

  it('lints the module folder alone with its defaults and unknown inputs: no finding, and says why', async () => {
    const r = await cli(['for-each-services/modules/service', '--format', 'json', '--verbose'], MODULES);
    expect(findingsOf(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('var.vpc_cidr has no value');
    const strict = findingsOf((await cli(['for-each-services/modules/service', '--format', 'json', '--strict'], MODULES)).stdout);
    expect(strict.length).toBeGreaterThan(0);
    expect(strict.every((f) => f.severity === 'note')).toBe(true);
  });
});

describe('registry modules', () => {
  it('reads a fetched module through .terraform/modules/modules.json (Dir, not the key) and points into it', async () => {
    const r = await cli(['registry-elb', '--format', 'json'], MODULES);
    const findings = findingsOf(r.stdout);
    expect(findings.map((f) => [f.ruleId, f.address])).toEqual([['member-weight-zero', 'module.elb.huaweicloud_lb_member.this["172.16.1.11"]']]);
    expect(findings[0]!.location).toMatchObject({ file: 'registry-elb/.terraform/modules/elb/modules/shared/main.tf', start: { line: 25 } });
    expect(findings[0]!.related.find((x) => x.address === 'module.elb')?.location).toMatchObject({ file: 'registry-elb/main.tf', start: { line: 13 } });
  });

  it('without terraform init: no finding from the missing module, nothing assumed absent, and --verbose names it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-registry-'));
    try {
      cpSync(path.join(MODULES, 'registry-elb'), dir, { recursive: true });
      rmSync(path.join(dir, '.terraform'), { recursive: true });
      const r = await cli(['.', '--format', 'json', '--verbose'], dir);
      expect(findingsOf(r.stdout)).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('module.elb: module "huaweicloud/elb/huaweicloud//modules/shared" was not found');
      expect(r.stderr).toContain('lblint never downloads modules');
      expect(r.stderr).toContain('skipped module.elb');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a module folder reached under two names (a symlink)', () => {
  it('is loaded once and followed from both calls', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-alias-'));
    try {
      mkdirSync(path.join(dir, 'modules/member'), { recursive: true });
      mkdirSync(path.join(dir, 'app'));
      writeFileSync(
        path.join(dir, 'modules/member/main.tf'),
        `variable "weight" {
  default = 0
}
resource "huaweicloud_lb_loadbalancer" "lb" {
  vip_subnet_id = "subnet-1"
}
resource "huaweicloud_lb_listener" "l" {
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.lb.id
}
resource "huaweicloud_lb_pool" "p" {
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.l.id
}
resource "huaweicloud_lb_monitor" "hc" {
  pool_id     = huaweicloud_lb_pool.p.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
}
resource "huaweicloud_lb_member" "m" {
  pool_id       = huaweicloud_lb_pool.p.id
  address       = "10.0.0.5"
  protocol_port = 8080
  subnet_id     = "subnet-1"
  weight        = var.weight
}
`,
      );
      symlinkSync('member', path.join(dir, 'modules/alias'));
      writeFileSync(path.join(dir, 'app/main.tf'), 'module "a" {\n  source = "../modules/member"\n}\nmodule "b" {\n  source = "../modules/alias"\n}\n');
      const r = await cli(['app', '--format', 'json', '--verbose'], dir);
      // Before, eval joined the source to the caller's folder and missed the folder loaded as modules/member.
      expect(r.stderr).not.toContain('not loaded');
      expect(findingsOf(r.stdout).filter((f) => f.ruleId === 'member-weight-zero').map((f) => [f.address, f.location?.file])).toEqual([
        ['module.a.huaweicloud_lb_member.m', 'modules/member/main.tf'],
        ['module.b.huaweicloud_lb_member.m', 'modules/member/main.tf'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
