// Machine output: `{ version, findings, errors }` with a fixed key order and `null` for absent values.
import type { Finding, LoadError, Range } from '../types.js';
import type { ReportInput } from './types.js';
import { sortedErrors, visibleFindings } from './common.js';

export const JSON_REPORT_VERSION = 1;

export interface JsonLocation {
  file: string;
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface JsonFinding {
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  address: string;
  attribute: string | null;
  location: JsonLocation;
  related: { location: JsonLocation; address: string | null; message: string }[];
  trace: string[];
  fix: { description: string; insertText: string; after: JsonLocation } | null;
  suppressed: boolean;
  justification: string | null;
}

export interface JsonLoadError {
  file: string | null;
  location: JsonLocation | null;
  message: string;
}

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  findings: JsonFinding[];
  errors: JsonLoadError[];
}

export function toJsonLocation(range: Range): JsonLocation {
  return {
    file: range.file,
    start: { line: range.start.line, column: range.start.column },
    end: { line: range.end.line, column: range.end.column },
  };
}

export function toJsonFinding(f: Finding): JsonFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    address: f.address,
    attribute: f.attribute ?? null,
    location: toJsonLocation(f.range),
    related: f.related.map((r) => ({ location: toJsonLocation(r.range), address: r.address ?? null, message: r.message })),
    trace: [...f.trace],
    fix: f.fix ? { description: f.fix.description, insertText: f.fix.insertText, after: toJsonLocation(f.fix.after) } : null,
    suppressed: f.suppression !== undefined,
    justification: f.suppression?.justification ?? null,
  };
}

export function toJsonLoadError(e: LoadError): JsonLoadError {
  return { file: e.range?.file ?? e.file ?? null, location: e.range ? toJsonLocation(e.range) : null, message: e.message };
}

export function buildJsonReport(input: ReportInput): JsonReport {
  return {
    version: JSON_REPORT_VERSION,
    findings: visibleFindings(input).map(toJsonFinding),
    errors: sortedErrors(input).map(toJsonLoadError),
  };
}

/** Suppressed findings are included (`suppressed: true`) so tools can audit the ignores. */
export function renderJson(input: ReportInput): string {
  return renderJsonChunks(input).join('');
}

/** Findings converted and stringified at a time by renderJsonChunks. */
const FINDINGS_PER_CHUNK = 256;

/**
 * The JSON report in pieces whose concatenation is exactly `JSON.stringify(report, null, 2) + '\n'`.
 * Findings are converted a slice at a time, so only one slice's objects are alive at once (tens
 * of thousands of findings would otherwise be copied in full before one string of tens of MB is
 * made), and the pieces are written one after another.
 */
export function renderJsonChunks(input: ReportInput, findingsPerChunk = FINDINGS_PER_CHUNK): string[] {
  const findings = visibleFindings(input);
  if (findings.length === 0) return [JSON.stringify(buildJsonReport(input), null, 2) + '\n'];
  // Each slice is stringified inside an object of the same nesting as the report's, so its items
  // come out with the report's indentation; the wrapper's first and last lines are cut off.
  const open = '{\n  "findings": [\n';
  const close = '\n  ]\n}';
  const chunks = [`{\n  "version": ${JSON.stringify(JSON_REPORT_VERSION)},\n  "findings": [\n`];
  for (let i = 0; i < findings.length; i += findingsPerChunk) {
    const text = JSON.stringify({ findings: findings.slice(i, i + findingsPerChunk).map(toJsonFinding) }, null, 2);
    chunks.push((i === 0 ? '' : ',\n') + text.slice(open.length, text.length - close.length));
  }
  const tail = JSON.stringify({ errors: sortedErrors(input).map(toJsonLoadError) }, null, 2);
  chunks.push(`\n  ],\n${tail.slice('{\n'.length)}\n`);
  return chunks;
}
