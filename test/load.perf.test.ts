// Selective parsing and parse workers must not change a result: every testdata folder linted with
// only the blocks that can matter parsed gives exactly what parsing everything gives, and a large
// repository gives byte-identical output with 1 and 2 workers.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../src/load/index.js';
import { splitTopLevel } from '../src/load/select.js';
import { scanHcl } from '../src/load/scanner.js';
import { lintFolder, ROOT, TESTDATA, type LintFolderOptions } from './helpers/fixtures.js';

/** Every folder under testdata/ that holds Terraform files itself (found anew on each run). */
function terraformFolders(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && /\.tf(\.json)?$/.test(e.name))) out.push(dir);
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) walk(path.join(dir, e.name));
  };
  walk(TESTDATA);
  return out.sort();
}

/** Findings (with every range, related location and message) and load errors, as compared text. */
async function outcome(cwd: string, extra: LintFolderOptions = {}): Promise<string> {
  const r = await lintFolder(cwd, { jobs: 1, ...extra });
  return JSON.stringify({ findings: r.findings, errors: r.errors, files: r.files.map((f) => f.path), roots: r.roots }, null, 1);
}

describe('selective parsing gives the results of parsing everything', () => {
  const folders = terraformFolders();

  it('finds the testdata folders', () => {
    expect(folders.length).toBeGreaterThan(20);
  });

  it.each(folders.map((f) => [path.relative(TESTDATA, f)]))('%s', async (rel) => {
    const dir = path.join(TESTDATA, rel);
    for (const strict of [false, true]) {
      const everything = await outcome(dir, { strict, selectiveParsing: false });
      const selective = await outcome(dir, { strict });
      expect(selective).toBe(everything);
    }
  });
});

