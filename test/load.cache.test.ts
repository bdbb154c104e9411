// The parse cache (--cache): a re-run with nothing changed parses nothing, a changed file is parsed
// again, and a bad cache file is ignored and rewritten, never a crash.
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../src/load/index.js';

const LB = `resource "huaweicloud_lb_loadbalancer" "lb" {
  vip_subnet_id = "subnet-1"
}
resource "huaweicloud_lb_pool" "p" {
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
}
resource "huaweicloud_lb_member" "m" {
  pool_id = huaweicloud_lb_pool.p.id
  address = aws_instance.vm.private_ip
}
`;
const OTHER = `resource "aws_instance" "vm" {
  private_ip = "10.0.0.5"
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
`;
const VARS = 'variable "x" {\n  default = 1\n}\n';

let tmp = '';
beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'lblint-cache-')));
});
afterAll(async () => {
  if (tmp !== '') await fs.rm(tmp, { recursive: true, force: true });
});

async function repo(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'lb.tf'), LB);
  await fs.writeFile(path.join(dir, 'other.tf'), OTHER);
  await fs.writeFile(path.join(dir, 'vars.tf'), VARS);
  await fs.writeFile(path.join(dir, 'terraform.tfvars'), 'x = 2\n');
  return dir;
}

const load = (cwd: string, location?: string) => loadPaths(['.'], { cwd, jobs: 1, cache: location === undefined ? {} : { location } });
/** Files parsed (by hcl2json or the fast path), not answered by the cache. */
const parses = (stats: { hclCalls: number; fastParses: number }): number => stats.hclCalls + stats.fastParses;
const CACHE_FILE = path.join('.lblint-cache', 'parse-cache.json');

describe('parse cache', () => {
  it('parses nothing on a re-run with nothing changed, and gives the same result', async () => {
    const dir = await repo('rerun');
    const cold = await load(dir);
    expect(parses(cold.stats)).toBeGreaterThan(0);
    expect(cold.stats.cacheHits).toBe(0);
    expect(existsSync(path.join(dir, CACHE_FILE))).toBe(true);
    const warm = await load(dir);
    expect(parses(warm.stats)).toBe(0);
    expect(warm.stats.cacheHits).toBeGreaterThanOrEqual(4); // other.tf twice: alone, then with the block lb.tf refers to
    expect(JSON.stringify(warm.files)).toBe(JSON.stringify(cold.files));
    expect(warm.errors).toEqual(cold.errors);
    // The left-out block the member refers to was parsed (from the cache too).
    expect(Object.keys(warm.files.find((f) => f.path === 'other.tf')?.json['resource'] as object)).toEqual(['aws_instance']);
  });

  it('parses a changed file again and only that file', async () => {
    const dir = await repo('changed');
    await load(dir);
    await fs.writeFile(path.join(dir, 'vars.tf'), 'variable "x" {\n  default = 3\n}\n');
    const r = await load(dir);
    expect(parses(r.stats)).toBe(1);
    expect(r.files.find((f) => f.path === 'vars.tf')?.json).toEqual({ variable: { x: [{ default: 3 }] } });
    expect(parses((await load(dir)).stats)).toBe(0);
  });

  it('does not create a cache folder unless asked', async () => {
    const dir = await repo('no-cache');
    await loadPaths(['.'], { cwd: dir, jobs: 1 });
    expect(existsSync(path.join(dir, '.lblint-cache'))).toBe(false);
  });

  it('uses --cache-location', async () => {
    const dir = await repo('location');
    await load(dir, 'build/lblint');
    expect(existsSync(path.join(dir, 'build/lblint/parse-cache.json'))).toBe(true);
    expect(parses((await load(dir, 'build/lblint')).stats)).toBe(0);
  });

  it.each([
    ['corrupt', '{"tool":"lblint","format":1,"version":"0.1.0","entries":{"x":'],
    ['truncated', ''],
    ['not JSON', '\u0000\u0001binary'],
    ['foreign', '{"name":"some other tool","entries":[]}'],
    ['another version', '{"tool":"lblint","format":1,"version":"0.0.0-old","entries":{}}'],
    ['malformed entries', '{"tool":"lblint","format":1,"version":"VERSION","entries":{"a":5,"b":[{"parsed":"some","json":1}]}}'],
    ['JSON null', 'null'],
  ])('ignores and rewrites a %s cache file', async (name, content) => {
    const dir = await repo(`bad-${name.replace(/\W/g, '-')}`);
    const expected = await loadPaths(['.'], { cwd: dir, jobs: 1 });
    await fs.mkdir(path.join(dir, '.lblint-cache'), { recursive: true });
    const { VERSION } = await import('../src/version.js');
    await fs.writeFile(path.join(dir, CACHE_FILE), content.replace('VERSION', VERSION));
    const r = await load(dir);
    expect(JSON.stringify(r.files)).toBe(JSON.stringify(expected.files));
    expect(r.errors).toEqual(expected.errors);
    const written = JSON.parse(await fs.readFile(path.join(dir, CACHE_FILE), 'utf8')) as { tool: string; version: string };
    expect(written.tool).toBe('lblint');
    expect(written.version).toBe(VERSION);
    expect(parses((await load(dir)).stats)).toBe(0);
  });

  it('ignores entries whose content no longer matches (a cache from another checkout)', async () => {
    const dir = await repo('poisoned');
    await load(dir);
    const file = path.join(dir, CACHE_FILE);
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as { entries: Record<string, unknown> };
    // Entries under keys no file has are never used.
    data.entries = Object.fromEntries(Object.entries(data.entries).map(([k, v]) => [`x${k}`, v]));
    await fs.writeFile(file, JSON.stringify(data));
    const r = await load(dir);
    expect(r.stats.cacheHits).toBe(0);
    expect(parses(r.stats)).toBeGreaterThan(0);
  });

  it('reports a cache it cannot write as a problem, not an error', async () => {
    const dir = await repo('unwritable');
    await fs.writeFile(path.join(dir, 'blocker'), 'a file where the cache folder should be');
    const r = await load(dir, 'blocker/cache');
    expect(r.errors).toEqual([]);
    expect(r.stats.cacheProblem).toMatch(/cannot write the cache/);
    expect(r.files.length).toBe(4);
  });
});
