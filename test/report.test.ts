import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import type { Finding } from '../src/types.js';
import {
  LOAD_ERROR_RULE_ID,
  escapeData,
  escapeProperty,
  fingerprintOf,
  renderGithub,
  renderJobSummary,
  buildJsonReport,
  renderJsonChunks,
  renderReport,
  sortFindings,
  toArtifactUri,
  type JsonReport,
} from '../src/report/index.js';
import { validateSarif } from './helpers/sarif-validate.js';
import { lintFolder, TESTDATA } from './helpers/fixtures.js';
import { BLOCKS_HC, LOAD_ERROR, MEMBERS_PATH, RULES, SUPPRESSED, WEIGHT_ZERO, range, sampleInput } from './golden/sample.js';

const GOLDEN = join(import.meta.dirname, 'golden');

/** Compares with test/golden/<name>; `UPDATE_GOLDEN=1 npx vitest run test/report` rewrites them. */
function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

function sarifOf(input = sampleInput()): Sarif.Log {
  return JSON.parse(renderReport('sarif', input)) as Sarif.Log;
}

function runOf(log: Sarif.Log): Sarif.Run {
  const run = log.runs[0];
  if (!run) throw new Error('no run');
  return run;
}

const HOSTILE: Finding = {
  ...WEIGHT_ZERO,
  message: 'value "\x1b[31mred\x1b[0m\n::error file=x::pwned" \u202eevil',
  address: 'module.web.x',
  range: range('evil\x1b[2J.tf', 1, 1, 1, 2),
};

describe('sortFindings', () => {
  it('orders by file, line, column, rule id, message and does not mutate its input', () => {
    const input = [WEIGHT_ZERO, SUPPRESSED, BLOCKS_HC];
    const sorted = sortFindings(input);
    expect(sorted.map((f) => f.ruleId)).toEqual(['security-group-blocks-health-check', 'health-check-disabled', 'member-weight-zero']);
    expect(input[0]).toBe(WEIGHT_ZERO);
    const a = { ...BLOCKS_HC, ruleId: 'b-rule' };
    const b = { ...BLOCKS_HC, ruleId: 'a-rule' };
    const c = { ...BLOCKS_HC, ruleId: 'a-rule', message: 'a' };
    expect(sortFindings([a, b, c]).map((f) => [f.ruleId, f.message[0]])).toEqual([
      ['a-rule', 'a'],
      ['a-rule', 'h'],
      ['b-rule', 'h'],
    ]);
  });
});

