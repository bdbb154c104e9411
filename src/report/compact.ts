// One line per problem, `file:line:col: severity rule-id message`, for grep, terminals and
// editors' problem matchers (the shape of gcc, tflint --format compact and ESLint's unix format).
import type { Finding, LoadError } from '../types.js';
import type { ReportInput } from './types.js';
import { LOAD_ERROR_RULE_ID } from './types.js';
import { loadErrorFile, sortedErrors, visibleFindings } from './common.js';
import { escapeLine } from './sanitize.js';

function findingLine(f: Finding): string {
  const { file, start } = f.range;
  return `${escapeLine(file)}:${start.line}:${start.column}: ${f.severity} ${f.ruleId} ${escapeLine(f.message)}`;
}

/** A load error without a position points at the file's first line; one about no file at all names lblint. */
function loadErrorLine(e: LoadError): string {
  const file = loadErrorFile(e);
  const where = e.range ? `${escapeLine(e.range.file)}:${e.range.start.line}:${e.range.start.column}` : file !== undefined ? `${escapeLine(file)}:1:1` : 'lblint';
  return `${where}: error ${LOAD_ERROR_RULE_ID} ${escapeLine(e.message)}`;
}

/** Suppressed findings are left out: they are not problems. No summary line, so every line matches the pattern. */
export function renderCompact(input: ReportInput): string {
  const lines = [...sortedErrors(input).map(loadErrorLine), ...visibleFindings(input).filter((f) => !f.suppression).map(findingLine)];
  return lines.map((l) => `${l}\n`).join('');
}
