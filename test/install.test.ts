// The ways in, from a clean clone with no node_modules (a one-commit git repository of the working
// tree's files, as `git clone` would give): `npm install -g git+file://<clone>`, `npm install -g
// <clone>`, the Action's entry run the way the runner runs it (node24 runs dist/action.cjs), and the
// pre-commit hook through `pre-commit try-repo` with Debian's pre-commit 3.x and pip's 4.x. Each
// lints testdata/cli/module-caller (a root calling a local module with for_each, several files) and
// must report the module's security group finding. The npm installs run --offline with an empty
// cache: the package has no dependency to fetch and no script to run. The cases run concurrently:
// they mostly wait on npm, git and pre-commit.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TESTDATA } from './helpers/fixtures.js';

const work = mkdtempSync(path.join(tmpdir(), 'lblint-install-'));
const clone = path.join(work, 'clone');
const GIT_ENV = { GIT_AUTHOR_NAME: 'lblint test', GIT_AUTHOR_EMAIL: 'test@lblint.invalid', GIT_COMMITTER_NAME: 'lblint test', GIT_COMMITTER_EMAIL: 'test@lblint.invalid' };
/** npm without the registry: nothing may be fetched, no notice asked for. */
const NPM_ENV = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_cache: path.join(work, 'npm-cache'), npm_config_offline: 'true' };
const FINDING = /modules\/web\/security\.tf:1:1 +error +module\.web\.huaweicloud_networking_secgroup\.fail_backend admits no TCP port 8080 from 100\.125\.0\.0\/16.*security-group-blocks-health-check/;

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...GIT_ENV, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let error: Error | undefined;
    child.on('error', (e) => (error = e));
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ...(error ? { error } : {}) }));
  });
}

function ok(r: Ran, what: string): string {
  expect(r.error, what).toBeUndefined();
  expect(r.status, `${what}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** A git repository with `files` (relative to `from`) in one commit. */
async function commitFiles(from: string, files: readonly string[], to: string): Promise<void> {
  mkdirSync(to, { recursive: true });
  for (const f of files) {
    mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
    copyFileSync(path.join(from, f), path.join(to, f));
    chmodSync(path.join(to, f), statSync(path.join(from, f)).mode);
  }
  ok(await run('git', ['init', '-q'], { cwd: to }), 'git init');
  ok(await run('git', ['add', '-A'], { cwd: to }), 'git add');
  ok(await run('git', ['commit', '-q', '-m', 'lblint test'], { cwd: to }), 'git commit');
}

/** A repository to lint: the bad module-caller fixture, staged (a commit about to be made). */
async function badRepository(name: string): Promise<string> {
  const repo = path.join(work, name);
  cpSync(path.join(TESTDATA, 'cli', 'module-caller'), path.join(repo, 'infra'), { recursive: true });
  ok(await run('git', ['init', '-q'], { cwd: repo }), 'git init');
  ok(await run('git', ['add', '-A'], { cwd: repo }), 'git add');
  return repo;
}

beforeAll(async () => {
  // The working tree's files that git would clone (tracked, or new and not ignored): no node_modules.
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
  const files = [...new Set(listed)].filter((f) => f !== '' && existsSync(path.join(ROOT, f)) && statSync(path.join(ROOT, f)).isFile());
  expect(files).toContain('dist/lblint-bundle.cjs');
  await commitFiles(ROOT, files, clone);
  expect(existsSync(path.join(clone, 'node_modules'))).toBe(false);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** pre-commit try-repo <clone> lblint on a repository with the bad files staged: exit 1 and the finding. */
async function tryRepo(preCommit: string, home: string): Promise<Ran> {
  const repo = await badRepository(`pre-commit-${path.basename(home)}`);
  // Debian's pre-commit 3.x runs `npm install` (devDependencies included) in the hook's clone before
  // `npm pack`: from npm's cache when it has them, else from the registry.
  const env = { ...NPM_ENV, npm_config_offline: 'false', npm_config_prefer_offline: 'true', PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: 'never' };
  return run(preCommit, ['try-repo', clone, 'lblint', '--color', 'never'], { cwd: repo, env });
}

function expectHookFinding(r: Ran): void {
  expect(r.error).toBeUndefined();
  expect(r.stdout).toMatch(/^lblint\.+Failed$/m);
  expect(r.stdout).toMatch(FINDING);
  expect(r.status, r.stdout + r.stderr).toBe(1);
}

// Every case at once: they mostly wait on npm, git and pre-commit.
describe.concurrent('install paths', () => {
describe('from a clean clone', () => {
  it.each([
    ['git+file://<clone>', () => `git+file://${clone}`],
    ['<clone> (a folder)', () => clone],
  ])('npm install -g %s puts a working lblint on the PATH', { timeout: 300_000 }, async (_, spec) => {
    const prefix = path.join(work, `prefix-${spec().startsWith('git') ? 'git' : 'folder'}`);
    const installed = await run('npm', ['install', '-g', '--prefix', prefix, spec()], { cwd: work, env: NPM_ENV });
    ok(installed, 'npm install');
    expect(installed.stdout).toMatch(/added 1 package/);
    const target = await badRepository(`lint-${path.basename(prefix)}`);
    const r = await run(path.join(prefix, 'bin', 'lblint'), ['infra', '--no-color'], { cwd: target });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(FINDING);
    expect(r.stdout).toContain('✖ 1 problem (1 error, 0 warnings) in 6 files');
    expect(r.status).toBe(1);
  });

  it('runs the Action entry the way the runner runs it (node dist/action.cjs, inputs in INPUT_*)', { timeout: 120_000 }, async () => {
    const workspace = await badRepository('action-workspace');
    const outputs = path.join(work, 'github_output');
    const summary = path.join(work, 'step_summary');
    writeFileSync(outputs, '');
    writeFileSync(summary, '');
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputs,
      GITHUB_STEP_SUMMARY: summary,
      INPUT_PATH: 'infra',
      'INPUT_FAIL-ON': 'error',
      'INPUT_SARIF-FILE': 'lblint.sarif',
      INPUT_UPLOAD: 'false',
      INPUT_ANNOTATE: 'true',
    };
    const r = await run(process.execPath, [path.join(clone, 'dist', 'action.cjs')], { cwd: workspace, env });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=infra\/modules\/web\/security\.tf,line=1,endLine=1,col=1,endColumn=58,title=Security group blocks the load balancer health check \(security-group-blocks-health-check\)::module\.web\.huaweicloud_networking_secgroup\.fail_backend admits no TCP port 8080/m);
    const written = readFileSync(outputs, 'utf8');
    expect(written).toContain('findings=1\n');
    expect(written).toContain('sarif-file=lblint.sarif\n');
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'lblint.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toEqual(['security-group-blocks-health-check']);
    expect(readFileSync(summary, 'utf8')).toContain('```mermaid');
  });
});

