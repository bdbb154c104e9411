// SARIF 2.1.0 for GitHub code scanning (see shared/reference/sarif-github.md).
import type * as Sarif from 'sarif';
import type { Finding, LoadError, Range, Severity } from '../types.js';
import type { RuleMeta } from '../rule.js';
import { ruleDocsUrl } from '../rule.js';
import type { ReportInput } from './types.js';
import { LOAD_ERROR_RULE_ID, UNUSED_IGNORE_RULE_ID } from './types.js';
import { loadErrorFile, sortedErrors, visibleFindings } from './common.js';
import { compareStrings, sortFindings } from './sort.js';
import { FINGERPRINT_KEY, FingerprintCounter, assignFingerprints, fingerprintOf } from '../fingerprint.js';

export { FINGERPRINT_KEY, fingerprintOf };

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** GitHub rejects descriptions over 1024 characters. */
const MAX_DESCRIPTION = 1024;
const MAX_TAGS = 20;
const MAX_RELATED_LOCATIONS = 999;

/** `a b/c#d.tf` → `a%20b/c%23d.tf`: each segment encoded, `/` kept, `./` and `\` normalized. */
export function toArtifactUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** 1-based region, never 0, end column exclusive and never before the start. */
export function toRegion(range: Range): Sarif.Region {
  const startLine = Math.max(1, range.start.line);
  const startColumn = Math.max(1, range.start.column);
  const endLine = Math.max(startLine, range.end.line);
  const endColumn = endLine === startLine ? Math.max(startColumn, range.end.column) : Math.max(1, range.end.column);
  return { startLine, startColumn, endLine, endColumn };
}

function physical(file: string, region: Sarif.Region): Sarif.PhysicalLocation {
  return { artifactLocation: { uri: toArtifactUri(file), uriBaseId: SRCROOT }, region };
}

function withPeriod(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function problemSeverity(s: Severity): string {
  return s === 'note' ? 'recommendation' : s;
}

/** A code fence longer than any run of backticks inside the example. */
function fenced(lang: string, code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${code.replace(/\n+$/, '')}\n${fence}`;
}

function ruleDescriptor(meta: RuleMeta, docsBase: string | undefined): Sarif.ReportingDescriptor {
  const { docs } = meta;
  const markdown = [
    `## ${meta.title}`,
    docs.why,
    `### How to fix`,
    docs.fix,
    `Source: ${docs.seed}`,
    `### Failing example`,
    fenced('hcl', docs.examples.fail),
    `### Fixed example`,
    fenced('hcl', docs.examples.pass),
  ].join('\n\n');
  const text = [meta.title, docs.why, `How to fix: ${docs.fix}`, `Source: ${docs.seed}`].join('\n\n');
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: truncate(withPeriod(meta.title), MAX_DESCRIPTION) },
    fullDescription: { text: truncate(withPeriod(docs.why), MAX_DESCRIPTION) },
    help: { text, markdown },
    ...(docsBase !== undefined ? { helpUri: meta.id === UNUSED_IGNORE_RULE_ID ? `${docsBase}README.md#inline-ignores` : ruleDocsUrl(docsBase, meta.id)! } : {}),
    defaultConfiguration: { level: meta.severity },
    properties: {
      tags: [...new Set(meta.tags)].slice(0, MAX_TAGS),
      precision: 'very-high',
      'problem.severity': problemSeverity(meta.severity),
      'security-severity': meta.securitySeverity,
    },
  };
}

/** Descriptors for ids that are not rules of the registry (load errors, unused ignores, …). */
function syntheticDescriptor(id: string, level: Severity, docsBase: string | undefined): Sarif.ReportingDescriptor {
  const known: Record<string, { title: string; why: string; fix: string }> = {
    [LOAD_ERROR_RULE_ID]: {
      title: 'File could not be loaded',
      why: 'lblint could not read or parse this file, so none of its resources were checked; findings that depend on them may be missing.',
      fix: 'Fix the syntax error at the reported position (`terraform validate` shows the same problem), then run lblint again.',
    },
    [UNUSED_IGNORE_RULE_ID]: {
      title: 'Inline ignore comment is invalid or unused',
      why: 'An `# lblint-ignore` comment without a reason, naming an unknown rule, or matching no finding hides nothing today but would silently hide a future finding.',
      fix: 'Remove the comment, or correct the rule id and give a reason after `--`.',
    },
  };
  const doc = known[id] ?? {
    title: `Finding of ${id}`,
    why: `A problem reported by lblint under the id ${id}.`,
    fix: 'See the message of the finding.',
  };
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: withPeriod(doc.title) },
    fullDescription: { text: doc.why },
    help: { text: `${doc.title}\n\n${doc.why}\n\nHow to fix: ${doc.fix}`, markdown: `## ${doc.title}\n\n${doc.why}\n\n### How to fix\n\n${doc.fix}` },
    ...(docsBase !== undefined ? { helpUri: `${docsBase}README.md` } : {}),
    defaultConfiguration: { level },
    properties: {
      tags: ['lblint'],
      precision: 'very-high',
      'problem.severity': problemSeverity(level),
      // Not a security finding (no `security` tag), so GitHub shows it as a plain problem.
      'security-severity': level === 'error' ? '5.0' : level === 'warning' ? '3.0' : '1.0',
    },
  };
}

