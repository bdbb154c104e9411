// Positions for HCL native syntax: hcl2json gives none, so findings could not point at code without this.
// The scanner only finds structure (blocks, attributes, comments); values come from hcl2json.
// It is iterative (no recursion), linear in the input, and never throws.
import type { AttributeNode, BlockNode, IgnoreDirective, Range } from '../types.js';
import { isIdentPart, isIdentStart } from '../hcl-chars.js';
import { parseIgnoreComment } from './ignores.js';
import { SourceText } from './source.js';

export interface ScanError {
  range: Range;
  message: string;
}

export interface ScanResult {
  blocks: BlockNode[];
  attributes: Record<string, AttributeNode>;
  ignores: IgnoreDirective[];
  errors: ScanError[];
}

interface Comment {
  start: number;
  end: number;
  /** `#` and `//` comments; block comments never hold directives. */
  isLine: boolean;
}

interface Frame {
  block: BlockNode | undefined;
  attributes: Record<string, AttributeNode>;
  blocks: BlockNode[];
  /** Offset of the block type, for "unclosed block" errors. */
  start: number;
}

type Opener = '(' | '[' | '{' | '"' | '${';

const HEREDOC = /<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;

/**
 * A heredoc opened at `at` (`<<EOF` or `<<-EOF`, then a newline): its opener, its marker, and the
 * offset after the closing marker (-1 when no line closes it). Undefined when none starts at `at`.
 * Shared by the scanner and the fast block splitter (src/load/select.ts).
 */
export function heredocAt(text: string, at: number, limit: number): { opener: string; marker: string; end: number } | undefined {
  HEREDOC.lastIndex = at;
  const m = HEREDOC.exec(text);
  if (m === null) return undefined;
  const marker = m[2] ?? '';
  let lineStart = at + m[0].length;
  while (lineStart <= limit) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? limit : nl;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === marker) return { opener: m[0], marker, end: lineStart + line.indexOf(marker) + marker.length };
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return { opener: m[0], marker, end: -1 };
}



