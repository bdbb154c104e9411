// The GitHub Action's entry, run the way the runner runs it: inputs as INPUT_<NAME> variables
// (upper-cased, hyphens kept), temporary GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the event
// payload at GITHUB_EVENT_PATH, and GitHub's REST API played by a server on 127.0.0.1 for the
// SARIF upload. Checks outputs, annotations (cap and escaping), the SARIF file, the job summary's
// table and Mermaid diagram, the upload (and a refused one), and the fork-PR upload skip.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryFor, formatOutput, getBooleanInput, readOnlyTokenReason, runAction } from '../src/action.js';
import { escapeData, escapeProperty, formatAnnotation } from '../src/report/github.js';
import { escapeMermaid } from '../src/report/mermaid.js';
import { TESTDATA } from './helpers/fixtures.js';

const HOSTILE_FILE = 'we%ird:na,me.tf';
/** Twelve weight-0 members (twelve warnings, two over the cap) in a file whose name needs escaping. */
const DRAIN = `resource "huaweicloud_lb_member" "drain" {
  for_each      = toset(["k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "k09", "k10", "k11", "100%:,\\n::warning::pwned"])
  pool_id       = huaweicloud_lb_pool.web.id
  address       = "192.168.1.10"
  protocol_port = 8080
  weight        = 0
  subnet_id     = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}
`;

