// Issue 15, item 1: no writer of lblint (--write-baseline, -o, --format FMT=FILE, init, the cache
// folder, the Action's sarif-file) ever writes over a Terraform file, a folder, or an existing file
// lblint did not write. Each refusal is a usage error (exit 2) naming the file, and every file of
// the project is byte for byte what it was.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../src/action.js';
import { cli } from './helpers/cli-run.js';
import { TESTDATA } from './helpers/fixtures.js';

/** A copy of testdata/cli/module-caller (a root calling a local module, count, variables, several files) in a temporary folder. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lblint-write-'));
  cpSync(path.join(TESTDATA, 'cli', 'module-caller'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'terraform.tfvars'), 'instance_count = 3\n');
  writeFileSync(path.join(dir, 'NOTES.md'), '# Notes of the team\n\nDo not lose these.\n');
  return dir;
}

/** Every file under `dir` with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const abs = path.join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.set(path.relative(dir, abs), readFileSync(abs));
    }
  };
  walk(dir);
  return out;
}

async function expectRefused(args: string[], file: string, reason: RegExp): Promise<void> {
  const dir = project();
  const before = snapshot(dir);
  const run = await cli(args, dir);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`'${file}'`);
  expect(run.stderr).toMatch(reason);
  expect(run.stdout).toBe('');
  expect(snapshot(dir)).toEqual(before);
}

describe('writers refuse to write over what lblint did not write', () => {
  it('--write-baseline followed by a Terraform file lints that file and writes the default baseline, leaving the .tf file as it was', async () => {
    const dir = project();
    const tf = readFileSync(path.join(dir, 'modules/web/elb.tf'));
    const run = await cli(['--write-baseline', 'modules/web/elb.tf', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(dir, 'modules/web/elb.tf'))).toEqual(tf);
    expect(run.stderr).toContain('wrote lblint-baseline.json');
    expect(JSON.parse(readFileSync(path.join(dir, 'lblint-baseline.json'), 'utf8')).version).toBe(1);
  });

  it('--write-baseline followed by a folder lints the folder', async () => {
    const dir = project();
    const run = await cli(['--write-baseline', 'modules', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect(statSync(path.join(dir, 'modules')).isDirectory()).toBe(true);
    expect(existsSync(path.join(dir, 'lblint-baseline.json'))).toBe(true);
  });

  it.each([
    ['--write-baseline=FILE on a .tf file', ['--write-baseline=main.tf'], 'main.tf', /Terraform file/],
    ['--write-baseline=FILE on a .tfvars file', ['--write-baseline=terraform.tfvars'], 'terraform.tfvars', /Terraform file/],
    ['--write-baseline=FILE on a folder', ['--write-baseline=modules'], 'modules', /folder/],
    ['--write-baseline=FILE on a user file', ['--write-baseline=NOTES.md'], 'NOTES.md', /not a baseline lblint wrote/],
    ['-o on a .tf file', ['-o', 'main.tf'], 'main.tf', /Terraform file/],
    ['-o on a .tf.json file', ['-o', 'override.tf.json'], 'override.tf.json', /Terraform file/],
    ['-o on a .tofu file', ['-o', 'main.tofu'], 'main.tofu', /Terraform file/],
    ['-o on a folder', ['-o', 'modules/web'], 'modules/web', /folder/],
    ['-o on a user file', ['--output', 'NOTES.md'], 'NOTES.md', /not a report lblint wrote/],
    ['--format FMT=FILE on a .tf file', ['--format', 'sarif=modules/web/elb.tf'], 'modules/web/elb.tf', /Terraform file/],
    ['--format FMT=FILE on a .tfvars.json file', ['--format', 'json=prod.tfvars.json'], 'prod.tfvars.json', /Terraform file/],
    ['--format FMT=FILE on a user file', ['--format', 'text=NOTES.md', '--format', 'json'], 'NOTES.md', /not a report lblint wrote/],
    ['--cache-location on a file', ['--cache-location', 'main.tf'], 'main.tf', /not a folder/],
    ['two outputs on one file', ['--format', 'json=out.json', '--format', 'sarif=./out.json'], './out.json', /named twice as an output/],
    ['a report and the baseline on one file', ['-o', 'out.json', '--write-baseline=out.json'], 'out.json', /named twice as an output/],
  ])('%s: exit 2, nothing written', async (_name, args, file, reason) => {
    await expectRefused(args, file, reason);
  });

  it('a report lblint wrote is overwritten (any format), a baseline is not overwritten by a report, nor a report by a baseline', async () => {
    const dir = project();
    for (const format of ['json', 'sarif', 'text', 'github', 'junit', 'checkstyle', 'gitlab', 'compact']) {
      writeFileSync(path.join(dir, 'report.out'), '');
      expect((await cli(['--format', `${format}=report.out`], dir)).code).toBe(1);
      const first = readFileSync(path.join(dir, 'report.out'), 'utf8');
      expect(first.length).toBeGreaterThan(0);
      const again = await cli(['--format', `${format}=report.out`], dir);
      expect(again.code, `${format}: ${again.stderr}`).toBe(1);
      // The same report again (JUnit's timestamp is the time of the run: it may be the next second).
      const stamp = (t: string) => t.replace(/timestamp="[^"]*"/g, 'timestamp=""');
      expect(stamp(readFileSync(path.join(dir, 'report.out'), 'utf8'))).toBe(stamp(first));
    }
    expect((await cli(['--write-baseline=base.json'], dir)).code).toBe(0);
    expect((await cli(['--write-baseline=base.json'], dir)).code).toBe(0);
    const baseline = readFileSync(path.join(dir, 'base.json'));
    const overReport = await cli(['-o', 'base.json'], dir);
    expect(overReport.code).toBe(2);
    expect(overReport.stderr).toContain("'base.json'");
    expect(readFileSync(path.join(dir, 'base.json'))).toEqual(baseline);
    const overBaseline = await cli(['--write-baseline=report.out'], dir);
    expect(overBaseline.code).toBe(2);
    expect(overBaseline.stderr).toMatch(/'report\.out'.*not a baseline lblint wrote/);
  });

  it.each([
    ['a GitLab report of another tool', 'gitlab', '[{"type":"issue","check_name":"no-unused-vars","description":"x","fingerprint":"1","severity":"minor","location":{"path":"a.js","lines":{"begin":1}}}]\n'],
    ['a checkstyle report of another tool', 'checkstyle', '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n  <file name="a.js">\n    <error line="1" column="1" severity="error" message="x" source="eslint.rules.no-unused-vars"/>\n  </file>\n</checkstyle>\n'],
    ['a compact report of another tool', 'compact', 'a.js:1:1: error no-unused-vars x is unused\n'],
  ])('%s is not overwritten', async (_name, format, content) => {
    const dir = project();
    writeFileSync(path.join(dir, 'other.report'), content);
    const before = snapshot(dir);
    const run = await cli(['--format', `${format}=other.report`], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'other.report': it exists and is not a report lblint wrote");
    expect(snapshot(dir)).toEqual(before);
  });

  it('a device or a pipe is written to: -o /dev/null, --format sarif=/dev/null, --write-baseline=/dev/null', async () => {
    const dir = project();
    const before = snapshot(dir);
    for (const args of [['--format', 'json', '-o', '/dev/null'], ['--format', 'sarif=/dev/null', '--format', 'text'], ['--write-baseline=/dev/null']]) {
      const run = await cli(args, dir);
      expect(run.stderr, args.join(' ')).not.toContain('refusing');
      expect([0, 1], args.join(' ')).toContain(run.code);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('--cache-location refuses a folder whose cache file lblint did not write, and reuses its own', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'tmp'));
    writeFileSync(path.join(dir, 'tmp', 'parse-cache.json'), '{"mine": true}\n');
    const before = snapshot(dir);
    const refused = await cli(['--cache-location', 'tmp'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/'tmp'.*'parse-cache\.json' in it is not a cache lblint wrote/);
    expect(snapshot(dir)).toEqual(before);
    expect((await cli(['--cache-location', 'cache'], dir)).code).toBe(1);
    expect(readFileSync(path.join(dir, 'cache', 'parse-cache.json'), 'utf8')).toMatch(/^\{"tool":"lblint"/);
    expect((await cli(['--cache-location', 'cache'], dir)).code).toBe(1);
  });

  it('init refuses to write a second config beside an existing one, naming it', async () => {
    const dir = project();
    writeFileSync(path.join(dir, '.lblint.json'), '{"failOn": "warning"}\n');
    const before = snapshot(dir);
    const run = await cli(['init', '--format', 'yml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'.lblint.json' already exists");
    expect(snapshot(dir)).toEqual(before);
    const json = await cli(['init'], dir);
    expect(json.code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    ['a Terraform file', 'modules/web/elb.tf', /Terraform file/],
    ['a folder', 'modules', /folder/],
    ['a user file', 'NOTES.md', /not a report lblint wrote/],
  ])("the Action's sarif-file on %s: exit 2 before linting, nothing written", async (_name, sarifFile, reason) => {
    const dir = project();
    const outputFile = path.join(tmpdir(), `lblint-output-${path.basename(dir)}`);
    writeFileSync(outputFile, '');
    const before = snapshot(dir);
    let stdout = '';
    const code = await runAction({ env: { INPUT_SARIF_FILE: sarifFile, GITHUB_OUTPUT: outputFile }, cwd: dir, stdout: (t) => void (stdout += t), stderr: (t) => void (stdout += t), today: '2026-11-21' });
    expect(code).toBe(2);
    expect(stdout).toContain(`'${sarifFile}'`);
    expect(stdout).toMatch(reason);
    expect(snapshot(dir)).toEqual(before);
  });
});
