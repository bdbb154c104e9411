// Issue 15, items 2 and 4: every config value is validated in full (CIDRs: address, octets, prefix
// length, host bits, IPv6 too; rule ids, severities, families, failOn, unknown keys with the
// nearest valid one), an invalid config is exit 2 naming the file and the key; `exclude` globs are
// relative to the config file's folder, whatever the current folder.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cidrProblem, didYouMean } from '../src/config.js';
import { cli, findingsOf } from './helpers/cli-run.js';
import { TESTDATA } from './helpers/fixtures.js';

/** The failing shared Huawei ELB (security group without the 100.125.0.0/16 rule) with `.lblint.json` beside it. */
function sharedElb(config: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lblint-cfgval-'));
  cpSync(path.join(TESTDATA, 'cli', 'shared-elb'), dir, { recursive: true });
  writeFileSync(path.join(dir, '.lblint.json'), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return dir;
}

describe('config values are validated in full', () => {
  it.each([
    ['a prefix length over 32', ['100.125.0.0/33'], 'healthCheckSources.huaweicloud[0]', /\/33 is more than 32/],
    ['an octet over 255', ['300.1.2.3/16'], 'healthCheckSources.huaweicloud[0]', /"300\.1\.2\.3" is not an IPv4 or IPv6 address \(each octet is 0-255/],
    ['a leading zero', ['100.125.0.010/32'], 'healthCheckSources.huaweicloud[0]', /not an IPv4 or IPv6 address/],
    ['host bits', ['100.125.0.0/16', '100.126.1.0/16'], 'healthCheckSources.huaweicloud[1]', /has host bits set; the network is 100\.126\.0\.0\/16/],
    ['no prefix', ['100.125.0.0'], 'healthCheckSources.huaweicloud[0]', /not a CIDR/],
    ['an IPv6 prefix over 128', ['100.125.0.0/16', '2001:db8::/129'], 'healthCheckSources.huaweicloud[1]', /\/129 is more than 128/],
    ['a bad IPv6 address', ['100.125.0.0/16', '2001:db8::g/64'], 'healthCheckSources.huaweicloud[1]', /not an IPv4 or IPv6 address/],
    ['IPv6 only', ['2001:db8::/32'], 'healthCheckSources.huaweicloud', /needs at least one IPv4 range/],
    ['an empty list', [], 'healthCheckSources.huaweicloud', /needs at least one IPv4 range/],
  ])('healthCheckSources with %s is exit 2 naming the file and the entry; the checks are not silently skipped', async (_name, cidrs, key, reason) => {
    const dir = sharedElb({ healthCheckSources: { huaweicloud: cidrs } });
    const run = await cli(['.', '--format', 'json'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`.lblint.json: ${key}`);
    expect(run.stderr).toMatch(reason);
  });

  it('a valid list with an IPv6 range besides the IPv4 one keeps the checks on', async () => {
    const dir = sharedElb({ healthCheckSources: { huaweicloud: ['100.125.0.0/16', '2001:db8::/32'] } });
    const run = await cli(['.', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(findingsOf(run.stdout).map((f) => f.ruleId)).toContain('security-group-blocks-health-check');
  });

  it.each([
    ['an unknown key', { healthCheckSource: { huaweicloud: ['100.125.0.0/16'] } }, "unknown key 'healthCheckSource'. Did you mean 'healthCheckSources'?"],
    ['an unknown key in another case', { FailOn: 'error' }, "unknown key 'FailOn'. Did you mean 'failOn'?"],
    ['an unknown rule id', { rules: { 'member-weight-zer': false } }, "rules: unknown rule 'member-weight-zer'. Did you mean 'member-weight-zero'?"],
    ['a misspelt severity', { rules: { 'member-weight-zero': 'warn' } }, `rules.member-weight-zero: expected true, false, "error", "warning" or "note", got "warn". Did you mean 'warning'?`],
    ['an unknown family', { healthCheckSources: { huaweiclod: ['100.125.0.0/16'] } }, "healthCheckSources: unknown family 'huaweiclod'. Did you mean 'huaweicloud'?"],
    ['a misspelt failOn', { failOn: 'warnings' }, "failOn: expected one of error, warning, note, never, got \"warnings\". Did you mean 'warning'?"],
    ['an exclude glob leaving the folder', { exclude: ['../examples/**'] }, 'exclude[0]: "../examples/**" must be a glob relative to the folder of'],
    ['an empty exclude glob', { exclude: [''] }, 'exclude[0]: an empty pattern matches nothing.'],
    ['a negated exclude glob', { exclude: ['examples/**', '!examples/keep/**'] }, 'exclude[1]: "!examples/keep/**": negation (!) and comments (#) are not supported'],
  ])('%s is exit 2 naming the file and the key', async (_name, config, message) => {
    const dir = sharedElb(config);
    const run = await cli(['.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.lblint.json: ');
    expect(run.stderr).toContain(message);
  });

  it('suggests nothing when no valid key is near', () => {
    expect(didYouMean('zzzz', ['rules', 'exclude'])).toBe('');
    expect(cidrProblem('100.64.0.0/10')).toBeUndefined();
    expect(cidrProblem('::/0')).toBeUndefined();
  });
});

describe('exclude globs are relative to the config file', () => {
  /** cfg/.lblint.json excludes examples/**; cfg/app is the fixed ELB, cfg/examples the failing one. */
  function tree(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-exclude-'));
    mkdirSync(path.join(dir, 'cfg'));
    cpSync(path.join(TESTDATA, 'cli', 'shared-elb-fixed'), path.join(dir, 'cfg', 'app'), { recursive: true });
    cpSync(path.join(TESTDATA, 'cli', 'shared-elb'), path.join(dir, 'cfg', 'examples', 'web'), { recursive: true });
    writeFileSync(path.join(dir, 'cfg', '.lblint.json'), JSON.stringify({ exclude: ['examples/**'] }));
    return dir;
  }

  it.each([
    ['the config folder', 'cfg', ['.']],
    ['its parent', '.', ['cfg']],
    ['a folder beside the linted one', 'cfg/app', ['..']],
  ])('from %s the excluded folder is not linted', async (_name, cwd, args) => {
    const dir = tree();
    const run = await cli([...args, '--format', 'json'], path.join(dir, cwd));
    expect(run.stderr).toBe('');
    expect(findingsOf(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('a glob does not reach a folder of the same name outside the config folder', async () => {
    const dir = tree();
    cpSync(path.join(TESTDATA, 'cli', 'shared-elb'), path.join(dir, 'examples', 'web'), { recursive: true });
    const run = await cli(['examples', '--config', 'cfg/.lblint.json', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(findingsOf(run.stdout).length).toBeGreaterThan(0);
  });
});

describe('command-line rule ids and levels get the same suggestions', () => {
  it.each([
    [['--rule', 'member-weight-zer'], "--rule: unknown rule 'member-weight-zer'. Did you mean 'member-weight-zero'?"],
    [['--disable-rule', 'pool-without-listner'], "--disable-rule: unknown rule 'pool-without-listner'. Did you mean 'pool-without-listener'?"],
    [['--severity', 'member-weight-zero=warn'], "--severity member-weight-zero=warn: expected one of error, warning, note. Did you mean 'warning'?"],
  ])('%j is exit 2 with the nearest valid value', async (args, message) => {
    const dir = sharedElb({});
    const run = await cli(['.', ...args], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
