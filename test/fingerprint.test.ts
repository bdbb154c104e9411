// SARIF partialFingerprints identify a finding by rule, Terraform address and attribute, so
// moving unrelated lines, reordering blocks or adding files does not change them.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY } from '../src/fingerprint.js';
import { cli } from './helpers/cli-run.js';
import { TESTDATA } from './helpers/fixtures.js';

interface SarifLog {
  runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { logicalLocations: { fullyQualifiedName: string }[]; physicalLocation: { region: { startLine: number } } }[] }[] }[];
}

async function sarifOf(dir: string): Promise<SarifLog> {
  const { stdout } = await cli(['.', '--format', 'sarif', '--fail-on', 'never'], dir);
  return JSON.parse(stdout) as SarifLog;
}

/** rule + address → fingerprint, and rule + address → start line. */
function prints(log: SarifLog): { byKey: Map<string, string>; lines: Map<string, number> } {
  const byKey = new Map<string, string>();
  const lines = new Map<string, number>();
  for (const r of log.runs[0]!.results) {
    const key = `${r.ruleId} ${r.locations[0]!.logicalLocations[0]!.fullyQualifiedName}`;
    byKey.set(key, r.partialFingerprints[FINGERPRINT_KEY]!);
    lines.set(key, r.locations[0]!.physicalLocation.region.startLine);
  }
  return { byKey, lines };
}

const WEIGHT_ZERO = `
resource "huaweicloud_lb_member" "drain" {
  pool_id       = huaweicloud_lb_pool.web.id
  address       = "192.168.1.10"
  protocol_port = 8080
  weight        = 0
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}
`;

describe('partialFingerprints', () => {
  it('do not change when unrelated lines move, blocks are reordered and a file is added', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-fp-'));
    cpSync(path.join(TESTDATA, 'cli', 'shared-elb'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'drain.tf'), WEIGHT_ZERO);
    const before = prints(await sarifOf(dir));
    expect([...before.byKey.keys()].sort()).toEqual([
      'member-weight-zero huaweicloud_lb_member.drain',
      'security-group-blocks-health-check huaweicloud_networking_secgroup.fail_backend',
    ]);

    // Move lines: comments and blank lines above every finding, the monitor block to the top of elb.tf.
    const security = path.join(dir, 'security.tf');
    writeFileSync(security, `# Security groups of the web tier.\n# Reviewed by NET.\n\n${readFileSync(security, 'utf8')}`);
    writeFileSync(path.join(dir, 'drain.tf'), `\n\n\n# draining\n${WEIGHT_ZERO}`);
    const elb = readFileSync(path.join(dir, 'elb.tf'), 'utf8');
    const monitor = elb.slice(elb.indexOf('resource "huaweicloud_lb_monitor" "web"'));
    writeFileSync(path.join(dir, 'elb.tf'), `${monitor}\n${elb.slice(0, elb.indexOf('resource "huaweicloud_lb_monitor" "web"'))}`);
    // Add a file with a finding of its own.
    writeFileSync(path.join(dir, 'aaa-extra.tf'), 'resource "huaweicloud_lb_loadbalancer" "spare" {\n  vip_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id\n}\n');
    const after = prints(await sarifOf(dir));

    for (const [key, fingerprint] of before.byKey) {
      expect(after.lines.get(key), key).not.toBe(before.lines.get(key));
      expect(after.byKey.get(key), key).toBe(fingerprint);
    }
    const added = [...after.byKey.keys()].filter((k) => !before.byKey.has(k));
    expect(added).toEqual(['load-balancer-without-listener huaweicloud_lb_loadbalancer.spare']);
    expect([...before.byKey.values()]).not.toContain(after.byKey.get(added[0]!));
  });

  it('are the same from run to run and unique within a run', async () => {
    const dir = path.join(TESTDATA, 'cli', 'shared-elb');
    const a = await sarifOf(dir);
    const b = await sarifOf(dir);
    expect(a).toEqual(b);
    const values = a.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(values).size).toBe(values.length);
  });
});
