// JUnit XML for CI test-report views (Jenkins junit, GitLab artifacts:reports:junit, Azure): one
// test suite per rule, one test case per rule and location, a <failure> for each finding. A rule
// that ran and found nothing is one passing test case, so the report counts what was checked.
// Load errors are <error> test cases of a `lblint-load-error` suite. Suppressed findings are left
// out, as in the other CI formats. The shape validates against the Ant JUnit schema (windyroad
// JUnit.xsd, the strictest in use: it requires <properties>, <system-out>, <system-err>, timestamp
// and hostname, and its 2011 version has no `skipped`) and Jenkins' junit-4.xsd (which needs at
// least one <property>).
import type { Finding, LoadError } from '../types.js';
import type { RuleMeta } from '../rule.js';
import type { ReportInput } from './types.js';
import { LOAD_ERROR_RULE_ID } from './types.js';
import { loadErrorFile, sortedErrors, visibleFindings } from './common.js';
import { compareStrings } from './sort.js';
import { XML_DECLARATION, openTag, xmlText } from './xml.js';

const EPOCH = '1970-01-01T00:00:00';

interface TestCase {
  name: string;
  /** Inner XML (one <failure> or <error>), empty for a pass. */
  body: string;
  failure?: boolean;
  error?: boolean;
}

function where(file: string, line: number, column: number): string {
  return `${file}:${line}:${column}`;
}

function failureDetails(f: Finding): string {
  const lines = [`${where(f.range.file, f.range.start.line, f.range.start.column)} ${f.address}`, f.message];
  for (const r of f.related) lines.push(`related: ${where(r.range.file, r.range.start.line, r.range.start.column)}${r.address !== undefined ? ` ${r.address}` : ''}: ${r.message}`);
  for (const step of f.trace) lines.push(`trace: ${step}`);
  if (f.fix) lines.push(`fix: ${f.fix.description}`, f.fix.insertText.replace(/\n+$/, ''));
  return lines.join('\n');
}

function findingCase(f: Finding): TestCase {
  const name = `${where(f.range.file, f.range.start.line, f.range.start.column)} ${f.address}`;
  return { name, body: `${openTag('failure', { type: f.severity, message: f.message })}>${xmlText(failureDetails(f))}</failure>`, failure: true };
}

function loadErrorCase(e: LoadError): TestCase {
  const file = loadErrorFile(e);
  const name = e.range ? where(e.range.file, e.range.start.line, e.range.start.column) : (file ?? 'lblint');
  return { name, body: `${openTag('error', { type: LOAD_ERROR_RULE_ID, message: e.message })}>${xmlText(`${name}: ${e.message}`)}</error>`, error: true };
}

function suite(id: number, name: string, cases: TestCase[], input: ReportInput): string {
  const count = (pick: (c: TestCase) => boolean | undefined): number => cases.filter(pick).length;
  const head = openTag('testsuite', {
    package: 'lblint',
    id,
    name,
    timestamp: input.timestamp ?? EPOCH,
    hostname: 'localhost',
    tests: cases.length,
    failures: count((c) => c.failure),
    errors: count((c) => c.error),
    time: 0,
  });
  const out = [`  ${head}>`, '    <properties>', `      ${openTag('property', { name: 'lblint.version', value: input.toolVersion })}/>`, '    </properties>'];
  for (const c of cases) {
    const tag = openTag('testcase', { name: c.name, classname: name, time: 0 });
    out.push(c.body === '' ? `    ${tag}/>` : `    ${tag}>${c.body}</testcase>`);
  }
  out.push('    <system-out></system-out>', '    <system-err></system-err>', '  </testsuite>');
  return out.join('\n');
}

export function renderJunit(input: ReportInput): string {
  const titles = new Map<string, RuleMeta>(input.rules.map((r) => [r.id, r]));
  const byRule = new Map<string, Finding[]>();
  for (const id of input.ranRules ?? input.rules.map((r) => r.id)) byRule.set(id, []);
  for (const f of visibleFindings(input)) {
    if (f.suppression) continue;
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const suites: string[] = [];
  const errors = sortedErrors(input);
  if (errors.length > 0) suites.push(suite(suites.length, LOAD_ERROR_RULE_ID, errors.map(loadErrorCase), input));
  for (const id of [...byRule.keys()].sort(compareStrings)) {
    const findings = byRule.get(id)!;
    const cases = findings.length > 0 ? findings.map(findingCase) : [{ name: `${titles.get(id)?.title ?? id}: no findings`, body: '' }];
    suites.push(suite(suites.length, id, cases, input));
  }
  return [XML_DECLARATION, '<testsuites>', ...suites, '</testsuites>'].join('\n') + '\n';
}
