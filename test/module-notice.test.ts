// Issue 15, item 3: results do not depend on the current folder, and a module call lblint cannot
// load is never silent: one notice on stderr names the calls and what to do; --strict notes name
// the call that left a verdict open.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, findingsOf } from './helpers/cli-run.js';
import { TESTDATA } from './helpers/fixtures.js';

const CALLER = path.join(TESTDATA, 'cli', 'module-caller');
const ERROR = { ruleId: 'security-group-blocks-health-check', address: 'module.web.huaweicloud_networking_secgroup.fail_backend' };

const found = (stdout: string) => findingsOf(stdout).map((f) => ({ ruleId: f.ruleId, address: f.address }));

describe('results do not depend on the current folder', () => {
  it.each([
    ['the root', '.', '.'],
    ['the module folder, with ../..', 'modules/web', '../..'],
    ['the module folder, with the absolute path', 'modules/web', CALLER],
    ['the modules folder, with ..', 'modules', '..'],
  ])('from %s the module call is followed', async (_name, cwd, arg) => {
    const run = await cli([arg, '--format', 'json'], path.join(CALLER, cwd));
    expect(run.stderr).toBe('');
    expect(found(run.stdout)).toEqual([ERROR]);
    expect(run.code).toBe(1);
  });
});

describe('a module call that is not loaded is never silent', () => {
  /** module-caller plus a registry module `terraform init` has not fetched. */
  function withRegistryModule(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-notice-'));
    cpSync(CALLER, dir, { recursive: true });
    appendFileSync(path.join(dir, 'main.tf'), '\nmodule "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n  cidr    = "10.10.0.0/16"\n}\n');
    return dir;
  }

  it('one notice by default names the call and says to run terraform init (the module may add the missing rule, so the error is left open)', async () => {
    const dir = withRegistryModule();
    const run = await cli(['.', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect(found(run.stdout)).toEqual([]);
    expect(run.stderr).toBe(
      'lblint: notice: 1 module call not loaded, so its resources are not linted and its outputs are unknown:\n' +
        'lblint:   main.tf:20:13: module.vpc (source "terraform-aws-modules/vpc/aws"): not fetched (no entry in .terraform/modules/modules.json)\n' +
        'lblint:   To lint it, run `terraform init` in the root folder first (lblint never downloads modules). Run with --strict for the verdicts they leave open.\n',
    );
  });

  it('--strict notes name the call that left the security-group verdicts open', async () => {
    const dir = withRegistryModule();
    const run = await cli(['.', '--format', 'json', '--strict'], dir);
    const notes = findingsOf(run.stdout).filter((f) => f.severity === 'note');
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note.message).toContain('module.vpc (source "terraform-aws-modules/vpc/aws") was not found, and it may add a rule to this group');
    expect(run.stderr).toContain('The --strict notes say which verdicts they leave open.');
  });

  it('a fetched module (in .terraform/modules) gives no notice', async () => {
    const dir = withRegistryModule();
    cpSync(path.join(CALLER, 'modules', 'web'), path.join(dir, '.terraform', 'modules', 'vpc'), { recursive: true });
    writeFileSync(
      path.join(dir, '.terraform', 'modules', 'modules.json'),
      JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Version: '5.0.0', Dir: '.terraform/modules/vpc' }] }),
    );
    const run = await cli(['.', '--format', 'json'], dir);
    expect(run.stderr).not.toContain('notice');
  });
});
