// Never crash, never lie (issue 7): bad Terraform, bad files and paths, bad options, hostile
// strings and determinism, each through the real CLI in-process. Every case checks the exit code,
// a clear message without a stack trace, and that the good files next to the bad one are still
// linted (testdata/cli/shared-elb has one known finding).
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli-run.js';
import { TESTDATA } from './helpers/fixtures.js';

const KNOWN = 'security-group-blocks-health-check';

interface JsonOut {
  findings: { ruleId: string; address: string; message: string; location: { file: string; start: { line: number; column: number } } }[];
  errors: { file: string | null; location: { start: { line: number; column: number }; end: { line: number; column: number } } | null; message: string }[];
}

function project(extra: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lblint-robust-'));
  cpSync(path.join(TESTDATA, 'cli', 'shared-elb'), dir, { recursive: true });
  for (const [name, content] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function lintJson(dir: string, args: string[] = []) {
  const r = await cli(['.', '--format', 'json', ...args], dir);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return { ...r, json: JSON.parse(r.stdout) as JsonOut };
}

describe('bad Terraform: a located error, and every other file is still linted', () => {
  it.each([
    ['an unclosed block', 'resource "huaweicloud_vpc" "x" {\n  name = "a"\n', 1],
    ['stray characters', 'locals {\n  a = 1\n}\n@@@ ~~\n', 4],
    // HCL reports an unterminated heredoc where the file ends.
    ['an invalid heredoc', 'locals {\n  text = <<EOF\nnever closed\n}\n', 5],
    ['an unterminated string', 'locals {\n  name = "abc\n}\n', 2],
    ['an unterminated template interpolation', 'locals {\n  name = "${var.x"\n}\n', 2],
  ])('%s', async (_name, text, line) => {
    const { code, json } = await lintJson(project({ 'bad.tf': text }));
    expect(code).toBe(2);
    expect(json.errors.length).toBeGreaterThanOrEqual(1);
    for (const e of json.errors) {
      expect(e.file).toBe('bad.tf');
      expect(e.location?.start.column).toBeGreaterThanOrEqual(1);
    }
    expect(json.errors[0]!.location?.start.line).toBe(line);
    expect(json.findings.map((f) => f.ruleId)).toContain(KNOWN);
  });

  it('a .tf.json that is not JSON', async () => {
    const { code, json } = await lintJson(project({ 'extra.tf.json': '{\n  "resource": {\n    "huaweicloud_vpc": \n}\n' }));
    expect(code).toBe(2);
    expect(json.errors[0]).toMatchObject({ file: 'extra.tf.json', message: expect.stringMatching(/^invalid JSON/) });
    expect(json.errors[0]!.location?.start.line).toBe(4);
    expect(json.findings.map((f) => f.ruleId)).toContain(KNOWN);
  });

  it('a resource declared twice across files is a located error at the second one', async () => {
    const dir = project();
    const network = readFileSync(path.join(dir, 'network.tf'), 'utf8');
    const vpc = network.slice(network.indexOf('resource "huaweicloud_vpc"'), network.indexOf('}', network.indexOf('resource "huaweicloud_vpc"')) + 1);
    writeFileSync(path.join(dir, 'zz-copy.tf'), `# copied by mistake\n${vpc}\n`);
    const { code, json } = await lintJson(dir);
    expect(code).toBe(2);
    expect(json.errors).toEqual([
      {
        file: 'zz-copy.tf',
        location: expect.objectContaining({ start: { line: 2, column: 1 } }),
        message: expect.stringMatching(/^duplicate resource "huaweicloud_vpc" "\w+": already declared at network\.tf:\d+:1/),
      },
    ]);
    expect(json.findings.map((f) => f.ruleId)).toContain(KNOWN);
  });

  it('a reference to a resource that does not exist is unknown, never a finding', async () => {
    const dir = project();
    const elb = path.join(dir, 'elb.tf');
    writeFileSync(elb, readFileSync(elb, 'utf8').replace(/pool_id\s*=\s*huaweicloud_lb_pool\.web\.id/g, 'pool_id = huaweicloud_lb_pool.nowhere.id'));
    const { code, json } = await lintJson(dir);
    expect(json.errors).toEqual([]);
    expect(code).toBe(0);
    expect(json.findings).toEqual([]);
  });

  it.each([
    ['protocol_port = "eighty"', /protocol_port\s*=\s*\d+/, 'protocol_port = "eighty"', 'elb.tf'],
    ['weight = -5', /weight\s*=\s*\d+/, 'weight = -5', 'elb.tf'],
    ['remote_ip_prefix = "10.0.0.0/33"', /remote_ip_prefix\s*=\s*"[^"]*"/, 'remote_ip_prefix = "10.0.0.0/33"', 'security.tf'],
    ['ports = "90-80"', /ports\s*=\s*"[^"]*"/, 'ports = "90-80"', 'security.tf'],
  ])('an impossible value (%s) never throws', async (_name, pattern, replacement, file) => {
    const dir = project();
    const target = path.join(dir, file);
    const before = readFileSync(target, 'utf8');
    const after = before.replace(pattern, replacement);
    writeFileSync(target, after);
    const { code, json } = await lintJson(dir);
    expect(json.errors).toEqual([]);
    expect([0, 1]).toContain(code);
    // Every finding still names real addresses and lands inside its file.
    for (const f of json.findings) expect(f.location.start.line).toBeGreaterThanOrEqual(1);
  });
});

describe('bad files and paths: one clear line, the right exit code', () => {
  it('a binary file named .tf is a located error', async () => {
    const { code, json } = await lintJson(project({ 'blob.tf': Buffer.from([0x72, 0x65, 0x0a, 0x00, 0xff, 0x10]) }));
    expect(code).toBe(2);
    expect(json.errors).toEqual([{ file: 'blob.tf', location: expect.objectContaining({ start: { line: 2, column: 1 } }), message: "'blob.tf' is not a text file (it contains NUL bytes)" }]);
    expect(json.findings.map((f) => f.ruleId)).toContain(KNOWN);
  });

  it('a 20 MB generated .tf of other resources is linted, not parsed', { timeout: 120_000 }, async () => {
    const blocks: string[] = [];
    for (let i = 0, size = 0; size < 20e6; i++) {
      const block = `resource "aws_instance" "vm${i}" {\n  ami           = "ami-${i}"\n  instance_type = "t3.micro"\n  tags = {\n    Name = "vm-${i}"\n  }\n}\n\n`;
      blocks.push(block);
      size += block.length;
    }
    const { code, json } = await lintJson(project({ 'generated.tf': blocks.join('') }));
    expect(json.errors).toEqual([]);
    expect(code).toBe(1);
    expect(json.findings.map((f) => f.ruleId)).toContain(KNOWN);
  });

  it('non-UTF-8 bytes, a BOM and CRLF line ends keep the columns right', async () => {
    const dir = project();
    const security = path.join(dir, 'security.tf');
    const crlf = '\uFEFF' + readFileSync(security, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(security, crlf);
    writeFileSync(path.join(dir, 'latin1.tf'), Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nlocals {\n  owner = "ops"\n}\n')]));
    const { code, json } = await lintJson(dir);
    expect(json.errors).toEqual([]);
    expect(code).toBe(1);
    const finding = json.findings.find((f) => f.ruleId === KNOWN);
    expect(finding?.location).toMatchObject({ file: 'security.tf', start: { line: 1, column: 1 } });
  });

  it('a symlink loop and a symlink out of the root are not followed', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'lblint-outside-'));
    writeFileSync(path.join(outside, 'secret.tf'), 'resource "huaweicloud_lb_loadbalancer" "outside" {\n  vip_subnet_id = "x"\n}\n');
    const dir = project();
    symlinkSync(dir, path.join(dir, 'loop'));
    symlinkSync(outside, path.join(dir, 'escape'));
    const { code, json } = await lintJson(dir);
    expect(code).toBe(1);
    expect(json.errors).toEqual([]);
    expect(json.findings.every((f) => !f.location.file.startsWith('escape') && !f.location.file.startsWith('loop'))).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file is a one-line error; the rest is linted', async () => {
    const dir = project({ 'locked.tf': 'locals {}\n' });
    chmodSync(path.join(dir, 'locked.tf'), 0o000);
    const { code, json } = await lintJson(dir);
    expect(code).toBe(2);
    expect(json.errors[0]!.message).toMatch(/permission denied/i);
    expect(json.findings.map((f) => f.ruleId)).toContain(KNOWN);
  });

  it('an empty folder says there is nothing to lint and exits 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-empty-'));
    const r = await cli(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no Terraform files/);
  });

  it('a path that does not exist exits 2 with one line', async () => {
    const r = await cli(['missing-dir'], project());
    expect(r.code).toBe(2);
    expect((r.stderr + r.stdout).trim().split('\n').filter((l) => l.includes('missing-dir'))).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a file given instead of a folder lints that file', async () => {
    const dir = project();
    const r = await cli(['security.tf', '--format', 'json'], dir);
    expect([0, 1]).toContain(r.code);
    const json = JSON.parse(r.stdout) as JsonOut;
    expect(json.errors).toEqual([]);
  });
});

