// Which top-level blocks of a `.tf` file can affect a rule, found without hcl2json.
//
// `splitTopLevel` is a fast pass over the file that finds each top-level block (type, labels,
// offsets) and jumps over block bodies with a regular expression, keeping strings, heredocs,
// comments and brackets balanced. On anything unusual it gives up: 'scan' when the full scanner
// should look (it reports unbalanced brackets, unterminated strings, arguments without a value…,
// and then the whole file goes to hcl2json), 'parse' when the file goes to hcl2json whole at once
// (text after a closing brace, characters HCL rejects), so odd input gets hcl2json's exact errors.

import { isAsciiIdentPart as isIdentPart, isAsciiIdentStart as isIdentStart } from '../hcl-chars.js';
import { heredocAt } from './scanner.js';
import { PROVIDER_FAMILIES } from '../types.js';

/** Resource and data types of these families are modelled by the adapters. */
const FAMILY_PREFIXES = PROVIDER_FAMILIES.map((family) => `${family}_`);

/** Top-level blocks the evaluator always reads. */
const ALWAYS_PARSED = new Set(['variable', 'locals', 'module', 'output', 'terraform']);

/** Text that makes a block relevant wherever it appears in it (a reference to a modelled resource or a module output). */
const MENTIONS = [...FAMILY_PREFIXES, 'module.'];

/** First names of references that never name a resource. */
const NOT_RESOURCES = new Set(['var', 'local', 'each', 'count', 'path', 'self', 'module', 'terraform', 'data']);

export interface BlockSpan {
  type: string;
  labels: string[];
  /** Offset of the block type. */
  start: number;
  /** Offset after the last label. */
  headerEnd: number;
  /** Offset after the closing brace. */
  end: number;
  /** A non-empty single-line block (`x "y" { a = 1 }`): always given to hcl2json, which checks its form. */
  oneLine?: boolean;
}

function isFamilyType(type: string | undefined): boolean {
  if (type === undefined) return false;
  for (const p of FAMILY_PREFIXES) if (type.startsWith(p)) return true;
  return false;
}

/** `T.N` / `data.T.N` of a resource or data block; undefined for other blocks. */
export function blockAddress(span: { type: string; labels: string[] }): string | undefined {
  if ((span.type !== 'resource' && span.type !== 'data') || span.labels.length !== 2) return undefined;
  return `${span.type === 'data' ? 'data.' : ''}${span.labels[0]}.${span.labels[1]}`;
}

/** Whether a block is always parsed, whatever its text: the evaluator's blocks and the families' resources. */
export function isRelevantType(span: { type: string; labels: string[] }): boolean {
  return ALWAYS_PARSED.has(span.type) || ((span.type === 'resource' || span.type === 'data') && isFamilyType(span.labels[0]));
}

/**
 * Whether a block may matter on its own: the blocks the evaluator reads, resources and data
 * sources of the supported families, and any block whose text names one of those families or a
 * module output (an auto-scaling group or a Kubernetes service that uses a pool makes the pool used).
 */
export function isRelevant(span: BlockSpan, mentions: readonly number[]): boolean {
  if (isRelevantType(span)) return true;
  // First mention at or after the block's start (binary search), then: is it inside the block?
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as number) < span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < mentions.length && (mentions[lo] as number) < span.end;
}

/** Sorted offsets of every mention of a family prefix or `module.` in `text` (one pass per needle). */
export function mentionOffsets(text: string): number[] {
  const out: number[] = [];
  for (const m of MENTIONS) {
    for (let at = text.indexOf(m); at >= 0; at = text.indexOf(m, at + m.length)) out.push(at);
  }
  return out.sort((a, b) => a - b);
}

const IDENT_CHAIN = /[A-Za-z_][\w-]*(?:[ \t]*\.[ \t]*[A-Za-z_][\w-]*)+/g;

/**
 * Adds to `out` the addresses of resources and data sources outside the supported families that
 * `text` may refer to (`aws_instance.web`, `data.aws_ami.x`): the start of every dotted name chain,
 * an over-approximation (a chain inside a string or a comment counts too).
 */