export function buildSarif(input: ReportInput): Sarif.Log {
  const findings = visibleFindings(input);
  const errors = sortedErrors(input);

  const metas = new Map<string, RuleMeta>();
  for (const meta of [...input.rules].sort((a, b) => compareStrings(a.id, b.id))) {
    if (!metas.has(meta.id)) metas.set(meta.id, meta);
  }
  const extra = new Map<string, Severity>([[LOAD_ERROR_RULE_ID, 'error']]);
  for (const f of findings) {
    if (!metas.has(f.ruleId) && !extra.has(f.ruleId)) extra.set(f.ruleId, f.severity);
  }
  const extraIds = [LOAD_ERROR_RULE_ID, ...[...extra.keys()].filter((id) => id !== LOAD_ERROR_RULE_ID).sort(compareStrings)];
  const rules: Sarif.ReportingDescriptor[] = [
    ...[...metas.values()].map((meta) => ruleDescriptor(meta, input.docsBase)),
    ...extraIds.map((id) => syntheticDescriptor(id, extra.get(id) ?? 'warning', input.docsBase)),
  ];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const indexOf = (id: string): number => ruleIndex.get(id) ?? -1;

  const anySuppressed = findings.some((f) => f.suppression !== undefined);
  // Numbered over every finding (not only the shown ones), so --quiet does not renumber repeats.
  const findingPrints = assignFingerprints(sortFindings(input.findings));
  const fingerprints = new FingerprintCounter();
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];

  for (const error of errors) {
    const result = loadErrorResult(error, indexOf(LOAD_ERROR_RULE_ID), fingerprints);
    if (result) {
      if (anySuppressed) result.suppressions = [];
      results.push(result);
    }
    notifications.push(loadErrorNotification(error, indexOf(LOAD_ERROR_RULE_ID)));
  }
  for (const finding of findings) results.push(findingResult(finding, indexOf(finding.ruleId), findingPrints.get(finding) ?? '', anySuppressed));

  const invocation: Sarif.Invocation = { executionSuccessful: true };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'lblint',
        version: input.toolVersion,
        semanticVersion: input.toolVersion,
        ...(input.docsBase !== undefined ? { informationUri: input.docsBase.replace(/\/blob\/[^/]+\/$/, '') } : {}),
        rules,
      },
    },
    automationDetails: { id: input.automationId ?? 'lblint/' },
    invocations: [invocation],
    originalUriBaseIds: { [SRCROOT]: { description: { text: 'The repository root.' } } },
    columnKind: 'utf16CodeUnits',
    results,
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

function findingResult(f: Finding, ruleIndex: number, fingerprint: string, anySuppressed: boolean): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: f.severity,
    message: { text: withPeriod(f.message) },
    locations: [
      {
        physicalLocation: physical(f.range.file, toRegion(f.range)),
        logicalLocations: [{ fullyQualifiedName: f.address, kind: 'resource' }],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
  if (f.related.length > 0) {
    // GitHub accepts at most 1,000 locations per result (the primary one included).
    result.relatedLocations = f.related.slice(0, MAX_RELATED_LOCATIONS).map((r, i) => {
      const location: Sarif.Location = {
        id: i + 1,
        physicalLocation: physical(r.range.file, toRegion(r.range)),
        message: { text: withPeriod(r.address !== undefined ? `${r.address}: ${r.message}` : r.message) },
      };
      if (r.address !== undefined) location.logicalLocations = [{ fullyQualifiedName: r.address, kind: 'resource' }];
      return location;
    });
  }
  if (f.fix) {
    const end = f.fix.after.end;
    const at = toRegion({ file: f.fix.after.file, start: end, end });
    const body = f.fix.insertText.replace(/\n+$/, '');
    result.fixes = [
      {
        description: { text: withPeriod(f.fix.description) },
        artifactChanges: [
          {
            artifactLocation: { uri: toArtifactUri(f.fix.after.file), uriBaseId: SRCROOT },
            replacements: [{ deletedRegion: at, insertedContent: { text: body.startsWith('\n') ? body : `\n\n${body}` } }],
          },
        ],
      },
    ];
  }
  if (f.suppression) {
    result.suppressions = [
      {
        kind: 'inSource',
        status: 'accepted',
        justification: f.suppression.justification,
        location: { physicalLocation: physical(f.suppression.range.file, toRegion(f.suppression.range)) },
      },
    ];
  } else if (anySuppressed) {
    // SARIF §3.27.23: within a run, either every result has `suppressions` or none has.
    result.suppressions = [];
  }
  result.properties = { trace: [...f.trace] };
  return result;
}

function loadErrorLocation(error: LoadError): Sarif.Location | undefined {
  if (error.range) return { physicalLocation: physical(error.range.file, toRegion(error.range)) };
  if (error.file !== undefined) return { physicalLocation: physical(error.file, { startLine: 1 }) };
  return undefined;
}

/** A load error without any file cannot be a GitHub result (a result needs a location): notification only. */
function loadErrorResult(error: LoadError, ruleIndex: number, fingerprints: FingerprintCounter): Sarif.Result | undefined {
  const location = loadErrorLocation(error);
  const file = loadErrorFile(error);
  if (!location || file === undefined) return undefined;
  return {
    ruleId: LOAD_ERROR_RULE_ID,
    ruleIndex,
    level: 'error',
    message: { text: withPeriod(error.message) },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.next(fingerprintOf(LOAD_ERROR_RULE_ID, file)) },
  };
}

function loadErrorNotification(error: LoadError, ruleIndex: number): Sarif.Notification {
  const notification: Sarif.Notification = { level: 'error', message: { text: withPeriod(error.message) } };
  const location = loadErrorLocation(error);
  if (location) notification.locations = [location];
  notification.associatedRule = { id: LOAD_ERROR_RULE_ID, index: ruleIndex };
  return notification;
}

export function renderSarif(input: ReportInput): string {
  return JSON.stringify(buildSarif(input), null, 2) + '\n';
}
