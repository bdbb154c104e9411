// Human output in the style of ESLint/tflint: a header per problem, a code frame, then the details.
import type { Finding, LoadError, Range, Severity } from '../types.js';
import type { ReportInput } from './types.js';
import { LOAD_ERROR_RULE_ID } from './types.js';
import { escapeChar, escapeLine, escapeLines, isUnsafeChar } from './sanitize.js';
import { countProblems, describeCounts, plural, sortedErrors, visibleFindings } from './common.js';

const CONTEXT_LINES = 2;
/** Range lines shown at most before the frame is cut. */
const MAX_RANGE_LINES = 3;
const TAB_WIDTH = 4;
/** Display columns of source text shown per line; longer lines are clipped with `…`. */
const MAX_LINE_WIDTH = 100;
/** When clipping, how much text to keep to the left of the underline. */
const CLIP_LEAD = 20;

type Style = (text: string) => string;
interface Palette {
  severity: Record<Severity, Style>;
  dim: Style;
  bold: Style;
  ok: Style;
}

const ansi = (open: number, close: number): Style => (t) => (t === '' ? t : `\x1b[${open}m${t}\x1b[${close}m`);
const plain: Style = (t) => t;

function palette(color: boolean): Palette {
  if (!color) return { severity: { error: plain, warning: plain, note: plain }, dim: plain, bold: plain, ok: plain };
  return {
    severity: { error: ansi(31, 39), warning: ansi(33, 39), note: ansi(36, 39) },
    dim: ansi(2, 22),
    bold: ansi(1, 22),
    ok: ansi(32, 39),
  };
}

export function formatPosition(range: Range): string {
  return `${escapeLine(range.file)}:${range.start.line}:${range.start.column}`;
}

export function renderText(input: ReportInput): string {
  const p = palette(input.color);
  const findings = visibleFindings(input);
  const errors = sortedErrors(input);
  const blocks: string[] = [];

  for (const error of errors) blocks.push(renderLoadError(error, input, p));
  for (const finding of findings) {
    if (!finding.suppression) blocks.push(renderFinding(finding, input, p));
  }

  const counts = countProblems(findings, errors);
  const files = input.summary?.filesLinted ?? input.sources.size;
  const baselined = input.summary?.baselined ? `, ${input.summary.baselined} in the baseline` : '';
  const suppressed = (counts.suppressed > 0 ? `, ${counts.suppressed} suppressed` : '') + baselined;
  const total = counts.errors + counts.warnings + counts.notes;
  // --quiet hides warnings and notes: say how many, so that "no problems" never hides them silently.
  const hidden = input.quiet ? hiddenByQuiet(input.findings) : '';
  const summary =
    total === 0
      ? p.ok(`✔ No ${hidden ? 'errors' : 'problems'} found in ${plural(files, 'file')}${suppressed}${hidden}`)
      : p.severity[counts.errors > 0 ? 'error' : counts.warnings > 0 ? 'warning' : 'note'](
          `✖ ${plural(total, 'problem')} (${describeCounts(counts)}) in ${plural(files, 'file')}${suppressed}${hidden}`,
        );
  return [...blocks, summary].join('\n') + '\n';
}

/** `, 2 warnings and 1 note hidden by --quiet` ('' when --quiet hides nothing). */
function hiddenByQuiet(findings: ReportInput['findings']): string {
  const shown = findings.filter((f) => !f.suppression);
  const warnings = shown.filter((f) => f.severity === 'warning').length;
  const notes = shown.filter((f) => f.severity === 'note').length;
  const parts = [...(warnings ? [plural(warnings, 'warning')] : []), ...(notes ? [plural(notes, 'note')] : [])];
  return parts.length ? `, ${parts.join(' and ')} hidden by --quiet` : '';
}

function header(location: string, severity: Severity, message: string, ruleId: string, p: Palette): string {
  const parts = [location ? p.bold(location) : '', p.severity[severity](severity), escapeLine(message), p.dim(ruleId)];
  return parts.filter((s) => s !== '').join('  ');
}

function renderLoadError(error: LoadError, input: ReportInput, p: Palette): string {
  const location = error.range ? formatPosition(error.range) : error.file !== undefined ? escapeLine(error.file) : '';
  const lines = [header(location, 'error', error.message, LOAD_ERROR_RULE_ID, p)];
  if (error.range) lines.push(...codeFrame(error.range, input.sources, 'error', p));
  return lines.join('\n') + '\n';
}

function renderFinding(f: Finding, input: ReportInput, p: Palette): string {
  const lines = [header(formatPosition(f.range), f.severity, f.message, f.ruleId, p)];
  lines.push(...codeFrame(f.range, input.sources, f.severity, p));
  for (const r of f.related) {
    const what = r.address !== undefined ? `${escapeLine(r.address)}: ${escapeLine(r.message)}` : escapeLine(r.message);
    lines.push(`  ${p.dim('↳')} ${formatPosition(r.range)} ${what}`);
  }
  for (const step of f.trace) lines.push(`    ${p.dim('·')} ${escapeLine(step)}`);
  if (f.fix) {
    lines.push(`  ${p.bold('Fix:')} ${escapeLine(f.fix.description)}`);
    for (const line of escapeLines(f.fix.insertText.replace(/\n+$/, ''))) lines.push(line === '' ? '' : `    ${line}`);
  }
  return lines.join('\n') + '\n';
}

