// Entry point of the reporters: one pure function per format.
import type { ReportFormat, ReportInput } from './types.js';
import { renderText } from './text.js';
import { renderJsonChunks } from './json.js';
import { renderSarif } from './sarif.js';
import { renderGithub } from './github.js';
import { renderJunit } from './junit.js';
import { renderCheckstyle } from './checkstyle.js';
import { renderGitlab } from './gitlab.js';
import { renderCompact } from './compact.js';

export function renderReport(format: ReportFormat, input: ReportInput): string {
  return renderReportChunks(format, input).join('');
}

/** The report in pieces to write one after another (a big JSON report is never one string). */
export function renderReportChunks(format: ReportFormat, input: ReportInput): string[] {
  switch (format) {
    case 'text':
      return [renderText(input)];
    case 'json':
      return renderJsonChunks(input);
    case 'sarif':
      return [renderSarif(input)];
    case 'github':
      return [renderGithub(input)];
    case 'junit':
      return [renderJunit(input)];
    case 'checkstyle':
      return [renderCheckstyle(input)];
    case 'gitlab':
      return [renderGitlab(input)];
    case 'compact':
      return [renderCompact(input)];
  }
}

export type { ReportFormat, ReportInput } from './types.js';
export { REPORT_FORMATS, LOAD_ERROR_RULE_ID, UNUSED_IGNORE_RULE_ID } from './types.js';
export { sortFindings, sortLoadErrors, compareFindings } from './sort.js';
export { renderText } from './text.js';
export { renderJson, renderJsonChunks, buildJsonReport } from './json.js';
export type { JsonReport, JsonFinding, JsonLoadError, JsonLocation } from './json.js';
export { renderSarif, buildSarif, fingerprintOf, toArtifactUri } from './sarif.js';
export { renderGithub, renderJobSummary, escapeData, escapeProperty } from './github.js';
export { escapeLine } from './sanitize.js';
export { renderJunit } from './junit.js';
export { renderCheckstyle, checkstyleSource } from './checkstyle.js';
export { renderGitlab, buildCodeQuality } from './gitlab.js';
export type { CodeQualityIssue, CodeQualitySeverity } from './gitlab.js';
export { renderCompact } from './compact.js';
export { xmlText, xmlAttribute } from './xml.js';
