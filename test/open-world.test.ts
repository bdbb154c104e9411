// The world is open (issue 17): absences that a caller, Kubernetes or auto scaling make good are
// not findings, their twins that really are defects still are, and old resource names are seen.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TESTDATA, lintFolder } from './helpers/fixtures.js';
import type { Finding } from '../src/types.js';

const OPEN = path.join(TESTDATA, 'open-world');
const ALIASES = path.join(TESTDATA, 'aliases');

function brief(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => !f.suppression)
    .map((f) => `${f.severity} ${f.ruleId} ${f.address} ${f.range.file}:${f.range.start.line}:${f.range.start.column}`)
    .sort();
}

async function run(dir: string, paths?: string[], strict = false): Promise<Finding[]> {
  const result = await lintFolder(dir, { ...(paths ? { paths } : {}), strict });
  expect(result.errors).toEqual([]);
  return result.findings;
}

describe('a reusable module linted on its own', () => {
  it.each([
    ['Huawei ELB module: load balancer exported, listeners from an empty list through locals, a pool linked by a null input', 'huaweicloud-elb-module', 'modules/elb'],
    ['Alibaba CLB module: listeners from an empty attribute of an object default, servers from an empty list in count', 'alicloud-clb-module', 'modules/clb'],
  ])('%s: no finding', async (_name, folder, module) => {
    expect(brief(await run(path.join(OPEN, folder), [module]))).toEqual([]);
  });

  it('--strict says why each absence was not reported', async () => {
    const notes = await run(path.join(OPEN, 'huaweicloud-elb-module'), ['modules/elb'], true);
    const messages = notes.map((f) => f.message);
    expect(messages).toContain(
      'load-balancer-without-listener could not decide huaweicloud_elb_loadbalancer.this: exported by output.id; its caller or the cloud controller may add listeners.',
    );
    expect(messages.some((m) => m.startsWith('pool-without-listener could not decide huaweicloud_elb_pool.extra[0]'))).toBe(true);
    expect(notes.every((f) => f.severity === 'note')).toBe(true);
    const clb = await run(path.join(OPEN, 'alicloud-clb-module'), ['modules/clb'], true);
    expect(clb.map((f) => f.message).join('\n')).toContain(
      "load-balancer-without-listener could not decide alicloud_slb_load_balancer.this: for_each of alicloud_slb_listener.this is unknown: var.config.listeners is an input left to the module's caller (its default is empty); the caller adds them",
    );
  });

  it.each([
    ['huaweicloud-elb-module', 'warning pool-without-members module.web.huaweicloud_elb_pool.this["HTTP-80"] modules/elb/main.tf:30:1'],
    ['alicloud-clb-module', 'warning pool-without-members module.app.alicloud_slb_load_balancer.this (default server group) modules/clb/main.tf:7:1'],
  ])('called by a root that passes a defect in (%s), it is reported at the module address', async (folder, expected) => {
    expect(brief(await run(path.join(OPEN, folder)))).toEqual([expected]);
  });

  it('a load balancer with servers attached and no listener is a defect even when exported', async () => {
    expect(brief(await run(path.join(OPEN, 'alicloud-intranet-clb')))).toEqual(['warning load-balancer-without-listener alicloud_slb_load_balancer.internal main.tf:4:1']);
  });
});

describe('a load balancer handed to Kubernetes', () => {
  it('gets its listeners from the cloud controller (Helm value through locals, CCE add-on); one nobody is given is still reported', async () => {
    expect(brief(await run(path.join(OPEN, 'huaweicloud-cce-ingress')))).toEqual(['warning load-balancer-without-listener huaweicloud_elb_loadbalancer.forgotten elb.tf:19:1']);
    const notes = await run(path.join(OPEN, 'huaweicloud-cce-ingress'), undefined, true);
    expect(notes.map((f) => f.message)).toContain(
      'load-balancer-without-listener could not decide huaweicloud_elb_loadbalancer.ingress: its id goes to helm_release.ingress_nginx (Kubernetes); its caller or the cloud controller may add listeners.',
    );
  });
});