/** Sets `record[key]` without tripping over `__proto__`. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

class HclScanner {
  private pos = 0;
  private readonly text: string;
  private readonly n: number;
  readonly errors: ScanError[] = [];
  readonly comments: Comment[] = [];

  /** Scans `src.text` from `start` to `end` (the whole text by default); positions stay those of the file. */
  constructor(
    private readonly src: SourceText,
    start = 0,
    end = src.text.length,
  ) {
    this.text = src.text;
    this.pos = start;
    this.n = end;
  }

  private error(start: number, end: number, message: string): void {
    this.errors.push({ range: this.src.range(start, Math.min(Math.max(end, start), this.n)), message });
  }

  private lineComment(): void {
    const start = this.pos;
    const nl = this.text.indexOf('\n', start);
    let end = nl < 0 ? this.n : nl;
    this.pos = end;
    if (end > start && this.text[end - 1] === '\r') end -= 1;
    this.comments.push({ start, end, isLine: true });
  }

  private blockComment(): void {
    const start = this.pos;
    const close = this.text.indexOf('*/', start + 2);
    if (close < 0) {
      this.error(start, start + 2, 'unterminated comment: no closing */');
      this.pos = this.n;
      this.comments.push({ start, end: this.n, isLine: false });
      return;
    }
    this.pos = close + 2;
    this.comments.push({ start, end: this.pos, isLine: false });
  }

  /** Skips spaces, comments and (if allowed) newlines. */
  private skipTrivia(allowNewlines: boolean): void {
    const t = this.text;
    while (this.pos < this.n) {
      const c = t[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') this.pos += 1;
      else if (c === '\n') {
        if (!allowNewlines) return;
        this.pos += 1;
      } else if (c === '#' || (c === '/' && t[this.pos + 1] === '/')) this.lineComment();
      else if (c === '/' && t[this.pos + 1] === '*') this.blockComment();
      else return;
    }
  }

  private readIdent(): string {
    const start = this.pos;
    this.pos += 1;
    while (this.pos < this.n && isIdentPart(this.text[this.pos] ?? '')) this.pos += 1;
    return this.text.slice(start, this.pos);
  }

  /** A quoted block label; returns its value. `pos` is at the opening quote. */
  private readQuotedLabel(): string {
    const t = this.text;
    const start = this.pos;
    let p = start + 1;
    let value = '';
    while (p < this.n) {
      const c = t[p];
      if (c === '"') {
        this.pos = p + 1;
        return value;
      }
      if (c === '\n' || (c === '\r' && t[p + 1] === '\n')) break;
      if (c === '\\') {
        const e = t[p + 1] ?? '';
        value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
        p += 2;
        continue;
      }
      value += c;
      p += 1;
    }
    this.error(start, p, 'unterminated string');
    this.pos = Math.min(p, this.n);
    return value;
  }

  /**
   * Scans one expression from `pos`. It ends at a newline or `}` outside any bracket, string or
   * interpolation, or at the end of the text; `pos` is left on that character. Returns the offset
   * after the last character of the expression (trailing spaces and comments excluded).
   */
  private scanExpression(): number {
    const t = this.text;
    const n = this.n;
    const stack: { kind: Opener; pos: number }[] = [];
    let lastEnd = this.pos;
    let p = this.pos;
    while (p < n) {
      const top = stack[stack.length - 1];
      const c = t[p] ?? '';
      if (top?.kind === '"') {
        if (c === '\\') {
          p += 2;
        } else if (c === '"') {
          stack.pop();
          p += 1;
        } else if (c === '\n' || (c === '\r' && t[p + 1] === '\n')) {
          this.error(top.pos, p, 'unterminated string: quoted strings may not span lines (use a heredoc)');
          stack.pop();
          continue;
        } else if ((c === '$' || c === '%') && t[p + 1] === c && t[p + 2] === '{') {
          p += 3; // `$${` and `%%{` are escapes for a literal `${` / `%{`
        } else if ((c === '$' || c === '%') && t[p + 1] === '{') {
          stack.push({ kind: '${', pos: p });
          p += 2;
        } else {
          p += 1;
        }
        lastEnd = Math.min(p, n);
        continue;
      }
      switch (c) {
        case ' ':
        case '\t':
        case '\r':
          p += 1;
          continue;
        case '\n':
          if (stack.length === 0) {
            this.pos = p;
            return lastEnd;
          }
          p += 1;
          continue;
        case '#':
          this.pos = p;
          this.lineComment();
          p = this.pos;
          continue;
        case '/':
          if (t[p + 1] === '/') {
            this.pos = p;
            this.lineComment();
            p = this.pos;
            continue;
          }
          if (t[p + 1] === '*') {
            this.pos = p;
            this.blockComment();
            p = this.pos;
            continue;
          }
          p += 1;
          break;
        case '"':
          stack.push({ kind: '"', pos: p });
          p += 1;
          break;
        case '(':
        case '[':
        case '{':
          stack.push({ kind: c, pos: p });
          p += 1;
          break;
        case ')':
        case ']': {
          const want = c === ')' ? '(' : '[';
          if (top === undefined) this.error(p, p + 1, `unexpected '${c}'`);
          else {
            if (top.kind !== want) this.error(p, p + 1, `'${c}' does not match '${top.kind}' at line ${this.src.line(top.pos)}`);
            stack.pop();
          }
          p += 1;
          break;
        }
        case '}':
          if (top === undefined) {
            this.pos = p;
            return lastEnd;
          }
          if (top.kind !== '{' && top.kind !== '${') {
            this.error(p, p + 1, `'}' does not match '${top.kind}' at line ${this.src.line(top.pos)}`);
            stack.pop();
            continue; // look at the `}` again with the outer opener
          }
          stack.pop();
          p += 1;
          break;
        case '<': {
          const heredoc = heredocAt(t, p, n);
          if (heredoc === undefined) p += 1;
          else if (heredoc.end >= 0) p = heredoc.end;
          else {
            this.error(p, p + heredoc.opener.trimEnd().length, `unterminated heredoc: no line with the closing marker ${heredoc.marker}`);
            p = n;
          }
          break;
        }
        default:
          p += 1;
      }
      lastEnd = p;
    }
    const open = stack[stack.length - 1];
    if (open !== undefined) {
      const what =
        open.kind === '"' ? 'unterminated string' : open.kind === '${' ? 'unterminated template interpolation' : `unclosed '${open.kind}'`;
      this.error(open.pos, open.pos + open.kind.length, what);
    }
    this.pos = n;
    return Math.min(lastEnd, n);
  }

  /** Skips the rest of a malformed line, keeping brackets and strings balanced; always advances. */
  private recover(): void {
    const before = this.pos;
    this.scanExpression();
    if (this.pos === before) this.pos += 1;
  }

  scanBody(): { blocks: BlockNode[]; attributes: Record<string, AttributeNode> } {
    const t = this.text;
    const root: Frame = { block: undefined, attributes: {}, blocks: [], start: 0 };
    const frames: Frame[] = [root];
    for (;;) {
      this.skipTrivia(true);
      const frame = frames[frames.length - 1] ?? root;
      if (this.pos >= this.n) break;
      const c = t[this.pos] ?? '';
      if (c === '}') {
        if (frame.block !== undefined) {
          frame.block.range.end = this.src.position(this.pos + 1);
          frames.pop();
        } else {
          this.error(this.pos, this.pos + 1, "unexpected '}'");
        }
        this.pos += 1;
        continue;
      }
      if (!isIdentStart(c)) {
        this.error(this.pos, this.pos + 1, `unexpected character '${c}': expected an argument or a block`);
        this.recover();
        continue;
      }
      const nameStart = this.pos;
      const name = this.readIdent();
      const nameEnd = this.pos;
      this.skipTrivia(false);
      if (t[this.pos] === '=' && t[this.pos + 1] !== '=') {
        this.pos += 1;
        this.skipTrivia(false);
        const valueStart = this.pos;
        const valueEnd = this.scanExpression();
        if (valueEnd <= valueStart) this.error(nameStart, nameEnd, `argument '${name}' has no value`);
        const end = Math.max(valueEnd, valueStart);
        setOwn(frame.attributes, name, {
          name,
          range: this.src.range(nameStart, end),
          nameRange: this.src.range(nameStart, nameEnd),
          valueRange: this.src.range(valueStart, end),
          exprText: t.slice(valueStart, end),
        });
        continue;
      }
      const labels: string[] = [];
      let headerEnd = nameEnd;
      for (;;) {
        const d = t[this.pos] ?? '';
        if (d === '"') labels.push(this.readQuotedLabel());
        else if (d !== '' && isIdentStart(d)) labels.push(this.readIdent());
        else break;
        headerEnd = this.pos;
        this.skipTrivia(false);
      }
      if (t[this.pos] !== '{') {
        this.error(nameStart, Math.max(this.pos, nameEnd), `expected '=' or '{' after '${name}'`);
        this.recover();
        continue;
      }
      const block: BlockNode = {
        type: name,
        labels,
        range: this.src.range(nameStart, this.n),
        headerRange: this.src.range(nameStart, headerEnd),
        attributes: {},
        blocks: [],
      };
      frame.blocks.push(block);
      frames.push({ block, attributes: block.attributes, blocks: block.blocks, start: nameStart });
      this.pos += 1;
    }
    for (let i = frames.length - 1; i > 0; i -= 1) {
      const open = frames[i];
      if (open?.block === undefined) continue;
      this.error(open.start, open.start + open.block.type.length, `unclosed block '${open.block.type}': no closing '}'`);
    }
    return { blocks: root.blocks, attributes: root.attributes };
  }
}

