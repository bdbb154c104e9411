// Config files: .lblint.json, .lblint.yml and .lblint.yaml, found upward from the linted path or
// given with --config; the same keys; invalid ones are a clear error (key and allowed values), exit 2.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INIT_CONFIG, INIT_CONFIG_YAML, parseConfig } from '../src/config.js';
import { rules } from '../rules/index.js';
import { cli } from './helpers/cli-run.js';
import { TESTDATA } from './helpers/fixtures.js';

/** A repository with the failing shared ELB under infra/web and the config at the top. */
function repo(configName: string, config: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lblint-config-'));
  mkdirSync(path.join(dir, 'infra'));
  cpSync(path.join(TESTDATA, 'cli', 'shared-elb'), path.join(dir, 'infra', 'web'), { recursive: true });
  writeFileSync(path.join(dir, configName), config);
  return dir;
}

const known = new Set(rules.map((r) => r.id));

describe('YAML config', () => {
  it.each(['.lblint.yml', '.lblint.yaml'])('%s is found upward from the linted path', async (name) => {
    const dir = repo(name, 'rules:\n  security-group-blocks-health-check: warning\n');
    const r = await cli(['web'], path.join(dir, 'infra'));
    expect(r.stdout).toContain('warning  huaweicloud_networking_secgroup.fail_backend');
    expect(r.code).toBe(0);
  });

  it('--config names a YAML file anywhere', async () => {
    const dir = repo('elsewhere.yml', 'failOn: never\n');
    const r = await cli(['infra/web', '--config', 'elsewhere.yml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('error  huaweicloud_networking_secgroup.fail_backend');
  });

  it.each([
    ['an unknown key', 'rulez: {}\n', "unknown key 'rulez'. Did you mean 'rules'? Expected one of: rules, healthCheckSources, exclude, failOn."],
    ['a bad severity', 'rules:\n  member-weight-zero: fatal\n', 'rules.member-weight-zero: expected true, false, "error", "warning" or "note", got "fatal".'],
    ['an unknown rule', 'rules:\n  no-such-rule: false\n', "rules: unknown rule 'no-such-rule'."],
    ['a bad failOn (YAML 1.2: no stays a string)', 'failOn: no\n', 'failOn: expected one of error, warning, note, never, got "no".'],
    ['an unknown family', 'healthCheckSources:\n  aws: [10.0.0.0/8]\n', "healthCheckSources: unknown family 'aws'. Expected one of: huaweicloud, opentelekomcloud, flexibleengine, alicloud, alicloud-alb, alicloud-nlb."],
    ['a CIDR that is not one', 'healthCheckSources:\n  huaweicloud: [everywhere]\n', 'healthCheckSources.huaweicloud[0]: "everywhere" is not a CIDR (address/prefix length, e.g. 100.125.0.0/16).'],
    ['exclude as a string', 'exclude: examples/**\n', 'exclude: expected a list of glob patterns such as ["examples/**"], got "examples/**".'],
    ['a list at the top', '- rules\n', 'expected a YAML mapping with the keys rules, healthCheckSources, exclude, failOn.'],
    ['a duplicate key', 'failOn: error\nfailOn: warning\n', 'not valid YAML at line 2, column 1'],
    ['broken YAML', 'rules: [\n', 'not valid YAML at line'],
  ])('%s is a clear error with exit 2', async (_name, text, message) => {
    const dir = repo('.lblint.yml', text);
    const r = await cli(['infra/web'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('.lblint.yml');
    expect(r.stderr).not.toContain('    at ');
  });

  it('two config files in one folder are an error that names both', async () => {
    const dir = repo('.lblint.yml', 'failOn: never\n');
    writeFileSync(path.join(dir, '.lblint.json'), '{}');
    const r = await cli(['infra/web'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.lblint\.json' and '.*\.lblint\.yml' are in the same folder; keep one, or choose with --config\./);
  });

  it('an empty YAML file is an empty config', () => {
    expect(parseConfig('# nothing yet\n', '.lblint.yml', known)).toEqual({ rules: {}, healthCheckSources: {}, exclude: [] });
  });

  it('the JSON and YAML configs that init writes mean the same', () => {
    expect(parseConfig(INIT_CONFIG_YAML, '.lblint.yml', known)).toEqual(parseConfig(INIT_CONFIG, '.lblint.json', known));
  });
});

describe('lblint init', () => {
  it('--format yml writes a commented .lblint.yml that lblint then uses', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-init-'));
    cpSync(path.join(TESTDATA, 'cli', 'shared-elb'), dir, { recursive: true });
    const r = await cli(['init', '--format', 'yml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Wrote .lblint.yml\n');
    const text = readFileSync(path.join(dir, '.lblint.yml'), 'utf8');
    expect(text).toMatch(/^# lblint configuration/);
    expect(text).toContain('# Add 100.126.0.0/16 for Huawei Cloud eu-west-0');
    expect((await cli(['.'], dir)).code).toBe(1);
    expect((await cli(['init', '--format', 'yml'], dir)).stderr).toContain('already exists');
    expect((await cli(['init', '--format', 'toml'], dir)).stderr).toContain("Unknown init format 'toml'. Expected one of: json, yml.");
  });

  it('writes .lblint.json by default', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-init-'));
    expect((await cli(['init'], dir)).stdout).toBe('Wrote .lblint.json\n');
    expect(readFileSync(path.join(dir, '.lblint.json'), 'utf8')).toBe(INIT_CONFIG);
  });
});