describe('text', () => {
  it('shows load errors first, a code frame per finding, related locations, trace and fix', () => {
    const text = renderReport('text', sampleInput());
    expect(text).toBe(
      [
        'broken.tf:2:10  error  Invalid expression: expected the start of an expression, but found "="  lblint-load-error',
        '    1 | resource "x" "y" {',
        '  > 2 |   name = = "a"',
        '      |          ^',
        '    3 | }',
        '',
        'main.tf:1:1  error  huaweicloud_lb_monitor.web checks port 8080 but huaweicloud_networking_secgroup.app admits 100.125.0.0/16 only on 80  security-group-blocks-health-check',
        '  > 1 | resource "huaweicloud_networking_secgroup" "app" {',
        '      | ^' + '~'.repeat(47), // 48 columns: the whole block header
        '    2 |   name = "app"',
        '    3 | }',
        '  ↳ lb/pool.tf:1:1 huaweicloud_lb_pool.web: the pool whose members are checked',
        '  ↳ lb/pool.tf:9:3 huaweicloud_lb_monitor.web: the health check on port 8080',
        '  ↳ main.tf:8:2 huaweicloud_networking_secgroup_rule.http: admits tcp 80 only',
        '    · health check 100.125.0.0/16 → tcp/8080',
        '    · huaweicloud_networking_secgroup.app: no ingress rule admits tcp/8080 (default deny)',
        '  Fix: Admit the health-check port from 100.125.0.0/16',
        '    resource "huaweicloud_networking_secgroup_rule" "lblint_health_check" {',
        '      security_group_id = huaweicloud_networking_secgroup.app.id',
        '      direction         = "ingress"',
        '      protocol          = "tcp"',
        '      port_range_min    = 8080',
        '      port_range_max    = 8080',
        '      remote_ip_prefix  = "100.125.0.0/16"',
        '    }',
        '',
        'modules/web #1/members.tf:3:13  warning  module.web.huaweicloud_lb_member.a has weight 0, so it gets no traffic  member-weight-zero',
        '    1 | resource "huaweicloud_lb_member" "a" {',
        '    2 |   pool_id = var.pool_id',
        '  > 3 |   weight  = 0',
        '      |             ^',
        '    4 | }',
        '',
        '✖ 3 problems (2 errors, 1 warning) in 4 files, 1 suppressed',
        '',
      ].join('\n'),
    );
    expectGolden('report.txt', text);
  });

  it('expands tabs and underlines in display columns', () => {
    const finding: Finding = { ...WEIGHT_ZERO, range: range('main.tf', 8, 2, 8, 27), related: [] };
    const text = renderReport('text', sampleInput({ findings: [finding], errors: [] }));
    expect(text).toContain('  >  8 |     protocol          = "tcp"\n       |     ^~~~~~~~~~~~~~~~~~~~~~~~~\n');
  });

  it('clips long lines around the range', () => {
    const long = `  x = "${'a'.repeat(300)}" # target`;
    const col = long.indexOf('target') + 1;
    const finding: Finding = { ...WEIGHT_ZERO, range: range('long.tf', 1, col, 1, col + 6) };
    const text = renderReport('text', sampleInput({ findings: [finding], errors: [], sources: new Map([['long.tf', long]]) }));
    const [, source, underline] = text.split('\n');
    expect(source).toMatch(/^ {2}> 1 \| …a+" # target$/);
    expect(source!.length).toBeLessThan(120);
    expect(source!.indexOf('target')).toBe(underline!.indexOf('^'));
    expect(underline).toMatch(/\^~{5}$/);
  });

  it('marks every line of a multi-line range', () => {
    const finding: Finding = { ...WEIGHT_ZERO, range: range(MEMBERS_PATH, 1, 1, 4, 2) };
    const text = renderReport('text', sampleInput({ findings: [finding], errors: [] }));
    expect(text).toContain(
      [
        '  > 1 | resource "huaweicloud_lb_member" "a" {',
        '      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
        '  > 2 |   pool_id = var.pool_id',
        '      |   ^~~~~~~~~~~~~~~~~~~~~',
        '  > 3 |   weight  = 0',
        '      |   ^~~~~~~~~~~',
        '    4 | }',
        '      ⋮',
      ].join('\n'),
    );
  });

  it('neutralizes ANSI escapes, newlines and bidi controls from user files', () => {
    const text = renderReport('text', sampleInput({ findings: [HOSTILE], errors: [] }));
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\u202e');
    expect(text).not.toMatch(/\n::error/);
    expect(text).toContain('evil\\x1b[2J.tf:1:1  warning  value "\\x1b[31mred\\x1b[0m\\n::error file=x::pwned" \\u202eevil');
  });

  it('escapes control characters inside code frames', () => {
    const finding: Finding = { ...WEIGHT_ZERO, range: range('c.tf', 1, 6, 1, 7) };
    const text = renderReport('text', sampleInput({ findings: [finding], errors: [], sources: new Map([['c.tf', 'a = "\x1b[2J" x']]) }));
    expect(text).not.toContain('\x1b');
    expect(text).toContain('  > 1 | a = "\\x1b[2J" x\n      |      ^~~~\n');
  });

  it('colours only when asked, and says when there is nothing to report', () => {
    expect(renderReport('text', sampleInput())).not.toContain('\x1b');
    expect(renderReport('text', sampleInput({ color: true }))).toContain('\x1b[31merror\x1b[39m');
    expect(renderReport('text', sampleInput({ findings: [SUPPRESSED], errors: [] }))).toBe('✔ No problems found in 4 files, 1 suppressed\n');
    expect(renderReport('text', sampleInput({ findings: [], errors: [], summary: { filesLinted: 1, rootsLinted: 1 } }))).toBe(
      '✔ No problems found in 1 file\n',
    );
  });

  it('shows only errors with quiet', () => {
    const text = renderReport('text', sampleInput({ quiet: true }));
    expect(text).not.toContain('member-weight-zero');
    expect(text).toContain('✖ 2 problems (2 errors, 0 warnings) in 4 files, 1 warning hidden by --quiet\n');
  });
});

describe('json', () => {
  it('has version, sorted findings with a fixed key order, and errors', () => {
    const text = renderReport('json', sampleInput());
    expect(text.endsWith('}\n')).toBe(true);
    const report = JSON.parse(text) as JsonReport;
    expect(report.version).toBe(1);
    expect(Object.keys(report)).toEqual(['version', 'findings', 'errors']);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['security-group-blocks-health-check', 'health-check-disabled', 'member-weight-zero']);
    const [first, suppressed] = report.findings;
    expect(Object.keys(first!)).toEqual([
      'ruleId', 'severity', 'message', 'address', 'attribute', 'location', 'related', 'trace', 'fix', 'suppressed', 'justification',
    ]);
    expect(first!.location).toEqual({ file: 'main.tf', start: { line: 1, column: 1 }, end: { line: 1, column: 49 } });
    expect(first!.related[0]).toEqual({
      location: { file: 'lb/pool.tf', start: { line: 1, column: 1 }, end: { line: 1, column: 36 } },
      address: 'huaweicloud_lb_pool.web',
      message: 'the pool whose members are checked',
    });
    expect(first!.fix?.after.end).toEqual({ line: 12, column: 2 });
    expect(first!.suppressed).toBe(false);
    expect(suppressed).toMatchObject({ suppressed: true, justification: 'checked by the app itself', attribute: null, fix: null });
    expect(report.errors).toEqual([
      { file: 'broken.tf', location: { file: 'broken.tf', start: { line: 2, column: 10 }, end: { line: 2, column: 11 } }, message: LOAD_ERROR.message },
    ]);
    expectGolden('report.json', text);
  });

  it('comes in pieces that join to exactly the one-string report, whatever the slice size', async () => {
    const whole = (input: ReturnType<typeof sampleInput>): string => JSON.stringify(buildJsonReport(input), null, 2) + '\n';
    const inputs = [sampleInput(), sampleInput({ errors: [] }), sampleInput({ findings: [] }), sampleInput({ findings: [], errors: [] }), sampleInput({ quiet: true })];
    // A real report too: every finding of the testdata tree.
    const tree = await lintFolder(TESTDATA);
    expect(tree.findings.length).toBeGreaterThan(100);
    inputs.push(sampleInput({ findings: tree.findings, errors: tree.errors }));
    for (const input of inputs) {
      for (const size of [1, 2, 3, 256, 100_000]) {
        const pieces = renderJsonChunks(input, size);
        expect(pieces.join('')).toBe(whole(input));
        if (input.findings.length > size) expect(pieces.length).toBeGreaterThan(2);
      }
      expect(renderReport('json', input)).toBe(whole(input));
    }
  });
});

