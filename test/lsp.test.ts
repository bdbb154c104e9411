// `lblint lsp` driven over real JSON-RPC: the built CLI is spawned and spoken to with framed LSP
// messages, as an editor would (initialize → initialized → didOpen → publishDiagnostics, didChange
// with unsaved text, codeAction, shutdown → exit). Runs the committed bundle (`npm run dist` after changing src/).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TESTDATA } from './helpers/fixtures.js';
import { LspClient, type Message } from './helpers/lsp-client.js';

const BIN = path.join(ROOT, 'dist/lblint.cjs');

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  codeDescription?: { href: string };
  source: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Diagnostic['range'] }; message: string }[];
}
interface Published {
  uri: string;
  diagnostics: Diagnostic[];
}
interface TextEdit {
  range: Diagnostic['range'];
  newText: string;
}

/** Applies LSP text edits (one here) to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

describe('lblint lsp', () => {
  let work: string;
  let client: LspClient;
  let securityUri: string;
  let securityText: string;
  let version = 1;
  const diagnosticsFor = (uri: string, test: (p: Published) => boolean = () => true): Promise<Published> =>
    client.waitFor((m: Message) => m.method === 'textDocument/publishDiagnostics' && (m.params as Published).uri === uri && test(m.params as Published), `diagnostics of ${uri}`).then((m) => m.params as Published);
  const change = (text: string): void => {
    version += 1;
    client.notify('textDocument/didChange', { textDocument: { uri: securityUri, version }, contentChanges: [{ text }] });
  };

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'lblint-lsp-'));
    // A shared ELB root: variables, count, several files; the security group misses the health-check port.
    cpSync(path.join(TESTDATA, 'cli/shared-elb'), path.join(work, 'infra'), { recursive: true });
    securityText = readFileSync(path.join(work, 'infra/security.tf'), 'utf8');
    securityUri = pathToFileURL(path.join(work, 'infra/security.tf')).href;
    client = new LspClient(process.execPath, [BIN, 'lsp', '--stdio'], work);
  });
  afterAll(() => {
    client.child.kill();
    rmSync(work, { recursive: true, force: true });
  });

  it('initializes with incremental text sync and quick-fix code actions', async () => {
    const reply = await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(work).href, capabilities: {}, workspaceFolders: null });
    const result = reply.result as { capabilities: { textDocumentSync: { openClose: boolean; change: number }; codeActionProvider: { codeActionKinds: string[] } }; serverInfo: { name: string } };
    expect(result.serverInfo.name).toBe('lblint');
    expect(result.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(result.capabilities.codeActionProvider.codeActionKinds).toEqual(['quickfix']);
    client.notify('initialized', {});
  });

  it('publishes the finding of an opened file: range, code, docs link, related locations, severity', async () => {
    const published = diagnosticsFor(securityUri);
    client.notify('textDocument/didOpen', { textDocument: { uri: securityUri, languageId: 'terraform', version, text: securityText } });
    const { diagnostics } = await published;
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.code).toBe('security-group-blocks-health-check');
    expect(d.severity).toBe(1);
    expect(d.source).toBe('lblint');
    // `resource "huaweicloud_networking_secgroup" "fail_backend"`: line 1, columns 1-58 (1-based, end exclusive) → 0-based.
    expect(d.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 57 } });
    expect(d.message).toMatch(/^huaweicloud_networking_secgroup\.fail_backend admits no TCP port 8080 from 100\.125\.0\.0\/16/);
    // package.json names no repository, so there is no docs page that surely resolves: no link (issue 15).
    expect(d.codeDescription).toBeUndefined();
    const elbUri = pathToFileURL(path.join(work, 'infra/elb.tf')).href;
    expect(d.relatedInformation).toContainEqual({
      location: { uri: elbUri, range: { start: { line: 27, character: 0 }, end: expect.anything() } },
      message: 'huaweicloud_lb_monitor.web: health monitor',
    });
    expect(d.relatedInformation).toContainEqual(expect.objectContaining({ location: expect.objectContaining({ uri: securityUri, range: expect.objectContaining({ start: { line: 5, character: 0 } }) }) }));
  });

  it('lints the unsaved text of a changed buffer, and never writes the file', async () => {
    const fixed = securityText.replace('remote_ip_prefix  = var.vpc_cidr', 'remote_ip_prefix  = "100.125.0.0/16"');
    expect(fixed).not.toBe(securityText);
    const cleared = diagnosticsFor(securityUri);
    change(fixed);
    expect((await cleared).diagnostics).toEqual([]);
    expect(readFileSync(path.join(work, 'infra/security.tf'), 'utf8')).toBe(securityText);

    const broken = diagnosticsFor(securityUri);
    change(fixed.replace('direction         = "ingress"', 'direction         = = "ingress"'));
    const { diagnostics } = await broken;
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.start.line])).toEqual([['lblint-load-error', 1, 7]]);
    expect(diagnostics[0]!.codeDescription).toBeUndefined();
  });

  it('offers the fix as a code action whose edit, applied, clears the finding', async () => {
    const back = diagnosticsFor(securityUri, (p) => p.diagnostics.length === 1);
    change(securityText);
    const d = (await back).diagnostics[0]!;
    const reply = await client.request('textDocument/codeAction', { textDocument: { uri: securityUri }, range: d.range, context: { diagnostics: [d] } });
    const actions = reply.result as { title: string; kind: string; diagnostics: Diagnostic[]; edit: { changes: Record<string, TextEdit[]> } }[];
    expect(actions).toHaveLength(1);
    const action = actions[0]!;
    expect(action.title).toBe('Admit TCP port 8080 from 100.125.0.0/16 in huaweicloud_networking_secgroup.fail_backend.');
    expect(action.kind).toBe('quickfix');
    expect(Object.keys(action.edit.changes)).toEqual([securityUri]);
    const edits = action.edit.changes[securityUri]!;
    expect(edits[0]!.range.start).toEqual({ line: 3, character: 1 }); // after the security group's closing brace
    const applied = applyEdits(securityText, edits);
    expect(applied).toContain('}\n\nresource "huaweicloud_networking_secgroup_rule" "fail_backend_allow_health_check_8080" {\n');
    const none = diagnosticsFor(securityUri);
    change(applied);
    expect((await none).diagnostics).toEqual([]);

    const elsewhere = await client.request('textDocument/codeAction', { textDocument: { uri: securityUri }, range: { start: { line: 14, character: 0 }, end: { line: 14, character: 1 } }, context: { diagnostics: [] } });
    expect(elsewhere.result).toEqual([]);
  });

  it('shuts down and exits 0', async () => {
    const reply = await client.request('shutdown', null);
    expect(reply.error).toBeUndefined();
    const exited = client.exited();
    client.notify('exit', null);
    expect(await exited).toBe(0);
  });
});