export function referencedAddresses(text: string, out: Set<string>): void {
  IDENT_CHAIN.lastIndex = 0;
  for (let m = IDENT_CHAIN.exec(text); m !== null; m = IDENT_CHAIN.exec(text)) {
    const parts = m[0].split('.');
    const first = (parts[0] as string).trim();
    const second = (parts[1] as string).trim();
    if (first === 'data') {
      if (parts.length > 2 && !isFamilyType(second)) out.add(`data.${second}.${(parts[2] as string).trim()}`);
    } else if (!NOT_RESOURCES.has(first) && !isFamilyType(first)) out.add(`${first}.${second}`);
  }
}

/**
 * The layout hcl2json demands of a block from its `{` (at `open`) to after its `}` (`end`): a
 * newline after `{` (else a single-line block, closed on that line), `}` alone on its line, and
 * nothing but a comment after it. 'parse' when hcl2json would reject it, 'scan' when unsure.
 */
export function blockForm(text: string, open: number, end: number): 'multi-line' | 'one-line' | 'scan' | 'parse' {
  let p = open + 1;
  while (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9) p += 1;
  const first = text.charCodeAt(p);
  if (first === 47 && text.charCodeAt(p + 1) === 42) return 'scan'; // `{ /* … */`
  const empty = first === 125 && p + 1 === end;
  const multiLine = first === 10 || first === 13 || first === 35 || (first === 47 && text.charCodeAt(p + 1) === 47);
  const lineStart = text.lastIndexOf('\n', end - 1);
  if (!empty && !multiLine) {
    if (lineStart > open) return 'parse'; // a single-line block that goes on
  } else if (!empty && text.slice(lineStart + 1, end - 1).trim() !== '') return 'parse'; // `a = 1 }`
  let q = end;
  while (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9) q += 1;
  const after = text.charCodeAt(q);
  if (!(q >= text.length || after === 10 || after === 13 || after === 35 || (after === 47 && text.charCodeAt(q + 1) === 47))) return 'parse';
  return empty || multiLine ? 'multi-line' : 'one-line';
}

/** Characters that change the state of the body skipper (everything else is jumped over). */
const BODY_SPECIAL = /[{}()[\]"#/<=\n;'@`\\$^]/g;
const STRING_SPECIAL = /["\\$%\n]/g;

/**
 * Splits a file into its top-level blocks; 'scan' when the file needs the full scanner (anything
 * but plain ASCII-named blocks with balanced bodies), 'parse' when it goes to hcl2json whole.
 */
export function splitTopLevel(text: string): BlockSpan[] | 'scan' | 'parse' {
  const n = text.length;
  const spans: BlockSpan[] = [];
  let p = 0;
  const skipTrivia = (): boolean => {
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === 32 || c === 9 || c === 13 || c === 10) p += 1;
      else if (c === 35 || (c === 47 && text.charCodeAt(p + 1) === 47)) {
        const nl = text.indexOf('\n', p);
        p = nl < 0 ? n : nl + 1;
      } else if (c === 47 && text.charCodeAt(p + 1) === 42) {
        const close = text.indexOf('*/', p + 2);
        if (close < 0) return false;
        p = close + 2;
      } else return true;
    }
  };
  const skipSpaces = (): void => {
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === 32 || c === 9) p += 1;
      else return;
    }
  };
  const ident = (): string => {
    const start = p;
    p += 1;
    while (p < n && isIdentPart(text.charCodeAt(p))) p += 1;
    return text.slice(start, p);
  };
  while (p < n) {
    if (!skipTrivia()) return 'scan';
    if (p >= n) break;
    if (!isIdentStart(text.charCodeAt(p))) return 'scan';
    const start = p;
    const type = ident();
    const labels: string[] = [];
    let headerEnd = p;
    skipSpaces();
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === 34) {
        const close = p + 1 + (/^[^"\\\n\r]*/.exec(text.slice(p + 1, p + 257))?.[0].length ?? 0);
        if (text.charCodeAt(close) !== 34) return 'scan'; // escapes, very long or unterminated labels
        labels.push(text.slice(p + 1, close));
        p = close + 1;
      } else if (isIdentStart(c)) labels.push(ident());
      else break;
      headerEnd = p;
      skipSpaces();
    }
    if (text.charCodeAt(p) !== 123) return 'scan'; // `name = value` at the top level, or junk
    const open = p;
    const end = skipBody(text, open + 1);
    if (end === -1) return 'scan';
    if (end < 0) return 'parse';
    const form = blockForm(text, open, end);
    if (form !== 'multi-line' && form !== 'one-line') return form;
    spans.push(form === 'one-line' ? { type, labels, start, headerEnd, end, oneLine: true } : { type, labels, start, headerEnd, end });
    p = end;
  }
  return spans;
}

