// The CLI end to end, in-process: exit codes, formats, files, usage errors, unknown values,
// broken files next to good ones, inline ignores.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli-run.js';
import { TESTDATA } from './helpers/fixtures.js';

const SG_FIXTURE = path.join(TESTDATA, 'cli');

function tempCopy(from: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lblint-cli-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

describe('exit codes', () => {
  it('exits 1 with located findings on a failing configuration', async () => {
    const r = await cli(['shared-elb'], SG_FIXTURE);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('shared-elb/security.tf:1:1  error  huaweicloud_networking_secgroup.fail_backend admits no TCP port 8080 from 100.125.0.0/16');
    expect(r.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\)/);
  });

  it('exits 0 on a passing configuration', async () => {
    const r = await cli(['shared-elb-fixed'], SG_FIXTURE);
    expect(r.stdout).toContain('No problems found');
    expect(r.code).toBe(0);
  });

  it('--fail-on never exits 0 even with errors', async () => {
    expect((await cli(['shared-elb', '--fail-on', 'never'], SG_FIXTURE)).code).toBe(0);
  });

  it('--fail-on with an unknown level is a usage error naming the allowed values', async () => {
    const r = await cli(['shared-elb', '--fail-on', 'fatal'], SG_FIXTURE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown --fail-on 'fatal'. Expected one of: error, warning, note, never.");
  });

  it('an unknown format is a usage error naming the allowed formats', async () => {
    const r = await cli(['shared-elb', '--format', 'sarf'], SG_FIXTURE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown format 'sarf'. Expected one of: text, json, sarif, github, junit, checkstyle, gitlab, compact.");
  });

  it('an unknown rule id is a usage error', async () => {
    const r = await cli(['shared-elb', '--rule', 'no-such-rule'], SG_FIXTURE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown rule 'no-such-rule'");
  });

  it('a bad --var is a usage error', async () => {
    const r = await cli(['shared-elb', '--var', '=x'], SG_FIXTURE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Bad --var '=x'. Expected NAME=VALUE");
  });

  it('a path that does not exist exits 2 with a one-line message', async () => {
    const r = await cli(['nowhere'], SG_FIXTURE);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain("'nowhere' does not exist");
    expect(r.stderr).not.toContain('    at ');
  });
});

describe('--help', () => {
  it('names every option once and prints no empty default of the repeatable ones', async () => {
    const r = await cli(['--help'], TESTDATA);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--disable-rule <id>');
    expect(r.stdout).not.toContain('(default: [])');
  });

  it('repeatable options still collect every value', async () => {
    const r = await cli(['cli/shared-elb', '--rule', 'member-weight-zero', '--rule', 'security-group-blocks-health-check', '--format', 'json'], TESTDATA);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['security-group-blocks-health-check']);
  });
});

describe('broken files', () => {
  it('reports a located error for a broken file and still lints the good one', async () => {
    const dir = tempCopy(path.join(SG_FIXTURE, 'shared-elb'));
    writeFileSync(path.join(dir, 'broken.tf'), 'resource "huaweicloud_vpc" "x" {\n  name = \n}\n');
    const r = await cli(['.', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout) as { findings: { ruleId: string }[]; errors: { file: string; location: { start: { line: number; column: number } } | null; message: string }[] };
    expect(r.code).toBe(2);
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0]!.file).toBe('broken.tf');
    expect(json.errors[0]!.location?.start).toEqual({ line: 2, column: 10 });
    expect(json.errors[0]!.message).toMatch(/Invalid expression/);
    expect(json.findings.map((f) => f.ruleId)).toContain('security-group-blocks-health-check');
  });
});

describe('unknown values', () => {
  const make = () => {
    const dir = tempCopy(path.join(SG_FIXTURE, 'shared-elb'));
    // The variable loses its default: the verdict now depends on an Unknown.
    const vars = readFileSync(path.join(dir, 'variables.tf'), 'utf8').replace('  default = "192.168.0.0/16"\n', '');
    writeFileSync(path.join(dir, 'variables.tf'), vars);
    return dir;
  };

  it('stay silent without --strict', async () => {
    const r = await cli(['.', '--rule', 'security-group-blocks-health-check'], make());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No problems found');
  });

  it('become notes naming the unknown value with --strict', async () => {
    const r = await cli(['.', '--strict', '--rule', 'security-group-blocks-health-check', '--format', 'json'], make());
    const json = JSON.parse(r.stdout) as { findings: { severity: string; message: string }[] };
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.findings.every((f) => f.severity === 'note')).toBe(true);
    expect(json.findings.map((f) => f.message).join('\n')).toContain('var.vpc_cidr has no value');
  });

  it('are listed on stderr with --verbose', async () => {
    const r = await cli(['.', '--verbose', '--rule', 'security-group-blocks-health-check'], make());
    expect(r.stderr).toContain('var.vpc_cidr has no value');
  });

  it('a --var value makes the verdict known again', async () => {
    const r = await cli(['.', '--rule', 'security-group-blocks-health-check', '--var', 'vpc_cidr=192.168.0.0/16'], make());
    expect(r.code).toBe(1);
  });

  it('TF_VAR_ values count too', async () => {
    const r = await cli(['.', '--rule', 'security-group-blocks-health-check'], make(), { TF_VAR_vpc_cidr: '192.168.0.0/16' });
    expect(r.code).toBe(1);
  });
});

describe('output files', () => {
  it('writes several formats at once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-out-'));
    const r = await cli(['shared-elb', '--format', `sarif=${path.join(dir, 'out.sarif')}`, '--format', `json=${path.join(dir, 'out.json')}`, '--format', 'text'], SG_FIXTURE);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results).toHaveLength(1);
    expect(existsSync(path.join(dir, 'out.json'))).toBe(true);
    expect(r.stdout).toContain('security-group-blocks-health-check');
  });

  it('does not create missing folders', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-out-'));
    const r = await cli(['shared-elb', '--output', path.join(dir, 'missing', 'out.txt')], SG_FIXTURE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist');
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
  });
});

