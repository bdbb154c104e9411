// --write-baseline records the fingerprints of the current findings; --baseline reports only
// findings whose fingerprint is not in the file.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli-run.js';
import { TESTDATA } from './helpers/fixtures.js';

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lblint-baseline-'));
  cpSync(path.join(TESTDATA, 'cli', 'shared-elb'), dir, { recursive: true });
  return dir;
}

const NEW_MEMBER = `resource "huaweicloud_lb_member" "drain" {
  pool_id       = huaweicloud_lb_pool.web.id
  address       = "192.168.1.10"
  protocol_port = 8080
  weight        = 0
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}
`;

describe('baseline', () => {
  it('--write-baseline writes lblint-baseline.json: versioned, sorted fingerprints; exit 0', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'drain.tf'), NEW_MEMBER);
    const r = await cli(['.', '--write-baseline'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('lblint: wrote lblint-baseline.json (2 findings)');
    const file = JSON.parse(readFileSync(path.join(dir, 'lblint-baseline.json'), 'utf8')) as { version: number; fingerprintKey: string; findings: { fingerprint: string; ruleId: string; address: string }[] };
    expect(file.version).toBe(1);
    expect(file.fingerprintKey).toBe('lblintFingerprint/v1');
    expect(file.findings.map((f) => f.ruleId).sort()).toEqual(['member-weight-zero', 'security-group-blocks-health-check']);
    const prints = file.findings.map((f) => f.fingerprint);
    expect(prints).toEqual([...prints].sort());
    // The same fingerprints as the SARIF report.
    const sarif = JSON.parse((await cli(['.', '--format', 'sarif'], dir)).stdout) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
    expect(sarif.runs[0]!.results.map((x) => x.partialFingerprints['lblintFingerprint/v1']).sort()).toEqual(prints);
  });

  it('--baseline reports only findings that are not in it', async () => {
    const dir = project();
    expect((await cli(['.', '--write-baseline', 'base.json'], dir)).code).toBe(0);
    expect(existsSync(path.join(dir, 'base.json'))).toBe(true);

    const same = await cli(['.', '--baseline', 'base.json'], dir);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No problems found in 5 files, 1 in the baseline');

    writeFileSync(path.join(dir, 'drain.tf'), NEW_MEMBER);
    const json = await cli(['.', '--baseline', 'base.json', '--format', 'json', '--fail-on', 'warning'], dir);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: { ruleId: string; address: string }[] };
    expect(report.findings.map((f) => `${f.ruleId} ${f.address}`)).toEqual(['member-weight-zero huaweicloud_lb_member.drain']);
  });

  it('a baseline that is not one is a usage error that says what to do', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ version: 7, findings: [] }));
    const r = await cli(['.', '--baseline', 'bad.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json: unsupported baseline version 7; this lblint reads version 1. Write a new one with --write-baseline.');
    const missing = await cli(['.', '--baseline', 'nope.json'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--baseline:');
  });
});
