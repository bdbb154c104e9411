// Issue 15, item 5: --quiet says what it hid; an ignore at the end of the finding's own line works
// and an unused one says where it applies; an undeclared --var is a warning; `explain` and SARIF
// cite public documentation and link only where the link resolves.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { runAction } from '../src/action.js';
import { REPOSITORY_URL } from '../src/version.js';
import { cli, findingsOf } from './helpers/cli-run.js';
import { ROOT, TESTDATA } from './helpers/fixtures.js';

/** The failing shared Huawei ELB (an error) plus a pool member of weight 0 (a warning). */
function elbWithWarning(memberLine = '  weight        = 0'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lblint-quiet-'));
  cpSync(path.join(TESTDATA, 'cli', 'shared-elb'), dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'drain.tf'),
    `resource "huaweicloud_lb_member" "drain" {\n  pool_id       = huaweicloud_lb_pool.web.id\n  address       = "192.168.1.10"\n  protocol_port = 8080\n${memberLine}\n  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id\n}\n`,
  );
  return dir;
}

describe('--quiet', () => {
  it('says how many warnings it hid', async () => {
    const dir = elbWithWarning();
    const all = await cli(['.', '--format', 'json'], dir);
    expect(findingsOf(all.stdout).map((f) => f.severity).sort()).toEqual(['error', 'warning']);
    const quiet = await cli(['.', '--quiet'], dir);
    expect(quiet.stdout).not.toContain('member-weight-zero');
    expect(quiet.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\) in 6 files, 1 warning hidden by --quiet\n$/);
  });

  it('with only warnings, does not say "No problems"', async () => {
    const dir = elbWithWarning();
    const run = await cli(['.', '--quiet', '--disable-rule', 'security-group-blocks-health-check'], dir);
    expect(run.stdout).toBe('✔ No errors found in 6 files, 1 warning hidden by --quiet\n');
  });
});

/** Findings not suppressed by an ignore comment (the JSON report lists suppressed ones too). */
const open = (stdout: string) => findingsOf(stdout).filter((f) => (f as { suppressed?: boolean }).suppressed !== true);

describe('inline ignores', () => {
  it('an ignore at the end of the finding’s own line suppresses it (as tflint accepts)', async () => {
    const dir = elbWithWarning('  weight        = 0 # lblint-ignore member-weight-zero -- draining before the host is retired');
    const run = await cli(['.', '--format', 'json', '--disable-rule', 'security-group-blocks-health-check'], dir);
    expect(open(run.stdout)).toEqual([]);
    expect(findingsOf(run.stdout).map((f) => f.ruleId)).toEqual(['member-weight-zero']);
    expect(run.code).toBe(0);
  });

  it('an ignore on the line above still works', async () => {
    const dir = elbWithWarning('  # lblint-ignore member-weight-zero -- draining before the host is retired\n  weight        = 0');
    const run = await cli(['.', '--format', 'json', '--disable-rule', 'security-group-blocks-health-check'], dir);
    expect(open(run.stdout)).toEqual([]);
  });

  it('an unused ignore says which lines it applies to and where an ignore goes', async () => {
    const dir = elbWithWarning('  weight        = 0\n  # lblint-ignore member-weight-zero -- placed one line too low');
    const run = await cli(['.', '--format', 'json', '--disable-rule', 'security-group-blocks-health-check'], dir);
    const unused = findingsOf(run.stdout).find((f) => f.ruleId === 'lblint-unused-ignore');
    expect(unused?.message).toBe(
      "lblint-ignore for member-weight-zero matches no finding on line 7, the block or attribute it applies to (the one starting on the comment's own line, or on the next line of code); move it there or remove it.",
    );
  });
});

describe('--var for an undeclared variable', () => {
  it('warns naming the variable and the roots, and still lints', async () => {
    const dir = elbWithWarning();
    const run = await cli(['.', '--format', 'json', '--var', 'web_count=2', '--var', 'helth_check_port=8080'], dir);
    expect(run.stderr).toBe('lblint: warning: --var helth_check_port: no linted root declares a variable "helth_check_port" (roots: .); it is not used.\n');
    expect(findingsOf(run.stdout).length).toBe(2);
  });
});

describe('documentation links', () => {
  it('explain cites public documentation by URL and no internal file, and gives no link that may not resolve', async () => {
    const run = await cli(['explain', 'security-group-blocks-health-check'], ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Source: .*https:\/\/support\.huaweicloud\.com\//);
    expect(run.stdout).not.toMatch(/seeds\/|providers\.md|DESIGN\.md|lblint\/lblint/);
    expect(run.stdout).not.toContain('More:');
  });

  it('package.json has no repository, so the CLI knows none', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository?: string | { url?: string } };
    const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    expect(REPOSITORY_URL).toBe(url);
  });

  it('CLI SARIF has no helpUri or informationUri, keeps the full help, and validates', async () => {
    const dir = elbWithWarning();
    const run = await cli(['.', '--format', 'sarif=out.sarif'], dir);
    expect(run.code).toBe(1);
    const text = readFileSync(path.join(dir, 'out.sarif'), 'utf8');
    expect(text).not.toContain('helpUri');
    expect(text).not.toContain('informationUri');
    const rule = (JSON.parse(text) as Sarif.Log).runs[0]!.tool.driver.rules!.find((r) => r.id === 'member-weight-zero')!;
    expect(rule.help?.markdown).toContain('### Failing example');
    expect(rule.help?.markdown).toMatch(/Source: .*https:\/\//);
    execFileSync('/work/shared/tools/validate-sarif.sh', [path.join(dir, 'out.sarif')], { stdio: 'pipe' });
  }, 120_000);

  it("the Action's SARIF links to the action's own repository at its ref", async () => {
    const dir = elbWithWarning();
    let stdout = '';
    const code = await runAction({
      env: { GITHUB_ACTION_REPOSITORY: 'acme/lblint-action', GITHUB_ACTION_REF: 'v1.2.0', INPUT_UPLOAD: 'false' },
      cwd: dir,
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stdout += t),
      today: '2026-11-21',
    });
    expect(code).toBe(1);
    const log = JSON.parse(readFileSync(path.join(dir, 'lblint.sarif'), 'utf8')) as Sarif.Log;
    const driver = log.runs[0]!.tool.driver;
    expect(driver.informationUri).toBe('https://github.com/acme/lblint-action');
    expect(driver.rules!.find((r) => r.id === 'member-weight-zero')!.helpUri).toBe('https://github.com/acme/lblint-action/blob/v1.2.0/docs/rules/member-weight-zero.md');
    expect(driver.rules!.find((r) => r.id === 'lblint-unused-ignore')?.helpUri ?? 'https://github.com/acme/lblint-action/blob/v1.2.0/README.md#inline-ignores').toBe(
      'https://github.com/acme/lblint-action/blob/v1.2.0/README.md#inline-ignores',
    );
  });
});

describe('a reader that closes the pipe early (lblint … | head)', () => {
  it('ends with its own exit code and no EPIPE stack trace', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'lblint.cjs'), 'testdata', '--no-color'], {
      cwd: ROOT,
      env: { ...process.env, LBLINT_CODE_CACHE: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read the first chunk only, then close our end, as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(1);
  });
});