/**
 * Skips a block body from just after its `{`; returns the offset after the matching `}`, -1 when
 * the full scanner should look at the file, -2 when hcl2json should (a character HCL rejects).
 */
function skipBody(text: string, from: number): number {
  const n = text.length;
  const stack: number[] = [123]; // char codes of the open brackets: { ( [ and 36 for `${`
  let p = from;
  /** An `=` still waits for its value. */
  let pendingEquals = false;
  while (p < n) {
    BODY_SPECIAL.lastIndex = p;
    const m = BODY_SPECIAL.exec(text);
    if (m === null) return -1;
    const at = m.index;
    if (pendingEquals && /\S/.test(text.slice(p, at))) pendingEquals = false;
    p = at + 1;
    const c = text.charCodeAt(at);
    switch (c) {
      case 10: // newline
        if (pendingEquals && stack[stack.length - 1] === 123) return -1; // `name =` with nothing after it
        break;
      case 123: // {
      case 40: // (
      case 91: // [
        pendingEquals = false;
        stack.push(c);
        break;
      case 125: {
        // }
        if (pendingEquals) return -1;
        const top = stack.pop();
        if (top !== 123 && top !== 36) return -1;
        if (stack.length === 0) return p;
        if (top === 36) {
          // end of an interpolation: back inside the string
          const q = skipString(text, p, stack);
          if (q < 0) return -1;
          p = q;
        }
        break;
      }
      case 41: // )
        if (pendingEquals || stack.pop() !== 40) return -1;
        break;
      case 93: // ]
        if (pendingEquals || stack.pop() !== 91) return -1;
        break;
      case 34: {
        // "
        pendingEquals = false;
        const q = skipString(text, p, stack);
        if (q < 0) return -1;
        p = q;
        break;
      }
      case 35: {
        // #
        const nl = text.indexOf('\n', p);
        if (nl < 0) return -1;
        p = nl; // the newline is seen next
        break;
      }
      case 47: {
        // /
        const d = text.charCodeAt(p);
        if (d === 47) {
          const nl = text.indexOf('\n', p);
          if (nl < 0) return -1;
          p = nl;
        } else if (d === 42) {
          const close = text.indexOf('*/', p + 1);
          if (close < 0) return -1;
          p = close + 2;
        } else pendingEquals = false;
        break;
      }
      case 60: {
        // <
        pendingEquals = false;
        const heredoc = heredocAt(text, at, n);
        if (heredoc === undefined) break;
        if (heredoc.end < 0) return -1;
        p = heredoc.end;
        break;
      }
      case 61: {
        // =
        const prev = text.charCodeAt(at - 1);
        const next = text.charCodeAt(p);
        if (next === 61 || next === 62 || prev === 61 || prev === 33 || prev === 60 || prev === 62) {
          // == => != <= >=
          if (next === 61 || next === 62) p += 1;
          pendingEquals = false;
        } else pendingEquals = true;
        break;
      }
      default:
        return -2; // ; ' @ ` \ $ ^ outside strings
    }
  }
  return -1;
}

/**
 * Skips a quoted string from just after its opening quote (or after the `}` closing an
 * interpolation inside it). Returns the offset after the closing quote; for an interpolation, pushes
 * it on `stack` and returns the offset after `${`. -1 for an unterminated string.
 */
function skipString(text: string, from: number, stack: number[]): number {
  let p = from;
  const n = text.length;
  while (p < n) {
    STRING_SPECIAL.lastIndex = p;
    const m = STRING_SPECIAL.exec(text);
    if (m === null) return -1;
    const at = m.index;
    const c = text.charCodeAt(at);
    if (c === 34) return at + 1;
    if (c === 10) return -1;
    if (c === 92) {
      p = at + 2;
      continue;
    }
    // $ or %
    if (text.charCodeAt(at + 1) === c && text.charCodeAt(at + 2) === 123) {
      p = at + 3; // $${ and %%{ are escapes
      continue;
    }
    if (text.charCodeAt(at + 1) === 123) {
      stack.push(36);
      return at + 2;
    }
    p = at + 1;
  }
  return -1;
}
