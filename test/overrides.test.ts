// OpenTofu's .tofu files and Terraform's override files (src/load/override.ts), on realistic
// fixtures through the CLI and on small configurations through the loader.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPaths } from '../src/load/index.js';
import type { ParsedFile } from '../src/types.js';
import { TESTDATA, lintFolder } from './helpers/fixtures.js';
import { cli, findingsOf } from './helpers/cli-run.js';

const where = (f: { ruleId: string; location: { file: string; start: { line: number; column: number } }; address: string }) =>
  `${f.ruleId} ${f.location.file}:${f.location.start.line}:${f.location.start.column} ${f.address}`;

let work: string | undefined;
afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

/** A temporary folder holding `files` (name → text). */
function folder(files: Record<string, string>): string {
  work = mkdtempSync(path.join(tmpdir(), 'lblint-override-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(work, name), text);
  return work;
}

function resourceBody(files: ParsedFile[], type: string, name: string): Record<string, unknown> | undefined {
  for (const f of files) {
    const raw = ((f.json['resource'] as Record<string, Record<string, unknown>> | undefined)?.[type] ?? {})[name];
    const body = Array.isArray(raw) ? raw[0] : raw;
    if (body) return body as Record<string, unknown>;
  }
  return undefined;
}

describe('override files, on a shared ELB root', () => {
  it('lints the merged configuration: the overridden weight points at override.tf, the overridden local changes the health-check port', async () => {
    const { code, stdout } = await cli(['overrides', '--format', 'json'], TESTDATA);
    expect(code).toBe(1);
    expect(findingsOf(stdout).map(where)).toEqual([
      'health-check-port-mismatch overrides/main.tf:42:17 huaweicloud_lb_monitor.web',
      'security-group-blocks-health-check overrides/network.tf:26:1 huaweicloud_networking_secgroup.backend',
      'member-weight-zero overrides/override.tf:3:12 huaweicloud_lb_member.web[0]',
      'member-weight-zero overrides/override.tf:3:12 huaweicloud_lb_member.web[1]',
    ]);
    const weight = findingsOf(stdout).find((f) => f.ruleId === 'member-weight-zero');
    expect(weight?.severity).toBe('error'); // every member of the pool: the override applies to all count instances
    expect(findingsOf(stdout).find((f) => f.ruleId === 'health-check-port-mismatch')?.message).toMatch(/checks port 8443, but .* serve port 8080/);
  });

  it('finds nothing once the override files are gone (the base configuration passes)', async () => {
    work = mkdtempSync(path.join(tmpdir(), 'lblint-override-'));
    cpSync(path.join(TESTDATA, 'overrides'), work, { recursive: true, filter: (src) => !/override\.tf$/.test(src) });
    const { code, stdout } = await cli(['.', '--format', 'json'], work);
    expect(findingsOf(stdout)).toEqual([]);
    expect(code).toBe(0);
  });

  it('honours an lblint-ignore comment written in the override file', async () => {
    work = mkdtempSync(path.join(tmpdir(), 'lblint-override-'));
    cpSync(path.join(TESTDATA, 'overrides'), work, { recursive: true });
    writeFileSync(
      path.join(work, 'override.tf'),
      'resource "huaweicloud_lb_member" "web" {\n  # lblint-ignore member-weight-zero -- draining for the migration (OPS-42)\n  weight = 0\n}\n',
    );
    const { stdout } = await cli(['.', '--format', 'json'], work);
    const weights = (JSON.parse(stdout) as { findings: { ruleId: string; suppressed: boolean; location: { file: string; start: { line: number } } }[] }).findings.filter((f) => f.ruleId === 'member-weight-zero');
    expect(weights.map((f) => [f.location.file, f.location.start.line, f.suppressed])).toEqual([
      ['override.tf', 3, true],
      ['override.tf', 3, true],
    ]);
  });

  it('gives the same findings when each root is linted in a worker', async () => {
    const inline = await lintFolder(path.join(TESTDATA, 'overrides'), { rootWorkers: false, jobs: 1 });
    const workers = await lintFolder(path.join(TESTDATA, 'overrides'), { rootWorkers: true, jobs: 2 });
    expect(workers.errors).toEqual([]);
    expect(workers.findings.map((f) => [f.ruleId, f.address, f.range])).toEqual(inline.findings.map((f) => [f.ruleId, f.address, f.range]));
  });
});

describe('OpenTofu .tofu files', () => {
  it('lints x.tofu in place of x.tf, and x.tofu.json in place of x.tf.json', async () => {
    const { code, stdout, stderr } = await cli(['opentofu', '--format', 'json', '--verbose'], TESTDATA);
    expect(code).toBe(1);
    // main.tf's members have weight 0, monitor.tf.json checks the member port: neither file is read.
    expect(findingsOf(stdout).map(where)).toEqual([
      'health-check-port-mismatch opentofu/monitor.tofu.json:10:17 huaweicloud_lb_monitor.web',
      'security-group-blocks-health-check opentofu/network.tf:26:1 huaweicloud_networking_secgroup.backend',
    ]);
    expect(stderr).not.toMatch(/duplicate/);
  });

  it('reads a folder of .tofu files only', async () => {
    work = mkdtempSync(path.join(tmpdir(), 'lblint-tofu-'));
    cpSync(path.join(TESTDATA, 'opentofu'), work, { recursive: true, filter: (src) => !/\.tf(\.json)?$/.test(src) || src.endsWith('network.tf') || src.endsWith('variables.tf') });
    writeFileSync(path.join(work, 'extra.tofu'), 'variable "extra" {\n  default = 1\n}\n');
    const { stdout } = await cli(['.', '--format', 'json'], work);
    expect(findingsOf(stdout).map((f) => `${f.ruleId} ${f.location.file}`)).toEqual([
      'health-check-port-mismatch monitor.tofu.json',
      'security-group-blocks-health-check network.tf',
    ]);
  });

  it('accepts a .tofu file named on the command line (alone, its pool has no monitor)', async () => {
    const { code, stdout } = await cli(['opentofu/main.tofu', '--format', 'json'], TESTDATA);
    expect(code).toBe(0);
    expect(findingsOf(stdout).map(where)).toEqual(['health-check-disabled opentofu/main.tofu:14:1 huaweicloud_lb_pool.web']);
  });
});

describe('Terraform override merging rules', () => {
  it('replaces attributes one by one; nested block types of the override replace all blocks of that type, unmerged', async () => {
    const dir = folder({
      'main.tf': [
        'resource "huaweicloud_networking_secgroup" "sg" {',
        '  name        = "base"',
        '  description = "kept"',
        '  tags        = { a = "1" }',
        '  rule {',
        '    port = 80',
        '    note = "first"',
        '  }',
        '  rule {',
        '    port = 443',
        '  }',
        '  dynamic "rule" {',
        '    for_each = [1]',
        '    content {',
        '      port = 22',
        '    }',
        '  }',
        '  timeouts {',
        '    create = "5m"',
        '  }',
        '}',
        '',
      ].join('\n'),
      'override.tf': ['resource "huaweicloud_networking_secgroup" "sg" {', '  name = "override"', '  rule {', '    port = 8080', '  }', '}', ''].join('\n'),
    });
    const { files, errors } = await loadPaths(['.'], { cwd: dir, jobs: 1, selective: false });
    expect(errors).toEqual([]);
    const body = resourceBody(files, 'huaweicloud_networking_secgroup', 'sg');
    expect(body).toMatchObject({ name: 'override', description: 'kept', tags: { a: '1' }, rule: [{ port: 8080 }], timeouts: [{ create: '5m' }] });
    expect(body?.['dynamic']).toBeUndefined();
    expect((body?.['rule'] as unknown[])[0]).not.toHaveProperty('note');
    const main = files.find((f) => f.path === 'main.tf')!;
    const block = main.blocks.find((b) => b.type === 'resource')!;
    expect(block.attributes['name']?.valueRange).toEqual({ file: 'override.tf', start: { line: 2, column: 10 }, end: { line: 2, column: 20 } });
    expect(block.attributes['description']?.valueRange.file).toBe('main.tf');
    expect(block.blocks.map((b) => [b.type, b.range.file, b.range.start.line])).toEqual([
      ['timeouts', 'main.tf', 18],
      ['rule', 'override.tf', 3],
    ]);
    expect(block.range.file).toBe('main.tf');
    // The override file declares nothing of its own any more.
    expect(files.find((f) => f.path === 'override.tf')?.json).toEqual({});
  });

  it('merges a resource lifecycle argument by argument', async () => {
    const dir = folder({
      'main.tf': 'resource "huaweicloud_lb_pool" "p" {\n  protocol = "HTTP"\n  lifecycle {\n    ignore_changes = [name]\n  }\n}\n',
      'pool_override.tf': 'resource "huaweicloud_lb_pool" "p" {\n  lifecycle {\n    create_before_destroy = true\n  }\n}\n',
    });
    const { files, errors } = await loadPaths(['.'], { cwd: dir, jobs: 1 });
    expect(errors).toEqual([]);
    expect(resourceBody(files, 'huaweicloud_lb_pool', 'p')).toMatchObject({ protocol: 'HTTP', lifecycle: [{ ignore_changes: ['${name}'], create_before_destroy: true }] });
  });

  it('overrides local values one by one, whatever locals block holds them, and variables in the standard way', async () => {
    const dir = folder({
      'main.tf': 'locals {\n  a = 1\n}\n\nlocals {\n  b = 2\n  c = 3\n}\n\nvariable "port" {\n  type    = number\n  default = 80\n}\n',
      'override.tf': 'locals {\n  b = 20\n}\n\nvariable "port" {\n  default = 8080\n}\n',
    });
    const { files, errors } = await loadPaths(['.'], { cwd: dir, jobs: 1 });
    expect(errors).toEqual([]);
    const main = files.find((f) => f.path === 'main.tf')!;
    expect(main.json['locals']).toEqual([{ a: 1 }, { b: 20, c: 3 }]);
    expect((main.json['variable'] as Record<string, unknown[]>)['port']?.[0]).toEqual({ type: '${number}', default: 8080 });
    const locals = main.blocks.filter((b) => b.type === 'locals');
    expect(locals[1]?.attributes['b']?.valueRange).toEqual({ file: 'override.tf', start: { line: 2, column: 7 }, end: { line: 2, column: 9 } });
    expect(locals[1]?.attributes['c']?.valueRange.file).toBe('main.tf');
  });

  it('applies override files in lexicographical order, then in file order: the last one wins', async () => {
    const base = 'resource "huaweicloud_lb_member" "m" {\n  pool_id = "p"\n  address = "10.0.0.1"\n  weight  = 1\n}\n';
    const dir = folder({
      'main.tf': base,
      'override.tf': 'resource "huaweicloud_lb_member" "m" {\n  weight = 3\n}\n',
      'a_override.tf': 'resource "huaweicloud_lb_member" "m" {\n  weight = 2\n  address = "10.0.0.2"\n}\n',
      'z_override.tf.json': JSON.stringify({ resource: { huaweicloud_lb_member: { m: { weight: 4 } } } }),
    });
    const { files, errors } = await loadPaths(['.'], { cwd: dir, jobs: 1 });
    expect(errors).toEqual([]);
    expect(resourceBody(files, 'huaweicloud_lb_member', 'm')).toEqual({ pool_id: 'p', address: '10.0.0.2', weight: 4 });
    const block = files.find((f) => f.path === 'main.tf')!.blocks[0]!;
    expect(block.attributes['weight']?.valueRange.file).toBe('z_override.tf.json');
    expect(block.attributes['address']?.valueRange.file).toBe('a_override.tf');
  });

  it('reports an override of nothing and depends_on in an override block as located errors', async () => {
    const dir = folder({
      'main.tf': 'resource "huaweicloud_lb_pool" "p" {\n  protocol = "HTTP"\n}\n',
      'override.tf': 'resource "huaweicloud_lb_pool" "q" {\n  protocol = "TCP"\n}\n\nresource "huaweicloud_lb_pool" "p" {\n  depends_on = [huaweicloud_lb_pool.q]\n}\n\nlocals {\n  missing = 1\n}\n',
    });
    const { errors } = await loadPaths(['.'], { cwd: dir, jobs: 1 });
    expect(errors.map((e) => [e.range?.file, e.range?.start.line, e.range?.start.column, e.message])).toEqual([
      ['override.tf', 1, 1, 'resource "huaweicloud_lb_pool" "q": no block of that name to override in this folder (Terraform rejects the override file)'],
      ['override.tf', 6, 3, 'resource "huaweicloud_lb_pool" "p": depends_on may not be used in an override file (Terraform rejects it)'],
      ['override.tf', 10, 3, 'local.missing: no local value of that name to override in this folder (Terraform rejects the override)'],
    ]);
  });

  it('does not report an override file as a duplicate declaration, but still reports real duplicates', async () => {
    const block = 'resource "huaweicloud_lb_pool" "p" {\n  protocol = "HTTP"\n}\n';
    const dir = folder({ 'main.tf': block, 'other.tf': block, 'override.tf': block });
    const { errors } = await loadPaths(['.'], { cwd: dir, jobs: 1 });
    expect(errors.map((e) => e.range?.file)).toEqual(['other.tf']);
    expect(errors[0]?.message).toMatch(/^duplicate resource/);
  });

  it('takes override.tofu in place of override.tf', async () => {
    const dir = folder({
      'main.tf': 'resource "huaweicloud_lb_member" "m" {\n  weight = 1\n}\n',
      'override.tf': 'resource "huaweicloud_lb_member" "m" {\n  weight = 2\n}\n',
      'override.tofu': 'resource "huaweicloud_lb_member" "m" {\n  weight = 3\n}\n',
    });
    const { files } = await loadPaths(['.'], { cwd: dir, jobs: 1 });
    expect(files.map((f) => f.path)).toEqual(['main.tf', 'override.tofu']);
    expect(resourceBody(files, 'huaweicloud_lb_member', 'm')).toEqual({ weight: 3 });
  });
});