describe('sarif', () => {
  it('lists every rule plus lblint-load-error, with ruleIndex agreeing with ruleId', () => {
    const run = runOf(sarifOf());
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual([
      'health-check-disabled',
      'member-weight-zero',
      'security-group-blocks-health-check',
      LOAD_ERROR_RULE_ID,
    ]);
    for (const result of run.results ?? []) expect(rules[result.ruleIndex!]?.id).toBe(result.ruleId);
    const hc = rules[2]!;
    expect(hc.properties).toEqual({
      tags: ['security', 'reachability'],
      precision: 'very-high',
      'problem.severity': 'error',
      'security-severity': '7.5',
    });
    expect(hc.help?.markdown).toContain('```hcl\nresource "a" "fail" {\n  x = 1\n}\n```');
    expect(hc.shortDescription?.text).toBe('Security group blocks health checks.');
    expect(hc.defaultConfiguration?.level).toBe('error');
  });

  it('adds a descriptor for lblint-unused-ignore findings', () => {
    const unused: Finding = { ...WEIGHT_ZERO, ruleId: 'lblint-unused-ignore', message: 'The ignore comment matches no finding' };
    const run = runOf(sarifOf(sampleInput({ findings: [unused] })));
    const ids = (run.tool.driver.rules ?? []).map((r) => r.id);
    expect(ids.slice(-2)).toEqual([LOAD_ERROR_RULE_ID, 'lblint-unused-ignore']);
    const result = run.results!.find((r) => r.ruleId === 'lblint-unused-ignore')!;
    expect(ids[result.ruleIndex!]).toBe('lblint-unused-ignore');
  });

  it('locates results with encoded URIs, 1-based regions and the Terraform address', () => {
    const run = runOf(sarifOf());
    const results = run.results!;
    expect(results.map((r) => r.ruleId)).toEqual([
      LOAD_ERROR_RULE_ID,
      'security-group-blocks-health-check',
      'health-check-disabled',
      'member-weight-zero',
    ]);
    const weight = results[3]!;
    expect(weight.locations).toHaveLength(1);
    expect(weight.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'modules/web%20%231/members.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 13, endLine: 3, endColumn: 14 },
    });
    expect(weight.locations![0]!.logicalLocations).toEqual([{ fullyQualifiedName: 'module.web.huaweicloud_lb_member.a', kind: 'resource' }]);
    expect(weight.message.text).toBe('module.web.huaweicloud_lb_member.a has weight 0, so it gets no traffic.');
    const hc = results[1]!;
    expect(hc.relatedLocations?.map((l) => [l.id, l.message?.text])).toEqual([
      [1, 'huaweicloud_lb_pool.web: the pool whose members are checked.'],
      [2, 'huaweicloud_lb_monitor.web: the health check on port 8080.'],
      [3, 'huaweicloud_networking_secgroup_rule.http: admits tcp 80 only.'],
    ]);
    expect(hc.properties).toEqual({ trace: BLOCKS_HC.trace });
    expect(hc.fixes?.[0]?.artifactChanges[0]?.replacements[0]?.deletedRegion).toEqual({ startLine: 12, startColumn: 2, endLine: 12, endColumn: 2 });
    expect(toArtifactUri('./a b/c#d/e%f.tf')).toBe('a%20b/c%23d/e%25f.tf');
  });

  it('never emits a 0 line or column', () => {
    const zero: Finding = { ...WEIGHT_ZERO, range: range('z.tf', 0, 0, 0, 0) };
    const region = runOf(sarifOf(sampleInput({ findings: [zero], errors: [] }))).results![0]!.locations![0]!.physicalLocation!.region;
    expect(region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  it('puts suppressions on all results or on none', () => {
    const withSuppressed = runOf(sarifOf()).results!;
    expect(withSuppressed.every((r) => Array.isArray(r.suppressions))).toBe(true);
    const suppressed = withSuppressed.filter((r) => r.suppressions!.length > 0);
    expect(suppressed.map((r) => r.ruleId)).toEqual(['health-check-disabled']);
    expect(suppressed[0]!.suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'checked by the app itself',
        location: {
          physicalLocation: {
            artifactLocation: { uri: 'main.tf', uriBaseId: '%SRCROOT%' },
            region: { startLine: 14, startColumn: 1, endLine: 14, endColumn: 67 },
          },
        },
      },
    ]);
    const without = runOf(sarifOf(sampleInput({ findings: [BLOCKS_HC, WEIGHT_ZERO] }))).results!;
    expect(without.some((r) => 'suppressions' in r)).toBe(false);
  });

  it('reports load errors as results and as tool execution notifications', () => {
    const run = runOf(sarifOf(sampleInput({ errors: [LOAD_ERROR, { file: 'only-file.tf', message: 'cannot read' }, { message: 'no file' }] })));
    const loadResults = run.results!.filter((r) => r.ruleId === LOAD_ERROR_RULE_ID);
    expect(loadResults.map((r) => r.locations![0]!.physicalLocation!.region)).toEqual([
      { startLine: 2, startColumn: 10, endLine: 2, endColumn: 11 },
      { startLine: 1 },
    ]);
    expect(loadResults.every((r) => r.level === 'error')).toBe(true);
    const invocation = run.invocations![0]!;
    expect(invocation.executionSuccessful).toBe(true);
    expect(invocation.toolExecutionNotifications?.map((n) => [n.level, n.message.text, n.locations?.length ?? 0])).toEqual([
      ['error', 'no file.', 0],
      ['error', `${LOAD_ERROR.message}.`, 1],
      ['error', 'cannot read.', 1],
    ]);
  });

  it('has stable fingerprints that ignore line numbers and count repeats', () => {
    const moved: Finding = { ...BLOCKS_HC, range: range('main.tf', 40, 1, 40, 49) };
    const fp = (f: Finding) => runOf(sarifOf(sampleInput({ findings: [f], errors: [] }))).results![0]!.partialFingerprints;
    expect(fp(moved)).toEqual(fp(BLOCKS_HC));
    expect(fp(BLOCKS_HC)).toEqual({ 'lblintFingerprint/v1': fingerprintOf(BLOCKS_HC.ruleId, BLOCKS_HC.address, 'port') });
    expect(fingerprintOf('r', 'a')).toMatch(/^[0-9a-f]{32}$/);
    const twice = runOf(sarifOf(sampleInput({ findings: [BLOCKS_HC, moved], errors: [] }))).results!;
    const first = twice[0]!.partialFingerprints!['lblintFingerprint/v1']!;
    expect(twice[1]!.partialFingerprints!['lblintFingerprint/v1']).toBe(`${first}:2`);
  });

  it('has the run-level properties GitHub needs and is deterministic', () => {
    const text = renderReport('sarif', sampleInput());
    expect(renderReport('sarif', sampleInput({ findings: [...sampleInput().findings].reverse() }))).toBe(text);
    const log = JSON.parse(text) as Sarif.Log;
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = runOf(log);
    expect(run.tool.driver).toMatchObject({ name: 'lblint', version: '0.1.0', semanticVersion: '0.1.0' });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { description: { text: 'The repository root.' } } });
    expect(run.automationDetails).toEqual({ id: 'lblint/' });
    expect(runOf(sarifOf(sampleInput({ automationId: 'lblint/infra/' }))).automationDetails).toEqual({ id: 'lblint/infra/' });
    expect(runOf(sarifOf(sampleInput({ findings: [], errors: [] }))).results).toEqual([]);
    expectGolden('report.sarif', text);
  });

  it('passes sarif-multitool validate --rule-kind Gh;Sarif with zero errors', async () => {
    const hostile = { ...HOSTILE, range: range('evil.tf', 1, 1, 1, 2) };
    const input = sampleInput({
      findings: [...sampleInput().findings, hostile],
      errors: [LOAD_ERROR, { file: 'only-file.tf', message: 'cannot read' }],
    });
    const { errors } = await validateSarif(renderReport('sarif', input));
    expect(errors).toEqual([]);
    const empty = await validateSarif(renderReport('sarif', sampleInput({ findings: [], errors: [] })));
    expect(empty.errors).toEqual([]);
  }, 120_000);

  it('the validator helper reports a broken file', async () => {
    const { errors } = await validateSarif('{"version": "2.1.0", "runs": [{}]}');
    expect(errors.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('github', () => {
  it('writes one annotation per unsuppressed problem', () => {
    const text = renderGithub(sampleInput());
    expect(text.split('\n')).toEqual([
      `::error file=broken.tf,line=2,endLine=2,col=10,endColumn=11,title=lblint-load-error::${escapeData(LOAD_ERROR.message)}`,
      '::error file=main.tf,line=1,endLine=1,col=1,endColumn=49,title=Security group blocks health checks (security-group-blocks-health-check)::' +
        escapeData(
          [
            BLOCKS_HC.message,
            '↳ lb/pool.tf:1:1 huaweicloud_lb_pool.web: the pool whose members are checked',
            '↳ lb/pool.tf:9:3 huaweicloud_lb_monitor.web: the health check on port 8080',
            '↳ main.tf:8:2 huaweicloud_networking_secgroup_rule.http: admits tcp 80 only',
            '· health check 100.125.0.0/16 → tcp/8080',
            '· huaweicloud_networking_secgroup.app: no ingress rule admits tcp/8080 (default deny)',
            'Fix: Admit the health-check port from 100.125.0.0/16',
          ].join('\n'),
        ),
      '::warning file=modules/web #1/members.tf,line=3,endLine=3,col=13,endColumn=14,title=Member has weight 0 (member-weight-zero)::module.web.huaweicloud_lb_member.a has weight 0, so it gets no traffic',
      '',
    ]);
    expectGolden('report.github.txt', text);
  });

  it('escapes data and property values', () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const odd: Finding = { ...WEIGHT_ZERO, ruleId: 'odd', message: '100% sure\nnext: line', range: range('dir:x,y/m.tf', 1, 1, 2, 3) };
    const rules = [{ ...RULES[1]!, id: 'odd', title: 'Odd: title, with comma' }];
    expect(renderGithub(sampleInput({ findings: [odd], errors: [], rules }))).toBe(
      '::warning file=dir%3Ax%2Cy/m.tf,line=1,endLine=2,title=Odd%3A title%2C with comma (odd)::100%25 sure%0Anext: line\n',
    );
  });

  it('cannot be used to inject workflow commands or ANSI', () => {
    const text = renderGithub(sampleInput({ findings: [HOSTILE], errors: [] }));
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('file=evil\\x1b[2J.tf,');
  });

  it('annotates at most 10 per level, then says how many were left out', () => {
    const many = (severity: Finding['severity'], n: number): Finding[] =>
      Array.from({ length: n }, (_, i) => ({ ...WEIGHT_ZERO, severity, address: `x.${severity}${i}`, range: range('m.tf', i + 1, 1, i + 1, 2) }));
    const text = renderGithub(sampleInput({ findings: [...many('error', 12), ...many('warning', 3), ...many('note', 11)], errors: [] }));
    const lines = text.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(3);
    // Notes keep one of their 10 slots for the closing notice.
    expect(lines.filter((l) => l.startsWith('::notice file=')).length).toBe(9);
    expect(lines.at(-1)).toBe(
      '::notice title=lblint::4 more problems not annotated (GitHub shows 10 per level); see the job summary or the SARIF report for all of them.',
    );
    // The first ones in sorted order are kept.
    expect(lines[0]).toContain('line=1,');
    expect(renderGithub(sampleInput({ findings: [SUPPRESSED], errors: [] }))).toBe('');
  });

  it('writes a job summary table with escaped cells', () => {
    const pipe: Finding = { ...WEIGHT_ZERO, message: 'a | b\nc <script> `x`' };
    const md = renderJobSummary(sampleInput({ findings: [BLOCKS_HC, pipe, SUPPRESSED] }));
    expect(md).toContain('## lblint\n\n✖ 3 problems (2 errors, 1 warning) in 4 files, 1 suppressed.\n');
    expect(md).toContain('| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n');
    expect(md).toContain('| 🟡 warning | member-weight-zero | modules/web \\#1/members.tf:3:13 | a \\| b<br>c &lt;script&gt; \\`x\\` |');
    expect(md).not.toContain('health-check-disabled');
    expectGolden('report.summary.md', renderJobSummary(sampleInput()));
  });

  it('keeps the job summary under 1 MiB', () => {
    const big = Array.from({ length: 3000 }, (_, i) => ({ ...WEIGHT_ZERO, address: `x${i}`, message: 'm'.repeat(500) }));
    const md = renderJobSummary(sampleInput({ findings: big, errors: [] }));
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toMatch(/_\d+ more problems not listed: the job summary is limited to 1 MiB\. See the SARIF or JSON report\._\n$/);
  });
});
