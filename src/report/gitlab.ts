// GitLab Code Quality report: the subset of the Code Climate issue format that GitLab reads
// (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): description,
// check_name, fingerprint, severity, location.path and location.lines.begin.
import type { Finding, LoadError, Severity } from '../types.js';
import type { ReportInput } from './types.js';
import { LOAD_ERROR_RULE_ID } from './types.js';
import { loadErrorFile, sortedErrors, visibleFindings } from './common.js';
import { sortFindings } from './sort.js';
import { FingerprintCounter, assignFingerprints, findingFingerprint, fingerprintOf } from '../fingerprint.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * An lblint error is traffic that the configuration proves broken (GitLab's "critical"); a warning
 * is a likely defect ("major"); a note (--strict) is a verdict left open by an unknown value ("info").
 */
const SEVERITY: Record<Severity, CodeQualitySeverity> = { error: 'critical', warning: 'major', note: 'info' };

function findingIssue(f: Finding, fingerprint: string): CodeQualityIssue {
  return {
    type: 'issue',
    check_name: f.ruleId,
    description: f.message,
    categories: ['Bug Risk'],
    fingerprint,
    severity: SEVERITY[f.severity],
    location: { path: f.range.file, lines: { begin: f.range.start.line, end: Math.max(f.range.start.line, f.range.end.line) } },
  };
}

/** A file lblint could not read was not checked at all: GitLab's "blocker", so it is fixed first. */
function loadErrorIssue(e: LoadError, fingerprints: FingerprintCounter): CodeQualityIssue {
  const path = loadErrorFile(e) ?? '.';
  const begin = e.range?.start.line ?? 1;
  return {
    type: 'issue',
    check_name: LOAD_ERROR_RULE_ID,
    description: e.message,
    categories: ['Bug Risk'],
    fingerprint: fingerprints.next(fingerprintOf(LOAD_ERROR_RULE_ID, path)),
    severity: 'blocker',
    location: { path, lines: { begin, end: Math.max(begin, e.range?.end.line ?? begin) } },
  };
}

/**
 * The fingerprint is the one of SARIF and baselines (rule, address, attribute; `:2`… for repeats),
 * numbered over every finding so that --quiet does not renumber; GitLab needs it unique per issue
 * and stable across commits to tell new issues from fixed ones. Suppressed findings are left out.
 */
export function buildCodeQuality(input: ReportInput): CodeQualityIssue[] {
  const prints = assignFingerprints(sortFindings(input.findings));
  const loadPrints = new FingerprintCounter();
  return [
    ...sortedErrors(input).map((e) => loadErrorIssue(e, loadPrints)),
    ...visibleFindings(input)
      .filter((f) => !f.suppression)
      .map((f) => findingIssue(f, prints.get(f) ?? findingFingerprint(f))),
  ];
}

export function renderGitlab(input: ReportInput): string {
  return JSON.stringify(buildCodeQuality(input), null, 2) + '\n';
}