describe('subcommands', () => {
  it('rules lists every rule with severity and providers', async () => {
    const r = await cli(['rules'], TESTDATA);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^RULE\s+SEVERITY\s+PROVIDERS\s+TITLE/);
    expect(r.stdout).toMatch(/security-group-blocks-health-check\s+error\s+huaweicloud/);
  });

  it('explain prints why, fix and examples', async () => {
    const r = await cli(['explain', 'member-weight-zero'], TESTDATA);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Why:');
    expect(r.stdout).toContain('Failing example:');
    expect(r.stdout).toContain('weight        = 0');
  });

  it('explain of an unknown rule exits 2', async () => {
    const r = await cli(['explain', 'nope'], TESTDATA);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown rule 'nope'");
  });

  it('init writes a config that lblint accepts, and never overwrites it', async () => {
    const dir = tempCopy(path.join(SG_FIXTURE, 'shared-elb'));
    expect((await cli(['init'], dir)).code).toBe(0);
    expect((await cli(['.'], dir)).code).toBe(1);
    const again = await cli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});

describe('config file', () => {
  it('turns rules off and changes severities', async () => {
    const dir = tempCopy(path.join(SG_FIXTURE, 'shared-elb'));
    writeFileSync(path.join(dir, '.lblint.json'), JSON.stringify({ rules: { 'security-group-blocks-health-check': 'warning' } }));
    const r = await cli(['.', '--rule', 'security-group-blocks-health-check'], dir);
    expect(r.stdout).toContain('warning  huaweicloud_networking_secgroup.fail_backend');
    expect(r.code).toBe(0);
  });

  it('adds health-check source ranges per family', async () => {
    const dir = tempCopy(path.join(SG_FIXTURE, 'shared-elb'));
    writeFileSync(path.join(dir, '.lblint.json'), JSON.stringify({ healthCheckSources: { huaweicloud: ['100.125.0.0/16', '100.126.0.0/16'] } }));
    const r = await cli(['.', '--rule', 'security-group-blocks-health-check'], dir);
    expect(r.stdout).toContain('from 100.125.0.0/16, 100.126.0.0/16');
  });

  it('an invalid key is a clear error with exit 2', async () => {
    const dir = tempCopy(path.join(SG_FIXTURE, 'shared-elb'));
    writeFileSync(path.join(dir, '.lblint.json'), JSON.stringify({ rulez: {} }));
    const r = await cli(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown key 'rulez'. Did you mean 'rules'? Expected one of: rules, healthCheckSources, exclude, failOn.");
  });
});

describe('inline ignores', () => {
  const withComment = (comment: string) => {
    const dir = tempCopy(path.join(SG_FIXTURE, 'shared-elb'));
    const file = path.join(dir, 'security.tf');
    writeFileSync(file, `${comment}\n${readFileSync(file, 'utf8')}`);
    mkdirSync(path.join(dir, 'unused'), { recursive: true });
    return dir;
  };

  it('suppress the finding of the block below, with a reason', async () => {
    const dir = withComment('# lblint-ignore security-group-blocks-health-check -- health checks arrive via the NAT gateway (NET-42)');
    const r = await cli(['.', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout) as { findings: { ruleId: string; suppressed: boolean; justification: string | null }[] };
    const f = json.findings.find((x) => x.ruleId === 'security-group-blocks-health-check');
    expect(f?.suppressed).toBe(true);
    expect(f?.justification).toBe('health checks arrive via the NAT gateway (NET-42)');
    expect(r.code).toBe(0);
  });

  it('without a reason do not suppress and are reported', async () => {
    const dir = withComment('# lblint-ignore security-group-blocks-health-check');
    const r = await cli(['.'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('lblint-unused-ignore');
  });

  it('that expired stop working and say so', async () => {
    const dir = withComment('# lblint-ignore security-group-blocks-health-check until=2026-01-31 -- temporary');
    const r = await cli(['.'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('expired on 2026-01-31');
  });

  it('that match nothing are reported', async () => {
    const dir = withComment('# lblint-ignore member-weight-zero -- not needed any more');
    const r = await cli(['.'], dir);
    expect(r.stdout).toMatch(/lblint-ignore for member-weight-zero matches no finding/);
  });

  it('are ignored with --no-inline-ignores', async () => {
    const dir = withComment('# lblint-ignore security-group-blocks-health-check -- reason');
    const r = await cli(['.', '--no-inline-ignores'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('lblint-unused-ignore');
  });
});

describe('SARIF for a shared ELB whose backend security group admits only the VPC CIDR', () => {
  it('points at the security group, relates the monitor, pool and members, and validates', { timeout: 120_000 }, async () => {
    const { validateSarif } = await import('./helpers/sarif-validate.js');
    const r = await cli(['shared-elb', '--format', 'sarif'], SG_FIXTURE);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> }; logicalLocations: { fullyQualifiedName: string }[] }[];
          relatedLocations: { message: { text: string } }[];
          partialFingerprints: Record<string, string>;
        }[];
      }[];
    };
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(1);
    const result = run.results[0]!;
    expect(result.ruleId).toBe('security-group-blocks-health-check');
    expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('shared-elb/security.tf');
    expect(result.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 58 });
    expect(result.locations[0]!.logicalLocations[0]!.fullyQualifiedName).toBe('huaweicloud_networking_secgroup.fail_backend');
    const related = result.relatedLocations.map((l) => l.message.text).join('\n');
    expect(related).toContain('huaweicloud_lb_monitor.web');
    expect(related).toContain('huaweicloud_lb_pool.web');
    expect(related).toContain('huaweicloud_lb_member.web[0]');
    expect(Object.keys(result.partialFingerprints).length).toBeGreaterThan(0);
    expect((await validateSarif(r.stdout)).errors).toEqual([]);
  });
});

describe('a shared-ELB module called from a root', () => {
  it('reports once, with the module address, the file inside the module and the calling block', async () => {
    const r = await cli(['module-caller', '--format', 'json'], SG_FIXTURE);
    const json = JSON.parse(r.stdout) as {
      findings: { ruleId: string; address: string; location: { file: string; start: { line: number } }; related: { address: string | null; location: { file: string; start: { line: number } } }[] }[];
    };
    expect(r.code).toBe(1);
    expect(json.findings).toHaveLength(1);
    const f = json.findings[0]!;
    expect(f.ruleId).toBe('security-group-blocks-health-check');
    expect(f.address).toBe('module.web.huaweicloud_networking_secgroup.fail_backend');
    expect(f.location.file).toBe('module-caller/modules/web/security.tf');
    const call = f.related.find((x) => x.address === 'module.web');
    expect(call?.location.file).toBe('module-caller/main.tf');
    expect(call?.location.start.line).toBe(10);
    expect(f.related.map((x) => x.address)).toContain('module.web.huaweicloud_lb_member.web[2]');
  });
});