describe('the pre-commit hook through pre-commit try-repo', () => {
  it('installs and runs with pre-commit 3.x (Debian: apt-get install pre-commit)', { timeout: 300_000 }, async (ctx) => {
    const debian = '/usr/bin/pre-commit';
    if (!existsSync(debian)) ctx.skip(`pre-commit 3.x is not installed (${debian}); .ci/run installs it with apt-get install pre-commit`);
    expect(ok(await run(debian, ['--version'], { cwd: work }), 'pre-commit --version')).toMatch(/^pre-commit 3\./);
    expectHookFinding(await tryRepo(debian, path.join(work, 'pre-commit-3')));
  });

  it('installs and runs with pre-commit 4.x (pip, in a throwaway virtualenv)', { timeout: 300_000 }, async (ctx) => {
    const venv = path.join(work, 'venv');
    const made = await run('python3', ['-m', 'venv', venv], { cwd: work });
    if (made.error !== undefined || made.status !== 0) ctx.skip(`no python3 -m venv to install pre-commit 4.x into: ${made.error?.message ?? made.stderr.trim()}`);
    // --retries 0: where the public index is unreachable (only a local mirror is), pip would retry each package.
    const pip = await run(path.join(venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--quiet', '--retries', '0', 'pre-commit>=4,<5'], { cwd: work });
    if (pip.status !== 0) ctx.skip(`pip cannot install pre-commit 4.x here (no reachable package index has it): ${pip.stderr.trim().split('\n').at(-1) ?? ''}`);
    const preCommit = path.join(venv, 'bin', 'pre-commit');
    expect(ok(await run(preCommit, ['--version'], { cwd: work }), 'pre-commit --version')).toMatch(/^pre-commit 4\./);
    expectHookFinding(await tryRepo(preCommit, path.join(work, 'pre-commit-4')));
  });
});
});
