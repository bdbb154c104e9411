// GitHub Actions workflow-command annotations and the job-summary Markdown.
import type { Finding, LoadError, Range, Severity } from '../types.js';
import type { RuleMeta } from '../rule.js';
import type { ReportInput } from './types.js';
import { LOAD_ERROR_RULE_ID } from './types.js';
import { escapeLine } from './sanitize.js';
import { countProblems, describeCounts, loadErrorFile, plural, sortedErrors, visibleFindings } from './common.js';
import { topologyDiagrams } from './mermaid.js';

/** GitHub shows at most 10 annotations of each level per step. */
export const ANNOTATIONS_PER_LEVEL = 10;
/** `$GITHUB_STEP_SUMMARY` is dropped above 1 MiB per step; stay well under. */
export const MAX_SUMMARY_BYTES = 1000 * 1024;

type Command = 'error' | 'warning' | 'notice';
const COMMAND: Record<Severity, Command> = { error: 'error', warning: 'warning', note: 'notice' };

/** Message data: `%`, CR and LF escaped, so repository text cannot start a new workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values (file, title): also `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Strips ANSI and other controls (they would be rendered in the log) but keeps our own newlines. */
function clean(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeLine(line))
    .join('\n');
}

interface Annotation {
  command: Command;
  range?: Range;
  file?: string;
  title: string;
  message: string;
}

export function formatAnnotation(a: Annotation): string {
  const props: string[] = [];
  const file = a.range?.file ?? a.file;
  if (file !== undefined) props.push(`file=${escapeProperty(escapeLine(file))}`);
  if (a.range) {
    const { start, end } = a.range;
    const line = Math.max(1, start.line);
    const endLine = Math.max(line, end.line);
    props.push(`line=${line}`, `endLine=${endLine}`);
    // GitHub ignores (or misplaces) columns on multi-line annotations.
    if (line === endLine) props.push(`col=${Math.max(1, start.column)}`, `endColumn=${Math.max(1, start.column, end.column)}`);
  }
  props.push(`title=${escapeProperty(escapeLine(a.title))}`);
  return `::${a.command} ${props.join(',')}::${escapeData(clean(a.message))}`;
}

function position(r: Range): string {
  return `${r.file}:${r.start.line}:${r.start.column}`;
}

function findingAnnotation(f: Finding, meta: RuleMeta | undefined): Annotation {
  const lines = [f.message];
  for (const r of f.related) lines.push(`↳ ${position(r.range)} ${r.address !== undefined ? `${r.address}: ` : ''}${r.message}`);
  for (const step of f.trace) lines.push(`· ${step}`);
  if (f.fix) lines.push(`Fix: ${f.fix.description}`);
  return {
    command: COMMAND[f.severity],
    range: f.range,
    title: meta ? `${meta.title} (${f.ruleId})` : f.ruleId,
    message: lines.join('\n'),
  };
}

function loadErrorAnnotation(e: LoadError): Annotation {
  const a: Annotation = { command: 'error', title: LOAD_ERROR_RULE_ID, message: e.message };
  if (e.range) a.range = e.range;
  else if (e.file !== undefined) a.file = e.file;
  return a;
}

/**
 * One workflow command per line: load errors, then findings in sorted order, at most 10 per level;
 * when some are left out, one closing `::notice::` says how many (notes then keep one slot for it).
 * Suppressed findings are never annotated.
 */
export function renderGithub(input: ReportInput): string {
  const metas = new Map(input.rules.map((r) => [r.id, r]));
  const all: Annotation[] = [
    ...sortedErrors(input).map(loadErrorAnnotation),
    ...visibleFindings(input)
      .filter((f) => !f.suppression)
      .map((f) => findingAnnotation(f, metas.get(f.ruleId))),
  ];
  const total: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  for (const a of all) total[a.command]++;
  const overflow = total.error > ANNOTATIONS_PER_LEVEL || total.warning > ANNOTATIONS_PER_LEVEL || total.notice > ANNOTATIONS_PER_LEVEL;
  const cap: Record<Command, number> = {
    error: ANNOTATIONS_PER_LEVEL,
    warning: ANNOTATIONS_PER_LEVEL,
    notice: overflow ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL,
  };
  const used: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  const out: string[] = [];
  let omitted = 0;
  for (const a of all) {
    if (used[a.command] < cap[a.command]) {
      used[a.command]++;
      out.push(formatAnnotation(a));
    } else {
      omitted++;
    }
  }
  if (omitted > 0) {
    out.push(
      formatAnnotation({
        command: 'notice',
        title: 'lblint',
        message: `${plural(omitted, 'more problem')} not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level); see the job summary or the SARIF report for all of them.`,
      }),
    );
  }
  return out.length === 0 ? '' : out.join('\n') + '\n';
}

