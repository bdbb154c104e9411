// Checkstyle XML (the format of Checkstyle's XMLLogger, as ESLint and tflint write it), read by
// reviewdog (-f=checkstyle) and Jenkins warnings-ng (recordIssues tool: checkStyle()).
import type { LoadError, Severity } from '../types.js';
import type { ReportInput } from './types.js';
import { LOAD_ERROR_RULE_ID } from './types.js';
import { loadErrorFile, sortedErrors, visibleFindings } from './common.js';
import { compareStrings } from './sort.js';
import { XML_DECLARATION, openTag } from './xml.js';

/** The version Checkstyle's own XMLLogger has written for years; consumers only check the root name. */
const CHECKSTYLE_VERSION = '4.3';

/** Checkstyle's levels are error, warning, info and ignore. */
const SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'info' };

interface Entry {
  line: number;
  column: number;
  severity: string;
  message: string;
  source: string;
}

/** `source` is namespaced like ESLint's (`eslint.rules.<id>`): reviewdog shows it as the rule code. */
export function checkstyleSource(ruleId: string): string {
  return `lblint.${ruleId}`;
}

function loadErrorEntry(e: LoadError): Entry {
  return { line: e.range?.start.line ?? 1, column: e.range?.start.column ?? 1, severity: 'error', message: e.message, source: checkstyleSource(LOAD_ERROR_RULE_ID) };
}

/** One `<file>` per file in path order, load errors first in each; suppressed findings are left out. */
export function renderCheckstyle(input: ReportInput): string {
  const files = new Map<string, Entry[]>();
  const add = (file: string, entry: Entry): void => {
    const list = files.get(file);
    if (list) list.push(entry);
    else files.set(file, [entry]);
  };
  // A load error about no file at all (a missing path) still has to sit in a <file>: the folder linted.
  for (const e of sortedErrors(input)) add(loadErrorFile(e) ?? '.', loadErrorEntry(e));
  for (const f of visibleFindings(input)) {
    if (f.suppression) continue;
    add(f.range.file, { line: f.range.start.line, column: f.range.start.column, severity: SEVERITY[f.severity], message: f.message, source: checkstyleSource(f.ruleId) });
  }
  const out = [XML_DECLARATION, `${openTag('checkstyle', { version: CHECKSTYLE_VERSION })}>`];
  for (const file of [...files.keys()].sort(compareStrings)) {
    out.push(`  ${openTag('file', { name: file })}>`);
    for (const e of files.get(file)!) out.push(`    ${openTag('error', { line: e.line, column: e.column, severity: e.severity, message: e.message, source: e.source })}/>`);
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
}
