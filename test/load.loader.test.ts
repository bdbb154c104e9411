import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileExcludes, loadPaths, loadVarFile, readText } from '../src/load/index.js';
import type { LoadError, Range } from '../src/types.js';

function fmt(r: Range | undefined): string {
  return r === undefined ? '' : `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}

async function write(root: string, files: Record<string, string | Buffer>): Promise<void> {
  // Reverse order so that creation order differs from sorted order.
  for (const [rel, content] of Object.entries(files).reverse()) {
    const abs = path.join(root, rel);
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, content);
  }
}

const MAIN_TF = `module "net" {
  source = "./modules/net"
}

module "escape" {
  source = "../outside"
}

module "registry" {
  source  = "terraform-huaweicloud-modules/vpc/huaweicloud"
  version = "1.0.0"
}

# lblint-ignore pool-without-listener -- kept for blue/green
resource "huaweicloud_lb_pool" "web" {
  protocol = "HTTP"
}
`;

let tmp = '';
let repo = '';

beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'lblint-load-')));
  repo = path.join(tmp, 'repo');
  await write(tmp, {
    'outside/main.tf': 'resource "t" "outside" {}\n',
    'repo/main.tf': MAIN_TF,
    'repo/broken.tf': 'resource "t" "ok" {\n  a = 1\n}\n\nresource "t" "bad" {\n  b = \n}\n',
    'repo/binary.tf': Buffer.from([0x61, 0x00, 0x62]),
    'repo/data.tf.json': '{\n  "resource": {\n    "alicloud_slb_listener": {\n      "http": { "frontend_port": 80 }\n    }\n  }\n}\n',
    'repo/terraform.tfvars': 'cidr = "10.0.0.0/8"\nports = [80, 443]\n',
    'repo/prod.auto.tfvars.json': '{ "env": "prod" }\n',
    'repo/other.tfvars': 'not = "collected while walking"\n',
    'repo/notes.txt': 'not terraform {',
    'repo/.terraform/providers/x.tf': 'resource "t" "cache" {}\n',
    'repo/.terraform/modules/modules.json': JSON.stringify({
      Modules: [
        { Key: '', Source: '', Dir: '.' },
        { Key: 'registry', Source: 'registry.terraform.io/terraform-huaweicloud-modules/vpc/huaweicloud', Dir: '.terraform/modules/registry' },
        { Key: 'gone', Source: 'git::https://example.com/x.git', Dir: '.terraform/modules/gone' },
      ],
    }),
    'repo/.terraform/modules/registry/main.tf': 'resource "huaweicloud_vpc" "this" {}\n',
    'repo/node_modules/pkg/x.tf': 'resource "t" "npm" {}\n',
    'repo/.git/x.tf': 'resource "t" "git" {}\n',
    'repo/modules/net/main.tf': 'module "sub" {\n  source = "../sub"\n}\n',
    'repo/modules/sub/main.tf': 'resource "huaweicloud_networking_secgroup" "sg" {}\n',
    'repo/env/prod/main.tf': 'module "net" {\n  source = "../../modules/net"\n}\n',
    'repo/excluded/x.tf': 'resource "t" "excluded" {}\n',
    'repo/deep/skipme.tf': 'resource "t" "skipme" {}\n',
  });
  await fs.symlink(path.join(tmp, 'outside'), path.join(repo, 'link-out'));
  await fs.symlink(repo, path.join(repo, 'loop'));
  await fs.symlink(path.join(repo, 'env'), path.join(repo, 'alias-env'));
  await fs.symlink(path.join(tmp, 'outside', 'main.tf'), path.join(repo, 'linked-out.tf'));
});

afterAll(async () => {
  if (tmp !== '') await fs.rm(tmp, { recursive: true, force: true });
});

function messages(errors: LoadError[]): string[] {
  return errors.map((e) => `${e.file ?? '-'}:${fmt(e.range)}: ${e.message}`);
}

describe('loadPaths on a repository', () => {
  it('loads every Terraform file once, in path order', async () => {
    const r = await loadPaths(['.'], { cwd: repo, exclude: ['excluded/', '**/skipme.tf'] });
    expect(r.files.map((f) => f.path)).toEqual([
      '.terraform/modules/registry/main.tf',
      'data.tf.json',
      'env/prod/main.tf',
      'main.tf',
      'modules/net/main.tf',
      'modules/sub/main.tf',
      'prod.auto.tfvars.json',
      'terraform.tfvars',
    ]);
  });

  it('reports located errors and keeps the other files', async () => {
    const r = await loadPaths(['.'], { cwd: repo, exclude: ['excluded/', '**/skipme.tf'] });
    expect(messages(r.errors)).toEqual([
      "binary.tf:1:2-1:3: 'binary.tf' is not a text file (it contains NUL bytes)",
      'broken.tf:6:7-7:1: Invalid expression: Expected the start of an expression, but found an invalid expression token.',
      "main.tf:6:12-6:24: module source outside the linted root is not read: '../outside' (module \"escape\")",
    ]);
    expect(r.errors[1]?.range?.file).toBe('broken.tf');
    expect(r.files.some((f) => f.path === 'broken.tf')).toBe(false);
  });

  it('returns the folders that are roots, not module folders', async () => {
    const r = await loadPaths(['.'], { cwd: repo, exclude: ['excluded/', '**/skipme.tf'] });
    expect(r.roots).toEqual(['.', 'env/prod']);
  });

  it('fills ParsedFile for .tf files', async () => {
    const r = await loadPaths(['main.tf'], { cwd: repo });
    const main = r.files.find((f) => f.path === 'main.tf');
    expect(main?.kind).toBe('tf');
    expect(main?.dir).toBe('.');
    expect(main?.text).toBe(MAIN_TF);
    expect(main?.blocks.map((b) => `${b.type}.${b.labels.join('.')}`)).toEqual([
      'module.net',
      'module.escape',
      'module.registry',
      'resource.huaweicloud_lb_pool.web',
    ]);
    expect(main?.json['resource']).toEqual({ huaweicloud_lb_pool: { web: [{ protocol: 'HTTP' }] } });
    expect(main?.ignores).toMatchObject([{ rules: ['pool-without-listener'], reason: 'kept for blue/green', targetLine: 15, problems: [] }]);
    expect(fmt(main?.blocks[3]?.headerRange)).toBe('15:1-15:37');
    expect(main?.blocks[3]?.range.file).toBe('main.tf');
  });

  it('fills ParsedFile for tfvars and JSON files', async () => {
    const r = await loadPaths(['.'], { cwd: repo, exclude: ['excluded/', '**/skipme.tf'] });
    const tfvars = r.files.find((f) => f.path === 'terraform.tfvars');
    expect(tfvars?.kind).toBe('tfvars');
    expect(tfvars?.json).toEqual({ cidr: '10.0.0.0/8', ports: [80, 443] });
    expect(tfvars?.blocks).toEqual([]);
    expect(fmt(tfvars?.attributes['ports']?.valueRange)).toBe('2:9-2:18');
    const json = r.files.find((f) => f.path === 'prod.auto.tfvars.json');
    expect(json?.kind).toBe('tfvars.json');
    expect(json?.json).toEqual({ env: 'prod' });
    expect(fmt(json?.attributes['env']?.valueRange)).toBe('1:10-1:16');
    const tfJson = r.files.find((f) => f.path === 'data.tf.json');
    expect(tfJson?.kind).toBe('tf.json');
    expect(tfJson?.blocks[0]?.labels).toEqual(['alicloud_slb_listener', 'http']);
    expect(fmt(tfJson?.blocks[0]?.attributes['frontend_port']?.valueRange)).toBe('4:34-4:36');
  });

  it('is deterministic', async () => {
    const a = await loadPaths(['.', 'env'], { cwd: repo, exclude: ['excluded/'] });
    const b = await loadPaths(['env', '.'], { cwd: repo, exclude: ['excluded/'] });
    expect(JSON.stringify(a)).toBe(JSON.stringify(await loadPaths(['.', 'env'], { cwd: repo, exclude: ['excluded/'] })));
    expect(a.files.map((f) => f.path)).toEqual(b.files.map((f) => f.path));
    expect(a.roots).toEqual(b.roots);
  });

  it('applies excludes', async () => {
    const without = await loadPaths(['.'], { cwd: repo });
    expect(without.files.map((f) => f.path)).toContain('excluded/x.tf');
    expect(without.files.map((f) => f.path)).toContain('deep/skipme.tf');
    const r = await loadPaths(['.'], { cwd: repo, exclude: ['excluded/', 'skipme.tf'] });
    expect(r.files.map((f) => f.path).filter((p) => p.includes('excluded') || p.includes('skipme'))).toEqual([]);
  });

  it('never follows a symlink out of the root and stops at loops', async () => {
    const r = await loadPaths(['.'], { cwd: repo });
    const paths = r.files.map((f) => f.path);
    expect(paths.filter((p) => p.startsWith('link-out') || p.startsWith('loop/') || p === 'linked-out.tf')).toEqual([]);
    expect(paths.filter((p) => p.startsWith('alias-env/'))).toEqual([]); // env/ was read under its own name
    expect(paths.filter((p) => p.includes('outside'))).toEqual([]);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('loadPaths arguments', () => {
  it('reports a path that does not exist', async () => {
    const r = await loadPaths(['nope', 'main.tf'], { cwd: repo });
    expect(r.errors[0]).toEqual({ message: "lblint: path 'nope' does not exist" });
    expect(r.files.map((f) => f.path)).toContain('main.tf');
  });

  it('loads a file argument and its local modules', async () => {
    const r = await loadPaths(['main.tf'], { cwd: repo });
    // The folder of a file argument is a root, so its .terraform/modules/modules.json is read too.
    expect(r.files.map((f) => f.path)).toEqual(['.terraform/modules/registry/main.tf', 'main.tf', 'modules/net/main.tf', 'modules/sub/main.tf']);
    expect(r.roots).toEqual(['.']);
  });

  it('loads a module outside the walked path when it is inside cwd', async () => {
    const r = await loadPaths(['env/prod'], { cwd: repo });
    expect(r.files.map((f) => f.path)).toEqual(['env/prod/main.tf', 'modules/net/main.tf', 'modules/sub/main.tf']);
    expect(r.roots).toEqual(['env/prod']);
    expect(r.errors).toEqual([]);
  });

  it('reads a module above the root when cwd contains it', async () => {
    const r = await loadPaths(['repo/main.tf'], { cwd: tmp });
    expect(r.files.map((f) => f.path)).toContain('outside/main.tf');
    expect(r.roots).toEqual(['repo']);
  });

  it('reports a local module that does not exist', async () => {
    const dir = path.join(tmp, 'missing-module');
    await write(dir, { 'main.tf': 'module "x" {\n  source = "./nowhere"\n}\n' });
    const r = await loadPaths(['.'], { cwd: dir });
    expect(messages(r.errors)).toEqual(["main.tf:2:12-2:23: module \"x\": source folder './nowhere' does not exist"]);
  });

  it('converts HCL character columns to UTF-16 columns', async () => {
    const dir = path.join(tmp, 'emoji');
    await write(dir, { 'main.tf': 'locals {\n  a = "😀😀" b\n}\n' });
    const r = await loadPaths(['.'], { cwd: dir });
    const e = r.errors[0];
    expect(e?.file).toBe('main.tf');
    // hcl2json says column 12 (characters); the `b` is at UTF-16 column 14.
    expect(fmt(e?.range)).toBe('2:14-2:15');
  });

  it('reports invalid JSON with a location', async () => {
    const dir = path.join(tmp, 'badjson');
    await write(dir, { 'main.tf.json': '{\n  "resource": {\n    "a" 1\n  }\n}\n' });
    const r = await loadPaths(['.'], { cwd: dir });
    expect(messages(r.errors)).toEqual(["main.tf.json:3:9-3:10: invalid JSON: expected ':'"]);
  });

  it('decodes invalid UTF-8 and still parses', async () => {
    const dir = path.join(tmp, 'latin1');
    await write(dir, { 'main.tf': Buffer.from('locals {\n  a = "caf\xe9"\n}\n', 'latin1') });
    const r = await loadPaths(['.'], { cwd: dir });
    expect(r.errors).toEqual([]);
    expect(r.files[0]?.json).toEqual({ locals: [{ a: 'caf\uFFFD' }] });
  });

  it('strips a BOM', async () => {
    const dir = path.join(tmp, 'bom');
    await write(dir, { 'main.tf': '\uFEFFresource "t" "n" {\n}\n' });
    const r = await loadPaths(['.'], { cwd: dir });
    expect(r.files[0]?.text.startsWith('resource')).toBe(true);
    expect(fmt(r.files[0]?.blocks[0]?.headerRange)).toBe('1:1-1:17');
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    const dir = path.join(tmp, 'perm');
    await write(dir, { 'main.tf': 'locals {}\n', 'ok.tf': 'locals {}\n' });
    await fs.chmod(path.join(dir, 'main.tf'), 0o000);
    const r = await loadPaths(['.'], { cwd: dir });
    expect(messages(r.errors)).toEqual(["main.tf:: cannot read file 'main.tf': permission denied"]);
    expect(r.files.map((f) => f.path)).toEqual(['ok.tf']);
  });
});

describe('loadVarFile and readText', () => {
  it('loads an HCL var file', async () => {
    const r = await loadVarFile('other.tfvars', repo);
    expect(r.error).toBeUndefined();
    expect(r.file?.json).toEqual({ not: 'collected while walking' });
    expect(r.file?.kind).toBe('tfvars');
  });

  it('loads a JSON var file', async () => {
    const r = await loadVarFile(path.join(repo, 'prod.auto.tfvars.json'), repo);
    expect(r.file?.path).toBe('prod.auto.tfvars.json');
    expect(r.file?.kind).toBe('tfvars.json');
  });

  it('reports a missing var file', async () => {
    const r = await loadVarFile('missing.tfvars', repo);
    expect(r.error).toEqual({ file: 'missing.tfvars', message: "cannot read file 'missing.tfvars': it does not exist" });
  });

  it('reads text and refuses binary files', async () => {
    expect((await readText('terraform.tfvars', repo)).text).toBe('cidr = "10.0.0.0/8"\nports = [80, 443]\n');
    expect((await readText('binary.tf', repo)).error?.message).toMatch(/not a text file/);
  });
});

describe('compileExcludes', () => {
  it.each([
    ['a folder pattern matches a folder at any depth', 'examples/', 'a/examples', true, true],
    ['a folder pattern does not match a file', 'examples/', 'examples', false, false],
    ['an anchored pattern matches from cwd only', 'env/dev/', 'x/env/dev', true, false],
    ['an anchored pattern matches at cwd', '/env/dev/', 'env/dev', true, true],
    ['a star stays inside a name', 'env/*.tf', 'env/a/b.tf', false, false],
    ['a star matches a name', '*.generated.tf', 'a/b/x.generated.tf', false, true],
    ['a double star crosses folders', 'stacks/**/legacy.tf', 'stacks/a/b/legacy.tf', false, true],
    ['a leading double star', '**/fixtures', 'a/b/fixtures', true, true],
    ['a question mark is one character', 'v?.tf', 'v1.tf', false, true],
    ['a negation is ignored', '!keep.tf', 'keep.tf', false, false],
  ])('%s', (_name, pattern, rel, isDir, expected) => {
    expect(compileExcludes([pattern])(rel, isDir)).toBe(expected);
  });
});

describe('modules called from .tf.json', () => {
  it('loads a local module named in JSON and points errors at its source', async () => {
    const dir = path.join(tmp, 'jsonmod');
    await write(dir, {
      'main.tf.json': '{\n  "module": {\n    "a": { "source": "./mod" },\n    "b": { "source": "./none" }\n  }\n}\n',
      'mod/main.tf': 'resource "t" "in_module" {}\n',
    });
    const r = await loadPaths(['.'], { cwd: dir });
    expect(r.files.map((f) => f.path)).toEqual(['main.tf.json', 'mod/main.tf']);
    expect(r.roots).toEqual(['.']);
    expect(messages(r.errors)).toEqual(["main.tf.json:4:22-4:30: module \"b\": source folder './none' does not exist"]);
  });
});