/** A source line made safe for a terminal, one entry per display column. */
interface DisplayLine {
  /** What each display column shows (a surrogate pair is one cell; `\x1b` is four). */
  cells: string[];
  /** offsets[i] = display column of code unit i; offsets[length] = display width. */
  offsets: number[];
}

function toDisplay(line: string): DisplayLine {
  const cells: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    const code = ch.charCodeAt(0);
    offsets.push(cells.length);
    if (ch === '\t') {
      do cells.push(' ');
      while (cells.length % TAB_WIDTH !== 0);
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
      offsets.push(cells.length);
      cells.push(ch + (line[i + 1] ?? ''));
      i++;
    } else if (isUnsafeChar(ch)) {
      cells.push(...escapeChar(ch));
    } else {
      cells.push(ch);
    }
  }
  offsets.push(cells.length);
  return { cells, offsets };
}

function codeFrame(range: Range, sources: ReadonlyMap<string, string>, severity: Severity, p: Palette): string[] {
  const source = sources.get(range.file);
  if (source === undefined) return [];
  const all = source.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  // A final newline ends the last line; it does not start an empty one.
  if (all.length > 1 && all[all.length - 1] === '') all.pop();
  const startLine = range.start.line;
  if (startLine < 1 || startLine > all.length) return [];
  const endLine = Math.min(Math.max(range.end.line, startLine), all.length);
  const lastRangeLine = Math.min(endLine, startLine + MAX_RANGE_LINES - 1);
  const first = Math.max(1, startLine - CONTEXT_LINES);
  const last = Math.min(all.length, lastRangeLine + CONTEXT_LINES);
  const width = String(last).length;

  const display = new Map<number, DisplayLine>();
  for (let n = first; n <= last; n++) display.set(n, toDisplay(all[n - 1] ?? ''));

  // One horizontal window for the whole frame, chosen so the start of the range is visible.
  const primary = display.get(startLine) ?? { cells: [], offsets: [0] };
  const caret = offsetAt(primary, range.start.column);
  const widest = Math.max(...[...display.values()].map((d) => d.cells.length));
  const windowStart = widest > MAX_LINE_WIDTH && caret > MAX_LINE_WIDTH - CLIP_LEAD ? caret - CLIP_LEAD : 0;

  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const d = display.get(n) ?? { cells: [], offsets: [0] };
    const inRange = n >= startLine && n <= lastRangeLine;
    const marker = inRange ? p.severity[severity]('>') : ' ';
    const clipped = clip(d.cells, windowStart);
    out.push(`  ${marker} ${p.dim(`${String(n).padStart(width)} |`)}${clipped.text === '' ? '' : ' ' + clipped.text}`);
    if (!inRange) continue;
    const [from, to] = underlineSpan(d, n, range, startLine, endLine);
    const a = Math.max(from - windowStart, 0);
    const b = Math.min(to - windowStart, MAX_LINE_WIDTH);
    if (b < a || (to - windowStart < 0)) continue;
    const shift = clipped.prefixed ? 1 : 0;
    const mark = '^' + '~'.repeat(Math.max(b - a - 1, 0));
    out.push(`    ${p.dim(`${' '.repeat(width)} |`)} ${' '.repeat(a + shift)}${p.severity[severity](mark)}`);
  }
  if (endLine > lastRangeLine) out.push(`    ${p.dim(`${' '.repeat(width)} ⋮`)}`);
  return out;
}

function offsetAt(d: DisplayLine, column: number): number {
  const i = Math.min(Math.max(column - 1, 0), d.offsets.length - 1);
  return d.offsets[i] ?? 0;
}

/** Display columns [from, to) to underline on line `n` of a possibly multi-line range. */
function underlineSpan(d: DisplayLine, n: number, range: Range, startLine: number, endLine: number): [number, number] {
  const indent = Math.max(d.cells.findIndex((c) => c.trim() !== ''), 0);
  const from = n === startLine ? offsetAt(d, range.start.column) : indent;
  const to = n === endLine && range.end.line >= startLine ? offsetAt(d, range.end.column) : d.cells.length;
  return [from, Math.max(to, from + 1)];
}

function clip(cells: string[], windowStart: number): { text: string; prefixed: boolean } {
  let shown = cells.slice(windowStart, windowStart + MAX_LINE_WIDTH).join('');
  const prefixed = windowStart > 0;
  if (prefixed) shown = '…' + shown;
  if (cells.length > windowStart + MAX_LINE_WIDTH) shown += '…';
  return { text: shown.trimEnd(), prefixed };
}
