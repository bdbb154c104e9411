// The terminal: the rules catalogue, colour only on a TTY and never with NO_COLOR, the progress
// line on stderr (only on a TTY, only after ~2 s), and --file-folders for pre-commit.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress, type ProgressStream } from '../src/progress.js';
import { cli as runCli } from './helpers/cli-run.js';
import { TESTDATA } from './helpers/fixtures.js';

const ESC = '\x1b[';
const CLI_DATA = path.join(TESTDATA, 'cli');

async function cli(args: string[], options: { env?: Record<string, string>; tty?: boolean; stderrTty?: boolean; progressDelayMs?: number; cwd?: string } = {}) {
  return runCli(args, options.cwd ?? CLI_DATA, options.env, {
    stdoutIsTTY: options.tty === true,
    stderrIsTTY: options.stderrTty === true,
    ...(options.progressDelayMs !== undefined ? { progressDelayMs: options.progressDelayMs } : {}),
  });
}

describe('lblint rules', () => {
  it('lists every rule with its severity and provider families', async () => {
    const r = await cli(['rules']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RULE\s+SEVERITY\s+PROVIDERS\s+TITLE$/);
    expect(r.stdout).toMatch(/member-weight-zero\s+warning\s+huaweicloud, opentelekomcloud, flexibleengine, alicloud\s+Backend member has weight 0/);
    expect(r.stdout).not.toContain(ESC);
  });
});

describe('colour', () => {
  it('is used on a TTY', async () => {
    expect((await cli(['shared-elb'], { tty: true })).stdout).toContain(`${ESC}31m`);
  });
  it.each([
    ['not on a pipe', {}],
    ['never with NO_COLOR', { tty: true, env: { NO_COLOR: '1' } }],
    ['never with --no-color', { tty: true, args: ['--no-color'] }],
  ])('is %s', async (_name, o: { tty?: boolean; env?: Record<string, string>; args?: string[] }) => {
    const r = await cli(['shared-elb', ...(o.args ?? [])], { ...(o.tty ? { tty: true } : {}), ...(o.env ? { env: o.env } : {}) });
    expect(r.stdout).toContain('security-group-blocks-health-check');
    expect(r.stdout).not.toContain(ESC);
  });
});

describe('progress line', () => {
  it('appears on a TTY stderr once the delay has passed, and is erased before the report', async () => {
    const r = await cli(['shared-elb'], { stderrTty: true, progressDelayMs: 0 });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\rlblint: (reading files…|linting root 1 of 1: shared-elb) \(?\d+\.\d s/);
    // Erased: the last write returns to column 0 over blanks.
    expect(r.stderr).toMatch(/\r {10,}\r$/);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stdout).not.toContain('lblint: linting');
  });

  it('never appears when stderr is not a TTY', async () => {
    expect((await cli(['shared-elb'], { stderrTty: false, progressDelayMs: 0 })).stderr).toBe('');
  });

  it('does not appear for a run shorter than the delay (default ~2 s)', async () => {
    expect((await cli(['shared-elb'], { stderrTty: true, progressDelayMs: 60_000 })).stderr).toBe('');
  });

  it('with a fake TTY stream and clock: silent for 2 s, then one line per update, erased on stop', () => {
    let now = 0;
    const writes: string[] = [];
    const stream: ProgressStream = { isTTY: true, write: (t) => writes.push(t) };
    const timers: (() => void)[] = [];
    const progress = createProgress(stream, { now: () => now, setTimer: (fn) => (timers.push(fn), undefined), clearTimer: () => {} });
    progress.update({ phase: 'lint', rootsDone: 0, rootsTotal: 3, root: 'infra/a' });
    now = 1999;
    progress.update({ phase: 'lint', rootsDone: 1, rootsTotal: 3, root: 'infra/b' });
    expect(writes).toEqual([]);
    now = 2500;
    progress.update({ phase: 'lint', rootsDone: 2, rootsTotal: 3, root: 'infra/\x1b[31mc' });
    expect(writes).toEqual(['\rlblint: linting root 3 of 3: infra/\\x1b[31mc (2.5 s)']);
    now = 2550; // throttled
    progress.update({ phase: 'lint', rootsDone: 2, rootsTotal: 3, root: 'infra/c' });
    expect(writes).toHaveLength(1);
    progress.stop();
    expect(writes[1]).toMatch(/^\r +\r$/);
    expect(writes[1]!.length).toBe(writes[0]!.length + 1);
  });

  it('with a stream that is not a TTY: nothing, ever', () => {
    const writes: string[] = [];
    const progress = createProgress({ isTTY: false, write: (t) => writes.push(t) }, { delayMs: 0, now: () => 10_000 });
    progress.update({ phase: 'lint', rootsDone: 0, rootsTotal: 1 });
    progress.stop();
    expect(writes).toEqual([]);
  });
});

describe('--file-folders (pre-commit)', () => {
  it('lints the folder of each file once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-precommit-'));
    cpSync(path.join(CLI_DATA, 'shared-elb'), path.join(dir, 'web'), { recursive: true });
    cpSync(path.join(CLI_DATA, 'shared-elb-fixed'), path.join(dir, 'api'), { recursive: true });
    mkdirSync(path.join(dir, 'docs'));
    const r = await cli(['--file-folders', 'web/elb.tf', 'web/security.tf', 'api/elb.tf', '--format', 'json'], { cwd: dir });
    const json = JSON.parse(r.stdout) as { findings: { ruleId: string; location: { file: string } }[] };
    expect(json.findings.map((f) => `${f.ruleId} ${f.location.file}`)).toEqual(['security-group-blocks-health-check web/security.tf']);
    expect(r.code).toBe(1);
    // Every file of the folder was read, not only the two named.
    const text = await cli(['--file-folders', 'web/elb.tf', 'web/security.tf'], { cwd: dir });
    expect(text.stdout).toContain('in 5 files');
  });
});
