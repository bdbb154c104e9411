// Helpers shared by the reporters.
import type { Finding, LoadError, Severity } from '../types.js';
import type { ReportInput } from './types.js';
import { sortFindings, sortLoadErrors } from './sort.js';

/** Sorted findings after `quiet`; suppressed ones included (each format decides). */
export function visibleFindings(input: ReportInput): Finding[] {
  const findings = input.quiet ? input.findings.filter((f) => f.severity === 'error') : input.findings;
  return sortFindings(findings);
}

export function sortedErrors(input: ReportInput): LoadError[] {
  return sortLoadErrors(input.errors);
}

export function loadErrorFile(error: LoadError): string | undefined {
  return error.range?.file ?? error.file;
}

export interface Counts {
  errors: number;
  warnings: number;
  notes: number;
  suppressed: number;
}

/** Counts of unsuppressed findings plus load errors (as errors); suppressed counted apart. */
export function countProblems(findings: readonly Finding[], errors: readonly LoadError[]): Counts {
  const counts: Counts = { errors: errors.length, warnings: 0, notes: 0, suppressed: 0 };
  for (const f of findings) {
    if (f.suppression) counts.suppressed++;
    else if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.notes++;
  }
  return counts;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

/** "(2 errors, 1 warning)" with notes only when there are any. */
export function describeCounts(c: Counts): string {
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning')];
  if (c.notes > 0) parts.push(plural(c.notes, 'note'));
  return parts.join(', ');
}