describe('members supplied by auto scaling', () => {
  it('an AS group with lbaas_listeners fills the pool, and its security group admits the health check: no finding', async () => {
    expect(brief(await run(path.join(OPEN, 'huaweicloud-as-group', 'fed')))).toEqual([]);
  });

  it('an AS-fed pool without a monitor, and an AS group whose security group blocks the health check, are reported', async () => {
    expect(brief(await run(path.join(OPEN, 'huaweicloud-as-group', 'twins')))).toEqual([
      'error security-group-blocks-health-check huaweicloud_networking_secgroup.web network.tf:17:1',
      'warning health-check-disabled huaweicloud_lb_pool.fail_unmonitored elb.tf:14:1',
      'warning health-check-port-mismatch huaweicloud_lb_monitor.admin elb.tf:42:17',
    ]);
  });

  it('Alibaba ESS: loadbalancer_ids, a server group attachment, and one whose server group is cut out with regex() leave no pool empty', async () => {
    expect(brief(await run(path.join(OPEN, 'alicloud-ess-feed')))).toEqual([]);
  });

  it('FlexibleEngine: the group under its older name (as_group_v1) feeds the pool', async () => {
    expect(brief(await run(path.join(ALIASES, 'flexibleengine-v1-names')))).toEqual([]);
  });
});

describe('older resource names', () => {
  it('huaweicloud *_v2 / *_v1 names are the same resources: the unmonitored _v2 pool, the _v2 security group, the empty _v2 whitelist are reported', async () => {
    expect(brief(await run(path.join(ALIASES, 'huaweicloud-v2-names')))).toEqual([
      'error listener-access-control-blocks-all huaweicloud_lb_whitelist_v2.api elb.tf:69:22',
      'error security-group-blocks-backend-port huaweicloud_networking_secgroup_v2.app network.tf:19:1',
      'error security-group-blocks-health-check huaweicloud_networking_secgroup_v2.app network.tf:19:1',
      'warning health-check-disabled huaweicloud_lb_pool_v2.fail_unmonitored elb.tf:45:1',
    ]);
  });

  it('the deprecated huaweicloud fw_*_v2 firewall (ports read through data huaweicloud_networking_port_v2) filters the health checks of an as_group_v1', async () => {
    expect(brief(await run(path.join(ALIASES, 'huaweicloud-fw-as-v1')))).toEqual([
      'error network-acl-blocks-health-check huaweicloud_fw_firewall_group_v2.app network.tf:69:1',
      'error network-acl-blocks-listener huaweicloud_fw_firewall_group_v2.app network.tf:69:1',
    ]);
  });

  it('alicloud_slb with inline listeners has listeners (with their health checks); alicloud_subnet is a vSwitch whose ACL applies', async () => {
    const findings = await run(path.join(ALIASES, 'alicloud-legacy'));
    expect(brief(findings)).toEqual([
      'error network-acl-blocks-health-check alicloud_network_acl.web main.tf:73:1',
      'error network-acl-blocks-health-check alicloud_network_acl.web main.tf:73:1',
    ]);
    expect(findings.map((f) => f.message).join('\n')).toContain('the health checks of alicloud_slb.web.listener[0]');
  });
});

describe('remote_address_group_id', () => {
  const AG = path.join(TESTDATA, 'address-groups');
  it('a rule admitting an address group that holds 100.125.0.0/16 admits the health check: decided, no note even with --strict', async () => {
    const findings = await run(path.join(AG, 'admits'), undefined, true);
    expect(findings.filter((f) => f.ruleId.startsWith('security-group-'))).toEqual([]);
  });

  it('an address group of office ranges only blocks it', async () => {
    expect(brief(await run(path.join(AG, 'blocks')))).toEqual(['error security-group-blocks-health-check huaweicloud_networking_secgroup.app main.tf:28:1']);
  });
});
