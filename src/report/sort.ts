// One total order for findings and load errors, so that output is byte-identical from run to run.
import { compareLoadErrors, compareStrings } from '../order.js';
import type { Finding, LoadError, Range } from '../types.js';

export { compareLoadErrors, compareStrings };

function compareRanges(a: Range, b: Range): number {
  return (
    compareStrings(a.file, b.file) ||
    a.start.line - b.start.line ||
    a.start.column - b.start.column ||
    a.end.line - b.end.line ||
    a.end.column - b.end.column
  );
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.range.file, b.range.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message) ||
    compareRanges(a.range, b.range) ||
    compareStrings(a.address, b.address) ||
    compareStrings(a.attribute ?? '', b.attribute ?? '')
  );
}

/** Sorted copy: file, line, column, rule id, message (then end, address, attribute as tie-breaks). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Sorted copy: file, line, column, message; errors without a range come first in their file. */
export function sortLoadErrors(errors: readonly LoadError[]): LoadError[] {
  return [...errors].sort(compareLoadErrors);
}
