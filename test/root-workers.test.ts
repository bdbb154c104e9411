// Root workers (src/engine/root-pool.ts) must not change a result: the whole testdata tree, every
// root loaded and linted in a worker of its own, gives exactly what one load of everything gives;
// a module shared by roots is reported once; a plan the loads do not confirm falls back.
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFolder, ROOT, TESTDATA, type LintFolderOptions } from './helpers/fixtures.js';
import type { LintProgress } from '../src/engine/lint.js';

const built = existsSync(path.join(ROOT, 'dist/lblint-bundle.cjs'));

async function both(cwd: string, extra: LintFolderOptions = {}) {
  const whole = await lintFolder(cwd, { jobs: 2, rootWorkers: false, ...extra });
  const byRoot = await lintFolder(cwd, { jobs: 2, rootWorkers: true, ...extra });
  const text = (r: typeof whole): string =>
    JSON.stringify({ findings: r.findings, errors: r.errors, files: r.files.map((f) => [f.path, r.sourceText(f), f.ignores]), roots: r.roots, verbose: r.verbose }, null, 1);
  return { whole, byRoot, wholeText: text(whole), byRootText: text(byRoot) };
}

describe.skipIf(!built)('root workers', () => {
  it('give the results of one load on the whole testdata tree', async () => {
    for (const strict of [false, true]) {
      const r = await both(TESTDATA, { strict });
      expect(r.byRoot.loadStats?.rootJobs).toBeGreaterThan(100);
      expect(r.whole.loadStats?.rootJobs).toBeUndefined();
      expect(r.byRoot.findings.length).toBeGreaterThan(100);
      expect(r.byRootText).toBe(r.wholeText);
    }
  }, 120_000);

  describe('on configurations written for them', () => {
    let tmp = '';
    beforeAll(async () => {
      tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'lblint-roots-')));
    });
    afterAll(async () => {
      if (tmp !== '') await fs.rm(tmp, { recursive: true, force: true });
    });
    const write = async (dir: string, files: Record<string, string>): Promise<void> => {
      for (const [name, text] of Object.entries(files)) {
        await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await fs.writeFile(path.join(dir, name), text);
      }
    };
    const member = (weight: string): string => `variable "weight" {
  default = ${weight}
}
resource "huaweicloud_lb_loadbalancer" "lb" {
  vip_subnet_id = "subnet-1"
}
resource "huaweicloud_lb_listener" "l" {
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_lb_loadbalancer.lb.id
}
resource "huaweicloud_lb_pool" "p" {
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_lb_listener.l.id
}
resource "huaweicloud_lb_member" "m" {
  pool_id       = huaweicloud_lb_pool.p.id
  address       = "10.0.0.5"
  protocol_port = 8080
  subnet_id     = "subnet-1"
  weight        = var.weight
}
`;

    it('report a finding of a module two roots call once, and keep a tfvars-only folder', async () => {
      const dir = path.join(tmp, 'shared');
      await write(dir, {
        'modules/member/main.tf': member('0'),
        'envs/prod/main.tf': 'module "m" {\n  source = "../../modules/member"\n}\n',
        'envs/stage/main.tf': 'module "m" {\n  source = "../../modules/member"\n}\n',
        'envs/stage/extra/terraform.tfvars': 'weight = 1\n',
        'broken/main.tf': 'resource "huaweicloud_lb_member" "m" {\n  weight = \n}\n',
      });
      const r = await both(dir);
      expect(r.byRoot.loadStats?.rootJobs).toBe(4);
      expect(r.byRoot.roots).toEqual(['broken', 'envs/prod', 'envs/stage']);
      expect(r.byRoot.findings.filter((f) => f.ruleId === 'member-weight-zero')).toHaveLength(1);
      expect(r.byRoot.errors.map((e) => e.file)).toEqual(['broken/main.tf']);
      expect(r.byRoot.files.map((f) => f.path)).toContain('envs/stage/extra/terraform.tfvars');
      expect(r.byRootText).toBe(r.wholeText);
    });

    it('give a module whose only caller fails to parse a job of its own, without a second run', async () => {
      // The planner reads the call from the text (the scanner accepts the file); hcl2json rejects
      // the file, so its load follows no call: one load of everything lints the module as a root.
      const dir = path.join(tmp, 'unparsed-caller');
      await write(dir, {
        'modules/member/main.tf': member('0'),
        'app/main.tf': 'module "m" {\n  source = "../modules/member"\n}\nlocals {\n  x = 1 +* 2\n}\n',
        'other/main.tf': member('1'),
      });
      const r = await both(dir);
      expect(r.byRoot.errors.map((e) => e.file)).toEqual(['app/main.tf']);
      // Planned: app and other; the module got its job after the loads (no fallback to one load).
      expect(r.byRoot.loadStats?.rootJobs).toBe(3);
      expect(r.byRoot.roots).toEqual(['app', 'modules/member', 'other']);
      expect(r.byRoot.findings.filter((f) => f.ruleId === 'member-weight-zero').map((f) => f.address)).toEqual(['huaweicloud_lb_member.m']);
      expect(r.byRootText).toBe(r.wholeText);
    });

    it('fall back to one load when a module source is not a plain string', async () => {
      const dir = path.join(tmp, 'computed');
      await write(dir, {
        'modules/member/main.tf': member('0'),
        'app/main.tf': 'module "m" {\n  source = "../modules/${"member"}"\n}\n',
        'other/main.tf': member('1'),
      });
      const r = await both(dir);
      expect(r.byRoot.loadStats?.rootJobs).toBeUndefined();
      expect(r.byRootText).toBe(r.wholeText);
    });

    it('report progress as roots finish, never past the last one', async () => {
      const states: LintProgress[] = [];
      const r = await lintFolder(path.join(tmp, 'shared'), { jobs: 2, rootWorkers: true, onProgress: (p) => states.push({ ...p }) });
      expect(r.loadStats?.rootJobs).toBeGreaterThan(1);
      const lint = states.filter((p) => p.phase === 'lint');
      expect(lint.length).toBeGreaterThan(0);
      for (const p of lint) expect(p.rootsDone).toBeLessThan(p.rootsTotal);
      expect(lint.some((p) => p.rootsDone > 0)).toBe(true);
    });

    it('keep the parse cache: a second run parses only what failed', async () => {
      const dir = path.join(tmp, 'shared');
      const cache = { location: path.join(tmp, 'cache') };
      const cold = await lintFolder(dir, { jobs: 2, rootWorkers: true, cache });
      // --strict: no root result can be reused, every file is loaded again, from the parse cache.
      const warm = await lintFolder(dir, { jobs: 2, rootWorkers: true, cache, strict: true });
      expect(warm.loadStats?.rootsFromCache).toBe(0);
      expect((cold.loadStats?.hclCalls ?? 0) + (cold.loadStats?.fastParses ?? 0)).toBeGreaterThan(0);
      // Only the broken file: a file hcl2json rejects is not cached.
      expect(warm.loadStats?.hclCalls).toBe(1);
      expect(warm.loadStats?.fastParses).toBe(0);
      expect(warm.loadStats?.cacheHits).toBeGreaterThan(0);
      expect(JSON.stringify(warm.findings.filter((f) => f.severity !== 'note'))).toBe(JSON.stringify(cold.findings));
    });

    it('keep each root result: an unchanged root is not loaded again, a changed input reloads exactly its roots', async () => {
      const dir = path.join(tmp, 'results');
      await write(dir, {
        'modules/member/main.tf': member('0'),
        'envs/prod/main.tf': 'module "m" {\n  source = "../../modules/member"\n}\n',
        'envs/stage/main.tf': 'module "m" {\n  source = "../../modules/member"\n}\n',
        'solo/main.tf': member('1'),
      });
      const cache = { location: path.join(tmp, 'results-cache') };
      const run = (extra: LintFolderOptions = {}) => lintFolder(dir, { jobs: 2, rootWorkers: true, cache, ...extra });
      const text = (r: Awaited<ReturnType<typeof run>>): string => JSON.stringify({ f: r.findings, e: r.errors, files: r.files.map((f) => [f.path, r.sourceText(f)]), roots: r.roots, v: r.verbose });
      const cold = await run();
      expect(cold.loadStats?.rootsFromCache).toBe(0);
      const warm = await run();
      expect(warm.loadStats?.rootsFromCache).toBe(3);
      expect(warm.loadStats?.hclCalls).toBe(0);
      expect(warm.loadStats?.fastParses).toBe(0);
      expect(text(warm)).toBe(text(cold));
      // Another setting: nothing is reused (the cache keeps the last run's results).
      expect((await run({ strict: true })).loadStats?.rootsFromCache).toBe(0);
      expect((await run()).loadStats?.rootsFromCache).toBe(0);
      expect((await run()).loadStats?.rootsFromCache).toBe(3);
      // A root's own file changes: that root only.
      await fs.writeFile(path.join(dir, 'solo/main.tf'), member('0'));
      const solo = await run();
      expect(solo.loadStats?.rootsFromCache).toBe(2);
      expect(solo.findings.filter((f) => f.ruleId === 'member-weight-zero').map((f) => f.range.file)).toEqual(['modules/member/main.tf', 'solo/main.tf']);
      // A shared module changes: both roots that call it.
      await fs.writeFile(path.join(dir, 'modules/member/main.tf'), member('5'));
      const fixed = await run();
      expect(fixed.loadStats?.rootsFromCache).toBe(1);
      expect(fixed.findings.filter((f) => f.ruleId === 'member-weight-zero').map((f) => f.range.file)).toEqual(['solo/main.tf']);
      // A file added to the module folder: both roots again, and the result is what a run without cache gives.
      await fs.writeFile(path.join(dir, 'modules/member/zero.tf'), 'resource "huaweicloud_lb_member" "z" {\n  pool_id       = huaweicloud_lb_pool.p.id\n  address       = "10.0.0.6"\n  protocol_port = 8080\n  subnet_id     = "subnet-1"\n  weight        = 0\n}\n');
      const added = await run();
      expect(added.loadStats?.rootsFromCache).toBe(1);
      expect(text(added)).toBe(text(await lintFolder(dir, { jobs: 2, rootWorkers: false })));
      // A corrupt cache file is ignored and rewritten.
      await fs.writeFile(path.join(cache.location, 'result-cache.json'), '{"tool":"lblint","format":1,"version":');
      const afterCorrupt = await run();
      expect(afterCorrupt.loadStats?.rootsFromCache).toBe(0);
      expect(text(afterCorrupt)).toBe(text(added));
      expect((await run()).loadStats?.rootsFromCache).toBe(3);
      // Well-formed JSON of the wrong shape is ignored too.
      const file = path.join(cache.location, 'result-cache.json');
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as { entries: Record<string, { value: unknown }> };
      for (const e of Object.values(data.entries)) e.value = { findings: 'x' };
      await fs.writeFile(file, JSON.stringify(data));
      const afterShape = await run();
      expect(afterShape.loadStats?.rootsFromCache).toBe(0);
      expect(text(afterShape)).toBe(text(added));
    }, 60_000);

    it('apply an ignore comment above a block to the whole block, keep the result cache in ASCII (read without UTF-8 decoding), and still read a cache file that is not', async () => {
      const dir = path.join(tmp, 'ascii');
      await write(dir, {
        'a/main.tf': member('0').replace('resource "huaweicloud_lb_member"', '# lblint-ignore member-weight-zero -- 保守中 → 来週戻す\nresource "huaweicloud_lb_member"'),
        'b/main.tf': member('0'),
      });
      const cache = { location: path.join(tmp, 'ascii-cache') };
      const run = () => lintFolder(dir, { jobs: 2, rootWorkers: true, cache });
      const text = (r: Awaited<ReturnType<typeof run>>): string => JSON.stringify({ f: r.findings, e: r.errors, files: r.files.map((f) => [f.path, r.sourceText(f), f.ignores]), roots: r.roots, v: r.verbose });
      const cold = await run();
      expect(cold.findings.find((f) => f.suppression !== undefined)?.suppression?.justification).toBe('保守中 → 来週戻す');
      // The comment above the block covers the whole block (the finding is on its weight line), as
      // when everything is loaded on the main thread: a worker sends the covered range along.
      expect(cold.findings.filter((f) => f.ruleId === 'member-weight-zero').map((f) => [f.range.file, f.range.start.line, f.suppression !== undefined])).toEqual([
        ['a/main.tf', 23, true],
        ['b/main.tf', 22, false],
      ]);
      expect(cold.findings.some((f) => f.ruleId === 'unused-lblint-ignore' || f.message.includes('matches no finding'))).toBe(false);
      expect(JSON.stringify(cold.findings)).toBe(JSON.stringify((await lintFolder(dir, { jobs: 2, rootWorkers: false })).findings));
      const file = path.join(cache.location, 'result-cache.json');
      const bytes = await fs.readFile(file);
      expect(bytes.every((b) => b < 0x80)).toBe(true);
      expect(bytes.toString('latin1')).toContain('\\u4fdd\\u5b88\\u4e2d \\u2192');
      const warm = await run();
      expect(warm.loadStats?.rootsFromCache).toBe(2);
      expect(text(warm)).toBe(text(cold));
      // Written by another tool as UTF-8 (same data): read as UTF-8.
      await fs.writeFile(file, JSON.stringify(JSON.parse(bytes.toString('latin1'))));
      expect((await fs.readFile(file, 'utf8')).includes('保守中 → 来週戻す')).toBe(true);
      const fromUtf8 = await run();
      expect(fromUtf8.loadStats?.rootsFromCache).toBe(2);
      expect(text(fromUtf8)).toBe(text(cold));
    });

    it('do not read a file whose stat signature is unchanged, and see any change', async () => {
      const dir = path.join(tmp, 'facts');
      await write(dir, {
        'modules/member/main.tf': member('0'),
        'envs/prod/main.tf': 'module "m" {\n  source = "../../modules/member"\n}\n',
        'solo/main.tf': member('1'),
      });
      // A signature is trusted once its file is a few seconds old (modification and change time).
      const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 3_200));
      await settle();
      const cache = { location: path.join(tmp, 'facts-cache') };
      const run = (extra: LintFolderOptions = {}) => lintFolder(dir, { jobs: 2, rootWorkers: true, cache, ...extra });
      const text = (r: Awaited<ReturnType<typeof run>>): string => JSON.stringify({ f: r.findings, e: r.errors, files: r.files.map((f) => [f.path, r.sourceText(f)]), roots: r.roots, v: r.verbose });
      const cold = await run();
      expect(cold.loadStats?.plannerReads).toBe(3);
      const warm = await run();
      expect(warm.loadStats?.rootsFromCache).toBe(2);
      expect(warm.loadStats?.plannerReads).toBe(0);
      // Texts are still there when asked for (read then).
      expect(text(warm)).toBe(text(cold));
      // Same size, same modification time, other content: the change time gives it away.
      const file = path.join(dir, 'solo/main.tf');
      const before = await fs.stat(file);
      await fs.writeFile(file, member('0').replace('default = 0', 'default = 0'));
      expect((await fs.stat(file)).size).toBe(before.size);
      await fs.utimes(file, before.atime, before.mtime);
      const changed = await run();
      expect(changed.loadStats?.rootsFromCache).toBe(1);
      expect(changed.findings.filter((f) => f.ruleId === 'member-weight-zero').map((f) => f.range.file).sort()).toEqual(['modules/member/main.tf', 'solo/main.tf']);
      // A file changed just now is read again on every run until it is a few seconds old.
      const recent = await run();
      expect(recent.loadStats?.plannerReads).toBe(1);
      expect(recent.loadStats?.rootsFromCache).toBe(2);
      await settle();
      await run();
      expect((await run()).loadStats?.plannerReads).toBe(0);
      // Facts of the wrong shape are ignored.
      const cacheFile = path.join(cache.location, 'result-cache.json');
      const data = JSON.parse(await fs.readFile(cacheFile, 'utf8')) as { facts: { sigs: unknown[] } };
      data.facts.sigs.pop();
      await fs.writeFile(cacheFile, JSON.stringify(data));
      const afterShape = await run();
      expect(afterShape.loadStats?.plannerReads).toBe(3);
      expect(text(afterShape)).toBe(text(changed));
    }, 60_000);
  });
});