describe('selective parsing on tricky input', () => {
  let tmp = '';
  beforeAll(async () => {
    tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'lblint-perf-')));
  });
  afterAll(async () => {
    if (tmp !== '') await fs.rm(tmp, { recursive: true, force: true });
  });

  const cases: Record<string, Record<string, string>> = {
    // A member's address comes from a resource of another provider, declared in another file.
    'reference-to-skipped': {
      'lb.tf': `resource "huaweicloud_lb_loadbalancer" "lb" {
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
  address       = openstack_compute_instance_v2.vm.access_ip_v4
  protocol_port = local.port
  subnet_id     = "subnet-1"
  weight        = 0
}
`,
      'other.tf': `resource "openstack_compute_instance_v2" "vm" {
  access_ip_v4 = "10.0.0.5"
  port         = data.aws_ami.x.id
}
data "aws_ami" "x" {
  id = "ami-1"
}
resource "aws_s3_bucket" "unrelated" {
  bucket = "b"
}
locals {
  port = 8080
}
`,
    },
    // A pool used by an auto-scaling group of another provider is not unused.
    'foreign-reference': {
      'main.tf': `resource "huaweicloud_lb_pool" "p" {
  protocol  = "HTTP"
  lb_method = "ROUND_ROBIN"
}
resource "some_autoscaling_group" "asg" {
  pools = [huaweicloud_lb_pool.p.id]
}
resource "other_thing" "x" {
  uses = module.m.pool_id
}
`,
    },
    // Ignore comments on and inside skipped blocks, and a block after one on the same line.
    'ignores': {
      'main.tf': `# lblint-ignore pool-without-listener -- blue/green
resource "huaweicloud_lb_pool" "p" {
  protocol = "HTTP"
}
# lblint-ignore member-weight-zero -- on a skipped block
resource "aws_instance" "a" {
  # lblint-ignore member-weight-zero -- inside it
  ami = "x"
}
resource "aws_instance" "b" { ami = "y" } resource "huaweicloud_lb_pool" "q" {
  protocol = "HTTP"
}
`,
    },
    // Syntax errors in blocks that are not parsed are still reported where the scanner sees them.
    'errors-in-skipped': {
      'a.tf': 'resource "aws_instance" "a" {\n  ami = \n}\n',
      'b.tf': 'resource "aws_instance" "b" {\n  tags = { a = "x" \n}\n',
      'c.tf': 'resource "aws_instance" "c" {\n  ami = "unterminated\n}\n',
      'd.tf': 'resource "huaweicloud_lb_pool" "p" {\n  protocol = "HTTP"\n}\nresource "aws_instance" "d" {\n  ami = (1]\n}\n',
      'e.tf': 'resource "aws_instance" "e" {\n  user_data = <<EOT\nno end\n}\n',
      'f.tf': 'resource "aws_instance" "f" {\n  /* open comment\n}\n',
      'g.tf': 'resource "aws_instance" "g" {\n  ami = "x"\n',
      'h.tf': 'top = 1\nresource "aws_instance" "h" {}\n',
      'i.tf': 'resource "aws_instance" "i" { a = 1, b = 2 }\n',
      'j.tf': 'resource "aws_instance" "j" {\n  a = 1;\n}\n',
      'k.tf': 'resource "aws_instance" "k" {\n  a = 1 }\n',
      'l.tf': 'resource "aws_instance" "l" { a = 1\n}\n',
    },
    // Duplicate addresses and odd spacing in references.
    'duplicates': {
      'a.tf': 'resource "aws_instance" "dup" {\n  private_ip = "10.0.0.1"\n}\nresource "huaweicloud_lb_member" "m" {\n  pool_id = "p"\n  address = aws_instance . dup.private_ip\n  protocol_port = 80\n}\n',
      'b.tf': 'resource "aws_instance" "dup" {\n  private_ip = "10.0.0.2"\n}\n',
      'c.tf': 'resource "aws_instance" "lonely" {\n  private_ip = "10.0.0.3"\n}\n',
    },
  };

  it.each(Object.keys(cases))('%s', async (name) => {
    const dir = path.join(tmp, name);
    await fs.mkdir(dir, { recursive: true });
    for (const [file, text] of Object.entries(cases[name] ?? {})) await fs.writeFile(path.join(dir, file), text);
    for (const strict of [false, true]) {
      const everything = await outcome(dir, { strict, selectiveParsing: false });
      const selective = await outcome(dir, { strict });
      expect(selective).toBe(everything);
    }
  });

  it('parses a left-out block that a parsed block refers to, and no other', async () => {
    const dir = path.join(tmp, 'reference-to-skipped');
    const r = await loadPaths(['.'], { cwd: dir, jobs: 1 });
    const other = r.files.find((f) => f.path === 'other.tf');
    const resources = other?.json['resource'] as Record<string, unknown>;
    expect(Object.keys(resources).sort()).toEqual(['openstack_compute_instance_v2']);
    expect(Object.keys(other?.json['data'] as object)).toEqual(['aws_ami']);
  });

  it('never hands a file without relevant blocks to hcl2json', async () => {
    const dir = path.join(tmp, 'irrelevant');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'a.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\nprovider "aws" {\n  region = "eu-west-1"\n}\n');
    const r = await loadPaths(['.'], { cwd: dir, jobs: 1 });
    expect(r.stats.hclCalls + r.stats.fastParses).toBe(0);
    // Blocks that cannot affect a rule keep their positions, not their contents.
    expect(r.files[0]?.blocks.map((b) => `${b.type}:${b.range.start.line}-${b.range.end.line}:${Object.keys(b.attributes).length}`)).toEqual(['resource:1-3:0', 'provider:4-6:0']);
  });

  it('splits top-level blocks like the scanner does', () => {
    const text = 'variable "a" {\n  default = "}"\n}\n\nresource "x" "y" { a = "${b}" }\nlocals {\n  t = <<-EOT\n  }\n  EOT\n}\n';
    const spans = splitTopLevel(text);
    const scan = scanHcl('a.tf', text);
    if (typeof spans === 'string') throw new Error(`not split: ${spans}`);
    expect(spans.map((s) => [s.type, s.labels])).toEqual(scan.blocks.map((b) => [b.type, b.labels]));
    expect(spans.map((s) => text.slice(s.start, s.end).endsWith('}'))).toEqual([true, true, true]);
    expect(spans.map((s) => s.oneLine === true)).toEqual([false, true, false]);
    expect(splitTopLevel('resource "a" "b" {\n} resource "c" "d" {\n}\n')).toBe('parse');
    expect(splitTopLevel('resource "a" "b" {\n  x = 1;\n}\n')).toBe('parse');
    expect(splitTopLevel('resource "a" "b" {\n  x = (1]\n}\n')).toBe('scan');
  });
});

