// Total orders shared by every layer, so that output is byte-identical from run to run.
import type { LoadError } from './types.js';

/** Code-unit comparison: unlike localeCompare it does not depend on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Load errors by file, line, column, message; errors without a range come first in their file. */
export function compareLoadErrors(a: LoadError, b: LoadError): number {
  const fileA = a.range?.file ?? a.file ?? '';
  const fileB = b.range?.file ?? b.file ?? '';
  return (
    compareStrings(fileA, fileB) ||
    (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) ||
    (a.range?.start.column ?? 0) - (b.range?.start.column ?? 0) ||
    compareStrings(a.message, b.message)
  );
}