export function scanHcl(path: string, text: string): ScanResult {
  const src = new SourceText(path, text);
  const scanner = new HclScanner(src);
  let body: { blocks: BlockNode[]; attributes: Record<string, AttributeNode> } = { blocks: [], attributes: {} };
  try {
    body = scanner.scanBody();
  } catch (err) {
    // A bug, not an input problem; the file is still parsed by hcl2json.
    scanner.errors.push({ range: src.range(0, 0), message: `internal scanner error: ${String(err)}` });
  }
  return { ...body, ignores: collectIgnores(src, scanner.comments), errors: scanner.errors };
}

/**
 * Scans the top-level block that spans `start`..`end` of `src` (as found by `splitTopLevel`), with
 * the positions of the whole file. Undefined when the scanner finds anything wrong in it.
 */
export function scanHclBlock(src: SourceText, start: number, end: number): BlockNode | undefined {
  const scanner = new HclScanner(src, start, end);
  try {
    const body = scanner.scanBody();
    if (scanner.errors.length > 0 || body.blocks.length !== 1 || Object.keys(body.attributes).length > 0) return undefined;
    return body.blocks[0];
  } catch {
    return undefined;
  }
}

function collectIgnores(src: SourceText, comments: Comment[]): IgnoreDirective[] {
  const byStart = new Map<number, Comment>();
  for (const c of comments) byStart.set(c.start, c);
  const ignores: IgnoreDirective[] = [];
  for (const comment of comments) {
    if (!comment.isLine) continue;
    const raw = src.text.slice(comment.start, comment.end);
    const body = raw.startsWith('#') ? raw.slice(1) : raw.slice(2);
    const parsed = parseIgnoreComment(body);
    if (parsed === undefined) continue;
    ignores.push({ range: src.range(comment.start, comment.end), targetLine: findTargetLine(src, byStart, comment), ...parsed });
  }
  return ignores;
}

/** First line after the comment that is neither blank nor only a comment. */
function findTargetLine(src: SourceText, byStart: Map<number, Comment>, comment: Comment): number {
  const t = src.text;
  // A comment at the end of a line of code covers that line (as tflint accepts), not the next one.
  const own = src.line(comment.start);
  if (t.slice(src.lineStart(own), comment.start).trim() !== '') return own;
  const first = src.line(comment.end) + 1;
  let line = first;
  while (line <= src.lineCount) {
    let p = src.lineStart(line);
    while (p < t.length && (t[p] === ' ' || t[p] === '\t' || t[p] === '\r')) p += 1;
    if (p >= t.length) break;
    if (t[p] === '\n') {
      line += 1;
      continue;
    }
    const c = byStart.get(p);
    if (c === undefined) return line;
    line = src.line(c.end) + 1;
  }
  return first;
}