describe('bad options and config: a message naming the allowed values, exit 2', () => {
  it.each([
    [['--format', 'xml'], /text.*json.*sarif.*github/],
    [['--rule', 'no-such-rule'], /no-such-rule/],
    [['--var', 'novalue'], /--var/],
    [['--fail-on', 'sometimes'], /error.*warning.*note.*never/],
    [['--severity', `${KNOWN}=fatal`], /error.*warning.*note/],
  ])('%j', async (args, message) => {
    const r = await cli(['.', ...args], project());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an invalid config file names the key', async () => {
    const dir = project({ '.lblint.json': '{ "failOn": "sometimes" }' });
    const r = await cli(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/failOn/);
  });
});

describe('safety', () => {
  it('hostile strings in .tf cannot reach the terminal or the GitHub log unescaped', async () => {
    const dir = project();
    const security = path.join(dir, 'security.tf');
    const hostile = 'evil\u001b[2J\n::error file=x::pwned%0A';
    writeFileSync(security, readFileSync(security, 'utf8').replace('"fail_backend"', JSON.stringify(hostile).replace(/\\n/g, '\\n')));
    const text = await cli(['.', '--no-color'], dir);
    expect(text.stdout).not.toContain('\u001b');
    const github = await cli(['.', '--format', 'github'], dir);
    expect(github.stdout).not.toContain('\u001b');
    for (const line of github.stdout.split('\n')) {
      // Only lblint's own annotation commands start a line; the hostile name cannot start one.
      if (line.startsWith('::')) expect(line).toMatch(/^::(error|warning|notice) /);
      expect(line).not.toContain('::error file=x::');
    }
  });

  it('never evaluates file() or templatefile(), inside or outside the root', async () => {
    const dir = project({ 'files.tf': 'locals {\n  a = file("/etc/passwd")\n  b = templatefile("../../secret.tpl", {})\n}\n' });
    const { json } = await lintJson(dir, ['--strict']);
    expect(JSON.stringify(json)).not.toContain('root:');
  });

  it('writes nothing it was not asked to write', async () => {
    const dir = project();
    const before = readdirSnapshot(dir);
    await cli(['.', '--format', 'sarif'], dir);
    expect(readdirSnapshot(dir)).toEqual(before);
  });
});

describe('determinism', () => {
  it('gives byte-identical text, JSON and SARIF across runs and file-system order', async () => {
    const a = project();
    // The same files created in the opposite order.
    const b = mkdtempSync(path.join(tmpdir(), 'lblint-robust-'));
    for (const name of readdirSnapshot(a).reverse()) writeFileSync(path.join(b, name), readFileSync(path.join(a, name)));
    for (const format of ['text', 'json', 'sarif']) {
      const first = await cli(['.', '--format', format, '--no-color'], a);
      const second = await cli(['.', '--format', format, '--no-color'], a);
      const other = await cli(['.', '--format', format, '--no-color'], b);
      expect(second.stdout).toBe(first.stdout);
      expect(other.stdout).toBe(first.stdout);
    }
  });
});

/** Every file under `dir`, relative, sorted. */
function readdirSnapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}