/** The code-scanning endpoints of GitHub's REST API: uploads are accepted (202), then processed on the second status request. */
interface ApiRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const api: { server?: Server; url: string; requests: ApiRequest[] } = { url: '', requests: [] };
beforeAll(async () => {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => void (body += chunk.toString('utf8')));
    req.on('end', () => {
      api.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const reply = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.headers.authorization === 'Bearer read-only') return reply(403, { message: 'Resource not accessible by integration' });
      if (req.method === 'POST' && req.url === '/repos/acme/infra/code-scanning/sarifs') return reply(202, { id: 'upload-1', url: `${api.url}/repos/acme/infra/code-scanning/sarifs/upload-1` });
      if (req.method === 'GET' && req.url === '/repos/acme/infra/code-scanning/sarifs/upload-1') {
        const polls = api.requests.filter((r) => r.method === 'GET').length;
        return reply(200, { processing_status: polls < 2 ? 'pending' : 'complete', analyses_url: null, errors: null });
      }
      return reply(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.server = server;
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => (api.server ? api.server.close(() => resolve()) : resolve())));

interface Run {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
}

/** Parses `$GITHUB_OUTPUT`: `name=value` and `name<<DELIM … DELIM`. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

async function runLikeTheRunner(inputs: Record<string, string>, options: { hostile?: boolean; event?: unknown; eventName?: string; token?: string } = {}): Promise<Run> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lblint-action-'));
  cpSync(path.join(TESTDATA, 'cli', 'shared-elb'), path.join(dir, 'shared-elb'), { recursive: true });
  if (options.hostile) writeFileSync(path.join(dir, 'shared-elb', HOSTILE_FILE), DRAIN);
  const outputFile = path.join(dir, 'github_output');
  const summaryFile = path.join(dir, 'step_summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: dir,
    GITHUB_API_URL: api.url,
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_SHA: '4b6472266afd7b471e86085a6659e8c7f2b119da',
    GITHUB_REF: 'refs/pull/42/merge',
    // action.yml's default for the token input: ${{ github.token }}.
    INPUT_TOKEN: options.token ?? 'ghs_test',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  if (options.event !== undefined) {
    env.GITHUB_EVENT_PATH = path.join(dir, 'event.json');
    env.GITHUB_EVENT_NAME = options.eventName ?? 'pull_request';
    writeFileSync(env.GITHUB_EVENT_PATH, JSON.stringify(options.event));
  }
  let stdout = '';
  const code = await runAction({ env, cwd: dir, stdout: (t) => void (stdout += t), stderr: (t) => void (stdout += t), today: '2026-11-21', uploadWait: { timeoutMs: 5_000, intervalMs: 10 } });
  return { code, stdout, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8'), dir };
}

/** The workflow commands the runner would act on: the lines after `::<token>::` resumes them. */
function activeCommands(stdout: string): string[] {
  const lines = stdout.split('\n');
  const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
  const token = lines[stop]!.slice('::stop-commands::'.length);
  const resume = lines.indexOf(`::${token}::`);
  expect(resume).toBeGreaterThan(stop);
  return lines.slice(resume + 1).filter((l) => l.startsWith('::'));
}

describe('the Action entry on testdata/cli/shared-elb', () => {
  it('writes the outputs, the SARIF file, one annotation and a summary with a table and a Mermaid diagram', { timeout: 120_000 }, async () => {
    api.requests = [];
    const r = await runLikeTheRunner({ path: 'shared-elb', 'fail-on': 'error', 'sarif-file': 'out/../lblint.sarif', upload: 'true', annotate: 'true' });
    expect(r.code).toBe(1);
    // The SARIF file went to code scanning, for the run's commit and ref, and was processed.
    const [post, ...polls] = api.requests;
    expect(post).toMatchObject({ method: 'POST', url: '/repos/acme/infra/code-scanning/sarifs' });
    expect(post!.headers).toMatchObject({ authorization: 'Bearer ghs_test', accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' });
    const upload = JSON.parse(post!.body) as Record<string, string>;
    expect(upload).toMatchObject({ commit_sha: '4b6472266afd7b471e86085a6659e8c7f2b119da', ref: 'refs/pull/42/merge', tool_name: 'lblint', checkout_uri: pathToFileURL(r.dir).href });
    expect(upload.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(gunzipSync(Buffer.from(upload.sarif!, 'base64')).toString('utf8')).toBe(readFileSync(path.join(r.dir, 'lblint.sarif'), 'utf8'));
    expect(polls.map((p) => `${p.method} ${p.url}`)).toEqual(['GET /repos/acme/infra/code-scanning/sarifs/upload-1', 'GET /repos/acme/infra/code-scanning/sarifs/upload-1']);
    expect(r.stdout).toContain('SARIF uploaded to code scanning (upload upload-1) and processed.\n');
    expect(r.outputs).toMatchObject({ findings: '1', errors: '1', 'load-errors': '0', 'sarif-file': 'out/../lblint.sarif', upload: 'true', category: 'lblint/shared-elb', 'exit-code': '1' });

    const commands = activeCommands(r.stdout);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^::error file=shared-elb\/security\.tf,line=1,endLine=1,col=1,endColumn=58,title=Security group blocks the load balancer health check \(security-group-blocks-health-check\)::huaweicloud_networking_secgroup\.fail_backend admits no TCP port 8080/);
    // The multi-line message (related locations, trace, fix) stays on one line.
    expect(commands[0]).toContain('%0A↳ shared-elb/elb.tf:28:1 huaweicloud_lb_monitor.web: health monitor%0A');

    const sarif = JSON.parse(readFileSync(path.join(r.dir, 'lblint.sarif'), 'utf8')) as { runs: { automationDetails: { id: string }; results: { ruleId: string; partialFingerprints: Record<string, string> }[] }[] };
    expect(sarif.runs[0]!.automationDetails.id).toBe('lblint/shared-elb/');
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toEqual(['security-group-blocks-health-check']);
    expect(sarif.runs[0]!.results[0]!.partialFingerprints['lblintFingerprint/v1']).toMatch(/^[0-9a-f]{32}$/);
    const { validateSarif } = await import('./helpers/sarif-validate.js');
    expect((await validateSarif(readFileSync(path.join(r.dir, 'lblint.sarif'), 'utf8'))).errors).toEqual([]);

    expect(r.summary).toContain('| Severity | Rule | Location | Message |');
    expect(r.summary).toContain('| 🔴 error | security-group-blocks-health-check | shared-elb/security.tf:1:1 | huaweicloud\\_networking\\_secgroup.fail\\_backend admits no TCP port 8080');
    const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(r.summary)?.[1];
    expect(mermaid).toBeDefined();
    const m = mermaid!;
    expect(m.split('\n')[0]).toBe('flowchart LR');
    const id = (label: string) => new RegExp(`^  (n\\d+)\\["${label.replace(/[.[\]]/g, '\\$&')}<br/>`, 'm').exec(m)?.[1];
    const lb = id('huaweicloud_lb_loadbalancer.web');
    const listener = id('huaweicloud_lb_listener.http');
    const pool = id('huaweicloud_lb_pool.web');
    const member = id('huaweicloud_lb_member.web[0]');
    const backend = id('huaweicloud_compute_instance.web[0]');
    const sg = id('huaweicloud_networking_secgroup.fail_backend');
    for (const n of [lb, listener, pool, member, backend, sg]) expect(n).toBeDefined();
    // listener → pool → members → backend → security group, the last edge failing.
    expect(m).toContain(`  ${lb} --> ${listener}\n`);
    expect(m).toContain(`  ${listener} --> ${pool}\n`);
    expect(m).toContain(`  ${pool} --> ${member}\n`);
    expect(m).toContain(`  ${member} --> ${backend}\n`);
    expect(m).toContain(`  ${backend} -->|"✖ security-group-blocks-health-check"| ${sg}\n`);
    expect(m).toMatch(new RegExp(`^  class ${sg} failing$`, 'm'));
    expect(m).toMatch(/^ {2}linkStyle [\d,]+ stroke:#d1242f/m);
  });

  it('caps annotations at 10 per level with a closing notice, and escapes %, :, , and newlines', async () => {
    const r = await runLikeTheRunner({ path: 'shared-elb', 'fail-on': 'never' }, { hostile: true });
    expect(r.code).toBe(0);
    expect(r.outputs.findings).toBe('13');
    expect(r.outputs.errors).toBe('1');
    const commands = activeCommands(r.stdout);
    const warnings = commands.filter((c) => c.startsWith('::warning '));
    expect(commands.filter((c) => c.startsWith('::error '))).toHaveLength(1);
    expect(warnings).toHaveLength(10);
    expect(commands[commands.length - 1]).toBe('::notice title=lblint::2 more problems not annotated (GitHub shows 10 per level); see the job summary or the SARIF report for all of them.');
    // The file property escapes %, : and ,; the message escapes % (and newlines, above).
    expect(warnings[0]).toMatch(/^::warning file=shared-elb\/we%25ird%3Ana%2Cme\.tf,line=6,endLine=6,col=19,endColumn=20,title=Backend member has weight 0 \(member-weight-zero\)::/);
    expect(warnings[0]).toContain('huaweicloud_lb_member.drain["100%25:,\\n::warning::pwned"] sets weight = 0');
    // Nothing from the repository starts a workflow command of its own.
    expect(commands.every((c) => /^::(error|warning|notice) /.test(c))).toBe(true);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::warning::pwned'))).toEqual([]);
    // The summary lists every finding (13 rows) even though only 11 were annotated.
    expect(r.summary.split('\n').filter((l) => l.startsWith('| 🟡 warning | member-weight-zero |'))).toHaveLength(12);
    expect(r.summary).toContain('we%ird:na,me.tf:6:19');
    expect((r.summary.match(/```mermaid/g) ?? []).length).toBe(1);
    expect(r.summary).toContain('member-weight-zero"|');
    expect(r.summary).toMatch(/more members<br\/>member"\]/);
  });

  it('escapes CR and LF in messages and titles, and : and , in properties', () => {
    const line = formatAnnotation({ command: 'warning', file: 'a:b,c%.tf', title: 'T: x, y\r\n::error::z', message: '100% done\r\n::error::injected' });
    // A CR inside a line of repository text is shown as a visible \r; the message's own line breaks become %0A.
    expect(line).toBe('::warning file=a%3Ab%2Cc%25.tf,title=T%3A x%2C y\\r\\n%3A%3Aerror%3A%3Az::100%25 done\\r%0A::error::injected');
    expect(line).not.toMatch(/[\r\n]/);
    expect(escapeData('50%\r\n::x')).toBe('50%25%0D%0A::x');
    expect(escapeProperty('a:b,c%\r\n')).toBe('a%3Ab%2Cc%25%0D%0A');
  });

  it('drops suppressed findings from the SARIF file by default and keeps them with keep-suppressed', async () => {
    const ignore = '# lblint-ignore security-group-blocks-health-check -- health checks come in through the NAT gateway\n';
    const withIgnore = async (inputs: Record<string, string>) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'lblint-action-'));
      cpSync(path.join(TESTDATA, 'cli', 'shared-elb'), dir, { recursive: true });
      const file = path.join(dir, 'security.tf');
      writeFileSync(file, ignore + readFileSync(file, 'utf8'));
      const out = path.join(dir, 'out');
      writeFileSync(out, '');
      const env: Record<string, string> = { GITHUB_OUTPUT: out };
      for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
      const code = await runAction({ env, cwd: dir, stdout: () => {}, stderr: () => {}, today: '2026-11-21' });
      return { code, sarif: JSON.parse(readFileSync(path.join(dir, 'lblint.sarif'), 'utf8')) as { runs: { results: { suppressions?: unknown[] }[] }[] }, outputs: parseOutputs(readFileSync(out, 'utf8')) };
    };
    const dropped = await withIgnore({});
    expect(dropped.code).toBe(0);
    expect(dropped.outputs.findings).toBe('0');
    expect(dropped.sarif.runs[0]!.results).toEqual([]);
    const kept = await withIgnore({ 'keep-suppressed': 'true' });
    expect(kept.sarif.runs[0]!.results).toHaveLength(1);
    expect(kept.sarif.runs[0]!.results[0]!.suppressions).toHaveLength(1);
  });

  it('on a pull request from a fork: lints and annotates, skips the upload with a notice', async () => {
    const event = { pull_request: { head: { repo: { fork: true, full_name: 'someone/infra' } }, base: { repo: { full_name: 'acme/infra' } } } };
    const r = await runLikeTheRunner({ path: 'shared-elb' }, { event });
    expect(r.code).toBe(1);
    expect(r.outputs.upload).toBe('false');
    const commands = activeCommands(r.stdout);
    expect(commands.some((c) => c.startsWith('::error file=shared-elb/security.tf'))).toBe(true);
    expect(commands).toContain('::notice title=lblint::SARIF upload to code scanning skipped: this pull request comes from a fork, so the token is read-only. The annotations and the job summary show the findings; the SARIF file is lblint.sarif.');
  });

  it('upload: false skips the upload without a notice; fail-on never exits 0', async () => {
    api.requests = [];
    const r = await runLikeTheRunner({ path: 'shared-elb', upload: 'false', 'fail-on': 'never', annotate: 'false' });
    expect(r.code).toBe(0);
    expect(r.outputs.upload).toBe('false');
    expect(activeCommands(r.stdout)).toEqual([]);
    expect(api.requests).toEqual([]);
  });

  it('a refused upload is a warning that names the permission; the exit code is the findings\' own', async () => {
    const r = await runLikeTheRunner({ path: 'shared-elb' }, { token: 'read-only' });
    expect(r.code).toBe(1);
    expect(r.outputs.upload).toBe('false');
    expect(activeCommands(r.stdout)).toContain(
      "::warning title=lblint::The SARIF upload to code scanning failed (HTTP 403: Resource not accessible by integration). The token needs 'permissions: security-events: write' (and 'actions: read' in private repositories, which also need GitHub Advanced Security); pull requests from forks get a read-only token. Annotations and the job summary are not affected.",
    );
  });

  it('rejects bad inputs with an error annotation and exit 2', async () => {
    const bad = await runLikeTheRunner({ path: 'shared-elb', upload: 'yes' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain("::error title=lblint::Input 'upload' must be true or false");
    expect(bad.outputs['exit-code']).toBe('2');
    const failOn = await runLikeTheRunner({ path: 'shared-elb', 'fail-on': 'fatal' });
    expect(failOn.code).toBe(2);
    expect(failOn.stdout).toContain("Input 'fail-on' must be one of error, warning, note, never, got 'fatal'.");
    const version = await runLikeTheRunner({ path: 'shared-elb', version: '9.9.9' });
    expect(version.code).toBe(2);
    expect(version.stdout).toContain('asks for lblint 9.9.9');
  });
});

describe('Action helpers', () => {
  it.each([
    [['.'], 'lblint/root'],
    [['./infra/prod/'], 'lblint/infra/prod'],
    [['b', 'a'], 'lblint/a+b'],
  ])('category of %j is %s', (paths, category) => {
    expect(categoryFor(paths)).toBe(category);
  });

  it('reads boolean inputs like core.getBooleanInput', () => {
    expect(getBooleanInput({ INPUT_UPLOAD: 'True' }, 'upload', false)).toBe(true);
    expect(getBooleanInput({}, 'upload', true)).toBe(true);
    expect(() => getBooleanInput({ INPUT_UPLOAD: 'on' }, 'upload', true)).toThrow(/true or false/);
  });

  it('writes multi-line outputs as a heredoc with a delimiter not in the value', () => {
    const text = formatOutput('x', 'a\nb');
    expect(text).toMatch(/^x<<(ghadelimiter_[0-9a-f]+)\na\nb\n\1\n$/);
  });

  it.each([
    ['a fork', { GITHUB_EVENT_NAME: 'pull_request' }, { pull_request: { head: { repo: { fork: true } } } }, 'this pull request comes from a fork'],
    ['Dependabot', { GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'dependabot[bot]' }, { pull_request: { head: { repo: { fork: false } } } }, 'this pull request comes from Dependabot'],
    ['a branch of the same repository', { GITHUB_EVENT_NAME: 'pull_request' }, { pull_request: { head: { repo: { fork: false, full_name: 'a/b' } }, base: { repo: { full_name: 'a/b' } } } }, undefined],
    ['pull_request_target (write token)', { GITHUB_EVENT_NAME: 'pull_request_target' }, { pull_request: { head: { repo: { fork: true } } } }, undefined],
    ['a push', { GITHUB_EVENT_NAME: 'push' }, {}, undefined],
  ])('read-only token on %s', (_name, env, event, reason) => {
    expect(readOnlyTokenReason(env, event)).toBe(reason);
  });

  it('escapes Mermaid labels so they cannot end the label, the fence or the line', () => {
    expect(escapeMermaid('a["b"]`|<x>&#\n')).toBe('a[#quot;b#quot;]#96;#124;#lt;x#gt;#38;#35;\\n');
  });
});