describe('parse workers', () => {
  const built = existsSync(path.join(ROOT, 'dist/lblint-bundle.cjs'));
  let repo = '';
  beforeAll(async () => {
    repo = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'lblint-workers-')));
    execFileSync(process.execPath, [path.join(ROOT, 'bench/generate.mjs'), repo, '120', 'mixed']);
  });
  afterAll(async () => {
    if (repo !== '') await fs.rm(repo, { recursive: true, force: true });
  });

  it.skipIf(!built)('give byte-identical output with 1 and 2 workers', async () => {
    const cli = path.join(ROOT, 'dist/lblint.cjs');
    const run = (jobs: string): string =>
      execFileSync(process.execPath, [cli, '.', '--format', 'json', '--fail-on', 'never', '--jobs', jobs], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, LBLINT_CODE_CACHE: 'off' } });
    const one = run('1');
    const two = run('2');
    expect(JSON.parse(one).findings.length).toBeGreaterThan(0);
    expect(two).toBe(one);
  });

  it.skipIf(!built)('give the same output from the bundled CLI (the package bin), with root workers and with the result cache', async () => {
    const bundle = path.join(ROOT, 'dist/lblint.cjs');
    const pkg = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; dependencies?: Record<string, string> };
    expect(path.join(ROOT, pkg.bin['lblint'] ?? '')).toBe(bundle);
    // One module (run by the bin) with every dependency inside: it loads only Node's built-ins.
    expect(pkg.dependencies).toBeUndefined();
    const source = await fs.readFile(path.join(ROOT, 'dist/lblint-bundle.cjs'), 'utf8');
    const imported = [...source.matchAll(/\brequire\("([^"]+)"\)/g), ...source.matchAll(/\bimport\("([^"]+)"\)/g)].map((m) => m[1] as string);
    expect(imported).toContain('node:worker_threads');
    expect(source).not.toMatch(/\bimport\(/);
    for (const spec of imported) expect(spec.startsWith('node:') || builtinModules.includes(spec) || spec === 'performance', spec).toBe(true);
    const cache = await fs.mkdtemp(path.join(os.tmpdir(), 'lblint-bundle-cache-'));
    try {
      const run = (cli: string, ...extra: string[]): { stdout: string; stderr: string } => {
        const r = spawnSync(process.execPath, [cli, '.', '--format', 'json', '--fail-on', 'never', '--verbose', ...extra], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
        expect(r.status).toBe(0);
        return { stdout: r.stdout, stderr: r.stderr };
      };
      const expected = run(bundle, '--jobs', '1');
      expect(JSON.parse(expected.stdout).findings.length).toBeGreaterThan(0);
      expect(expected.stderr).toContain('lblint: load: 120 files loaded; parsed on the main thread;');
      // One job: the bundle parses on the main thread, with hcl2json for every block when asked.
      const main = spawnSync(process.execPath, [bundle, '.', '--format', 'json', '--fail-on', 'never', '--jobs', '1'], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, LBLINT_PARSER: 'hcl2json' } });
      expect(main.stderr).toBe('');
      expect(main.stdout).toBe(expected.stdout);
      // Two jobs on 120 files in several roots: root workers, found next to the bundle.
      const workers = run(bundle, '--jobs', '2');
      expect(workers.stdout).toBe(expected.stdout);
      expect(workers.stderr).toContain('lblint: load: 120 files loaded; 3 root jobs (0 from the result cache) on 2 workers;');
      expect(run(bundle, '--jobs', '2', '--cache-location', cache).stdout).toBe(expected.stdout);
      const warm = run(bundle, '--jobs', '2', '--cache-location', cache);
      expect(warm.stdout).toBe(expected.stdout);
      expect(warm.stderr).toContain('3 root jobs (3 from the result cache) on 0 workers; 0 hcl2json calls, 0 fast-path parses');
      expect(readdirSync(cache).sort()).toEqual(['parse-cache.json', 'result-cache.json']);
    } finally {
      await fs.rm(cache, { recursive: true, force: true });
    }
  });

  it.skipIf(!built)('run the bundle with a V8 code cache made at the first run, and never with one made for another bundle', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'lblint-code-cache-'));
    const check = (bin: string, ...args: string[]): { stdout: string; stderr: string } => {
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, LBLINT_CODE_CACHE: 'check', LBLINT_CODE_CACHE_DIR: folder } });
      expect(r.status).toBe(0);
      return { stdout: r.stdout, stderr: r.stderr };
    };
    const lintRoot = ['root-0', '--format', 'json', '--fail-on', 'never', '--jobs', '1'];
    try {
      const bin = path.join(ROOT, 'dist/lblint.cjs');
      // --version writes none (it compiles almost nothing); the first lint writes it, the next uses it.
      expect(check(bin, '--version')).toEqual({ stdout: '0.1.0\n', stderr: 'code cache: none\n' });
      expect(readdirSync(folder)).toEqual([]);
      expect(check(bin, ...lintRoot).stderr).toBe('code cache: none\n');
      const written = readdirSync(folder);
      expect(written).toEqual([expect.stringMatching(new RegExp(`^[0-9a-f]{40}-node${process.versions.node}-${process.arch}\\.code-cache$`))]);
      expect(check(bin, ...lintRoot).stderr).toBe('code cache: used\n');
      expect(check(bin, '--version').stderr).toBe('code cache: used\n');
      // A copy of the bin with another bundle gets its own cache; a cache V8 cannot read is rejected.
      const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'lblint-bundle-copy-'));
      try {
        const bundle = await fs.readFile(path.join(ROOT, 'dist/lblint-bundle.cjs'), 'utf8');
        await fs.copyFile(path.join(ROOT, 'dist/lblint.cjs'), path.join(copy, 'lblint.cjs'));
        await fs.writeFile(path.join(copy, 'lblint-bundle.cjs'), bundle.replace('"0.1.0"', '"0.1.1"'));
        expect(check(path.join(copy, 'lblint.cjs'), '--version')).toEqual({ stdout: '0.1.1\n', stderr: 'code cache: none\n' });
        const hash = createHash('sha1').update(bundle).digest();
        await fs.writeFile(path.join(copy, 'lblint-bundle.cjs'), bundle);
        await fs.writeFile(path.join(folder, written[0] as string), Buffer.concat([hash, Buffer.alloc(4096, 7)]));
        expect(check(path.join(copy, 'lblint.cjs'), '--version')).toEqual({ stdout: '0.1.0\n', stderr: 'code cache: rejected\n' });
        // A run with root workers changes V8 flags, so it writes none; a plain run then mends it.
        expect(check(bin, '.', '--format', 'json', '--fail-on', 'never', '--jobs', '2').stderr).toBe('code cache: rejected\n');
        expect(check(bin, ...lintRoot).stderr).toBe('code cache: rejected\n');
        expect(check(bin, ...lintRoot).stderr).toBe('code cache: used\n');
      } finally {
        await fs.rm(copy, { recursive: true, force: true });
      }
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  it.skipIf(!built)('are used for many files, not for a few', async () => {
    const many = await loadPaths(['.'], { cwd: repo, jobs: 2 });
    expect(many.stats.workers).toBe(2);
    const few = await loadPaths(['root-0/f1.tf'], { cwd: repo, jobs: 2 });
    expect(few.stats.workers).toBe(0);
    const single = await loadPaths(['.'], { cwd: repo, jobs: 1 });
    expect(single.stats.workers).toBe(0);
    expect(JSON.stringify(many.files)).toBe(JSON.stringify(single.files));
    expect(JSON.stringify(many.errors)).toBe(JSON.stringify(single.errors));
  });
});