/** Markdown table cell: no raw HTML, no table breaks, no Markdown syntax from the user's text. */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      escapeLine(line)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|~#!])/g, '\\$1'),
    )
    .join('<br>');
}

const ICON: Record<Severity, string> = { error: '🔴 error', warning: '🟡 warning', note: '🔵 note' };

export function renderJobSummary(input: ReportInput): string {
  const findings = visibleFindings(input);
  const errors = sortedErrors(input);
  const counts = countProblems(findings, errors);
  const total = counts.errors + counts.warnings + counts.notes;
  const files = input.summary?.filesLinted ?? input.sources.size;
  const head: string[] = ['## lblint', ''];
  const baselined = input.summary?.baselined ? `, ${input.summary.baselined} in the baseline` : '';
  const suppressed = (counts.suppressed > 0 ? `, ${counts.suppressed} suppressed` : '') + baselined;
  head.push(
    total === 0
      ? `✔ No problems found in ${plural(files, 'file')}${suppressed}.`
      : `✖ ${plural(total, 'problem')} (${describeCounts(counts)}) in ${plural(files, 'file')}${suppressed}.`,
  );
  if (total === 0) return head.join('\n') + '\n';
  head.push('', '| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |');

  const rows: string[] = [];
  for (const e of errors) {
    const where = e.range ? position(e.range) : (loadErrorFile(e) ?? '');
    rows.push(row('error', LOAD_ERROR_RULE_ID, where, e.message));
  }
  for (const f of findings) {
    if (!f.suppression) rows.push(row(f.severity, f.ruleId, position(f.range), f.message));
  }

  let size = Buffer.byteLength(head.join('\n') + '\n', 'utf8');
  const reserve = 512; // for the truncation note
  const kept: string[] = [];
  for (const r of rows) {
    const bytes = Buffer.byteLength(r, 'utf8') + 1;
    if (size + bytes > MAX_SUMMARY_BYTES - reserve) break;
    kept.push(r);
    size += bytes;
  }
  const lines = [...head, ...kept];
  if (kept.length < rows.length) {
    lines.push('', `_${plural(rows.length - kept.length, 'more problem')} not listed: the job summary is limited to 1 MiB. See the SARIF or JSON report._`);
    return lines.join('\n') + '\n';
  }

  // One diagram per load balancer with a finding, while the summary stays under its limit.
  const diagrams = topologyDiagrams(findings);
  if (diagrams.length > 0) {
    const section = ['', '### Load balancers with findings', '', 'Red edges lead to the resource at fault; their labels name the rules.'];
    size += Buffer.byteLength(section.join('\n') + '\n', 'utf8');
    let shown = 0;
    const blocks: string[] = [];
    for (const d of diagrams) {
      const block = ['', `#### ${escapeMarkdownCell(d.loadBalancer)}`, '', '```mermaid', d.mermaid, '```'].join('\n');
      const bytes = Buffer.byteLength(block, 'utf8') + 1;
      if (size + bytes > MAX_SUMMARY_BYTES - reserve) break;
      blocks.push(block);
      size += bytes;
      shown++;
    }
    if (shown > 0) lines.push(...section, ...blocks);
    if (shown < diagrams.length) lines.push('', `_${plural(diagrams.length - shown, 'more load balancer')} not drawn: the job summary is limited to 1 MiB._`);
  }
  return lines.join('\n') + '\n';
}

function row(severity: Severity, ruleId: string, where: string, message: string): string {
  return `| ${ICON[severity]} | ${escapeMarkdownCell(ruleId)} | ${escapeMarkdownCell(where)} | ${escapeMarkdownCell(message)} |`;
}
