// A fast path beside hcl2json for the shapes most Terraform is written in. hcl2json (Go compiled
// to WebAssembly) costs about 2 ms a block-heavy file even when warmed up; this converts a
// top-level block to exactly the JSON hcl2json gives for it, in microseconds, or declines.
//
// It is deliberately narrow. It accepts only input whose conversion it is sure of, and only
// input that HCL accepts: anything else (heredocs, template directives and strip markers, `$${`,
// unicode escapes, non-ASCII outside comments, exponents, object keys that are not plain names
// or strings, a conditional or a literal inside a template, a repeated argument, two splats in
// one traversal, ...) makes it decline, and then the block goes to hcl2json, so errors and odd
// cases still get hcl2json's exact answer. test/load.fast-hcl.test.ts compares the two on every
// block of the testdata, on generated expressions and on mutated files; `npm run fuzz:hcl`
// compares them at length.
//
// What hcl2json does (tmccombs/hcl2json `convert`, as built into @cdktf/hcl2json 0.21):
// - a block becomes `{type: {label: ... [body, ...]}}`, bodies of the same address in a list;
// - a body's attributes overwrite blocks of the same name; object keys come out sorted (Go maps);
// - literals become JSON values, `-`/`!` on a literal is folded, tuples and objects are
//   converted item by item, a quoted string becomes its text with each interpolation written
//   `${<source>}`, and `"${x}"` alone is converted as `x`;
// - every other expression becomes `${<its source text, verbatim>}`.
import { isAsciiIdentPart, isAsciiIdentStart } from '../hcl-chars.js';

/** Thrown (as a value, not an Error: no stack is needed) when the fast path declines. */
const DECLINE = Symbol('decline');

const enum K {
  Literal,
  Template,
  Tuple,
  Object,
  Unary,
  Conditional,
  Other,
}

interface Expr {
  k: K;
  start: number;
  end: number;
  value?: unknown;
  /** Template parts: literal text, or an interpolated expression. */
  parts?: (string | Expr)[];
  items?: Expr[];
  keys?: string[];
  op?: '-' | '!';
  operand?: Expr;
}

interface Block {
  type: string;
  labels: string[];
  body: Body;
}

interface Body {
  attributes: Map<string, Expr>;
  blocks: Block[];
}

type JsonObject = Record<string, unknown>;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

const isIdentStart = isAsciiIdentStart;
const isIdentPart = isAsciiIdentPart;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function decline(): never {
  throw DECLINE;
}

class Parser {
  i: number;

  constructor(
    readonly s: string,
    start: number,
    readonly end: number,
  ) {
    this.i = start;
  }

  at(j: number): number {
    return j < this.end ? this.s.charCodeAt(j) : -1;
  }

  /** Whether a newline (LF or CRLF) starts at `j`. */
  newlineAt(j: number): boolean {
    const c = this.at(j);
    return c === LF || (c === CR && this.at(j + 1) === LF);
  }

  /**
   * The index after the blanks from `j`: spaces, tabs and comments, and newlines too when `lines`
   * (inside brackets and parentheses HCL ignores them; elsewhere a newline ends an item, and a
   * line comment stops at its newline). A `/* *\/` comment across lines where newlines count
   * declines.
   */
  skip(j: number, lines: boolean): number {
    for (;;) {
      const c = this.at(j);
      if (c === SPACE || c === TAB) j += 1;
      else if (c === LF && lines) j += 1;
      else if (c === CR) {
        if (this.at(j + 1) !== LF) decline();
        if (!lines) return j;
        j += 2;
      } else if (c === 0x23 || (c === 0x2f && this.at(j + 1) === 0x2f)) {
        const nl = this.s.indexOf('\n', j);
        j = nl < 0 || nl >= this.end ? this.end : nl;
        if (this.at(j - 1) === CR) j -= 1;
        if (!lines) return j;
      } else if (c === 0x2f && this.at(j + 1) === 0x2a) {
        const close = this.s.indexOf('*/', j + 2);
        if (close < 0 || close + 2 > this.end) decline();
        if (!lines && this.s.slice(j, close).includes('\n')) decline();
        j = close + 2;
      } else return j;
    }
  }

  blanks(lines: boolean): void {
    this.i = this.skip(this.i, lines);
  }

  expect(c: number): void {
    if (this.at(this.i) !== c) decline();
    this.i += 1;
  }

  ident(): string {
    const start = this.i;
    if (!isIdentStart(this.at(start))) decline();
    let j = start + 1;
    while (isIdentPart(this.at(j))) j += 1;
    const c = this.at(j);
    // `provider::ns::fn` and anything non-ASCII are left to hcl2json.
    if (c >= 0x80 || (c === 0x3a && this.at(j + 1) === 0x3a)) decline();
    this.i = j;
    return this.s.slice(start, j);
  }

  /** A keyword (`for`, `in`, `if`) at the current position, not followed by more of an identifier. */
  keywordAt(word: string): boolean {
    return this.s.startsWith(word, this.i) && !isIdentPart(this.at(this.i + word.length));
  }

  /** Whether an `=` that assigns (not `==` or `=>`) is at `j`. */
  assignmentAt(j: number): boolean {
    const d = this.at(j + 1);
    return this.at(j) === 0x3d && d !== 0x3d && d !== 0x3e;
  }

  // ---- expressions ----

  /** `lines`: newlines are blanks here (inside brackets, parentheses and interpolations). */
  expression(lines: boolean): Expr {
    const start = this.i;
    const condition = this.binary(lines);
    const j = this.skip(this.i, lines);
    if (this.at(j) !== 0x3f) return condition;
    this.i = this.skip(j + 1, lines);
    this.expression(lines);
    this.blanks(lines);
    this.expect(0x3a);
    this.blanks(lines);
    const otherwise = this.expression(lines);
    return { k: K.Conditional, start, end: otherwise.end };
  }

  binary(lines: boolean): Expr {
    const first = this.unary(lines);
    let last = first;
    for (;;) {
      const j = this.skip(this.i, lines);
      const length = this.operatorAt(j);
      if (length === 0) break;
      this.i = this.skip(j + length, lines);
      last = this.unary(lines);
    }
    return last === first ? first : { k: K.Other, start: first.start, end: last.end };
  }

  /** The length of the binary operator at `j`, or 0. */
  operatorAt(j: number): number {
    const c = this.at(j);
    const d = this.at(j + 1);
    switch (c) {
      case 0x2b: // +
      case 0x2d: // -
      case 0x2a: // *
      case 0x2f: // /
      case 0x25: // %
        return 1;
      case 0x3c: // < <=
      case 0x3e: // > >=
        return d === 0x3d ? 2 : 1;
      case 0x3d: // ==
        return d === 0x3d ? 2 : 0;
      case 0x21: // !=
        return d === 0x3d ? 2 : 0;
      case 0x26: // &&
        return d === 0x26 ? 2 : decline();
      case 0x7c: // ||
        return d === 0x7c ? 2 : decline();
      default:
        return 0;
    }
  }

  unary(lines: boolean): Expr {
    const start = this.i;
    const c = this.at(start);
    if (c !== 0x2d && c !== 0x21) return this.postfix(lines);
    this.i = this.skip(start + 1, lines);
    const operand = this.unary(lines);
    return { k: K.Unary, start, end: operand.end, op: c === 0x2d ? '-' : '!', operand };
  }

  postfix(lines: boolean): Expr {
    const term = this.term(lines);
    let extended = false;
    // A splat inside an attribute-only splat is an error: a second splat is left to hcl2json.
    let splats = 0;
    for (;;) {
      const c = this.at(this.i);
      if (c === 0x2e) {
        // `.name`, `.0` (legacy index) or `.*` (splat).
        const d = this.at(this.i + 1);
        if (isIdentStart(d)) {
          this.i += 1;
          this.ident();
        } else if (isDigit(d)) {
          let j = this.i + 1;
          while (isDigit(this.at(j))) j += 1;
          if (this.at(j) === 0x2e && isDigit(this.at(j + 1))) decline();
          this.i = j;
        } else if (d === 0x2a) {
          if ((splats += 1) > 1) decline();
          this.i += 2;
        } else decline();
      } else if (c === 0x5b) {
        if (this.at(this.i + 1) === 0x2a && this.at(this.i + 2) === 0x5d) {
          if ((splats += 1) > 1) decline();
          this.i += 3;
        } else {
          this.i += 1;
          this.blanks(true);
          this.expression(true);
          this.blanks(true);
          this.expect(0x5d);
        }
      } else break;
      extended = true;
    }
    if (!extended) {
      // A traversal written with a blank before it (`a .b`, `a [0]`) is left to hcl2json.
      const j = this.skip(this.i, lines);
      if (j !== this.i && (this.at(j) === 0x2e || this.at(j) === 0x5b)) decline();
      return term;
    }
    if (term.k === K.Literal) decline();
    return { k: K.Other, start: term.start, end: this.i };
  }

  term(lines: boolean): Expr {
    const start = this.i;
    const c = this.at(start);
    if (isDigit(c)) return this.number();
    if (isIdentStart(c)) {
      const name = this.ident();
      if (name === 'true' || name === 'false') return { k: K.Literal, start, end: this.i, value: name === 'true' };
      if (name === 'null') return { k: K.Literal, start, end: this.i, value: null };
      if (name === 'for' || name === 'in' || name === 'if') decline();
      const j = this.skip(this.i, lines);
      if (this.at(j) === 0x28) {
        this.i = j + 1;
        this.call();
      }
      return { k: K.Other, start, end: this.i };
    }
    switch (c) {
      case 0x22:
        return this.template();
      case 0x5b:
        return this.tuple();
      case 0x7b:
        return this.object();
      case 0x28: {
        this.i += 1;
        this.blanks(true);
        this.expression(true);
        this.blanks(true);
        this.expect(0x29);
        return { k: K.Other, start, end: this.i };
      }
      default:
        return decline();
    }
  }

  number(): Expr {
    const start = this.i;
    let j = start;
    while (isDigit(this.at(j))) j += 1;
    if (this.at(j) === 0x2e && isDigit(this.at(j + 1))) {
      j += 1;
      while (isDigit(this.at(j))) j += 1;
    }
    const next = this.at(j);
    // Exponents, and digits beyond what a double holds exactly, are left to hcl2json.
    if (next === 0x65 || next === 0x45 || isIdentStart(next) || j - start > 15) decline();
    this.i = j;
    return { k: K.Literal, start, end: j, value: Number(this.s.slice(start, j)) };
  }

  /** Function arguments, after `(`. */
  call(): void {
    this.blanks(true);
    if (this.at(this.i) === 0x29) {
      this.i += 1;
      return;
    }
    for (;;) {
      this.expression(true);
      this.blanks(true);
      if (this.s.startsWith('...', this.i)) {
        this.i += 3;
        this.blanks(true);
        this.expect(0x29);
        return;
      }
      const c = this.at(this.i);
      if (c === 0x29) {
        this.i += 1;
        return;
      }
      if (c !== 0x2c) decline();
      this.i += 1;
      this.blanks(true);
      if (this.at(this.i) === 0x29) {
        this.i += 1;
        return;
      }
    }
  }

  /** After the `[` or `{` at `start`: a `for` expression up to `close`, or undefined (at the first item). */
  forAfterOpen(start: number, close: number): Expr | undefined {
    this.i = start + 1;
    this.blanks(true);
    if (!this.keywordAt('for')) return undefined;
    this.forExpression(close);
    return { k: K.Other, start, end: this.i };
  }

  tuple(): Expr {
    const start = this.i;
    const forExpr = this.forAfterOpen(start, 0x5d);
    if (forExpr !== undefined) return forExpr;
    const items: Expr[] = [];
    if (this.at(this.i) === 0x5d) {
      this.i += 1;
      return { k: K.Tuple, start, end: this.i, items };
    }
    for (;;) {
      items.push(this.expression(true));
      this.blanks(true);
      const c = this.at(this.i);
      if (c === 0x5d) break;
      if (c !== 0x2c) decline();
      this.i += 1;
      this.blanks(true);
      if (this.at(this.i) === 0x5d) break;
    }
    this.i += 1;
    return { k: K.Tuple, start, end: this.i, items };
  }

  /** `for k, v in coll : ...` up to and including `close`; newlines are blanks throughout. */
  forExpression(close: number): void {
    this.i += 3;
    this.blanks(true);
    this.ident();
    this.blanks(true);
    if (this.at(this.i) === 0x2c) {
      this.i += 1;
      this.blanks(true);
      this.ident();
      this.blanks(true);
    }
    if (!this.keywordAt('in')) decline();
    this.i += 2;
    this.blanks(true);
    this.expression(true);
    this.blanks(true);
    this.expect(0x3a);
    this.blanks(true);
    this.expression(true);
    this.blanks(true);
    if (close === 0x7d) {
      if (!this.s.startsWith('=>', this.i)) decline();
      this.i += 2;
      this.blanks(true);
      this.expression(true);
      this.blanks(true);
      if (this.s.startsWith('...', this.i)) {
        this.i += 3;
        this.blanks(true);
      }
    }
    if (this.keywordAt('if')) {
      this.i += 2;
      this.blanks(true);
      this.expression(true);
      this.blanks(true);
    }
    this.expect(close);
  }

  object(): Expr {
    const start = this.i;
    const forExpr = this.forAfterOpen(start, 0x7d);
    if (forExpr !== undefined) return forExpr;
    const keys: string[] = [];
    const items: Expr[] = [];
    for (;;) {
      this.blanks(true);
      if (this.at(this.i) === 0x7d) break;
      // Keys: a plain name or a string without interpolation (others are left to hcl2json).
      let key: string;
      if (this.at(this.i) === 0x22) key = this.plainString();
      else {
        key = this.ident();
        if (key === 'true' || key === 'false' || key === 'null' || key === 'for') decline();
        if (this.at(this.i) === 0x2e || this.at(this.i) === 0x5b) decline();
      }
      this.blanks(false);
      if (!this.assignmentAt(this.i) && this.at(this.i) !== 0x3a) decline();
      this.i += 1;
      this.blanks(false);
      keys.push(key);
      items.push(this.expression(false));
      const j = this.skip(this.i, false);
      const e = this.at(j);
      if (e === 0x2c) this.i = j + 1;
      else if (e === 0x7d || this.newlineAt(j)) this.i = j;
      else decline();
    }
    this.i += 1;
    return { k: K.Object, start, end: this.i, keys, items };
  }

  /** A quoted string: its literal text and interpolations. */
  template(): Expr {
    const start = this.i;
    this.i += 1;
    const parts: (string | Expr)[] = [];
    let text = '';
    for (;;) {
      let j = this.i;
      for (;;) {
        const c = this.at(j);
        if (c === 0x22 || c === 0x5c || c === 0x24 || c === 0x25 || c < SPACE || c >= 0x7f) {
          if (c !== TAB) break;
        }
        j += 1;
      }
      text += this.s.slice(this.i, j);
      this.i = j;
      const c = this.at(j);
      if (c === 0x22) {
        this.i += 1;
        break;
      }
      if (c === 0x5c) {
        const e = this.at(j + 1);
        if (e === 0x6e) text += '\n';
        else if (e === 0x72) text += '\r';
        else if (e === 0x74) text += '\t';
        else if (e === 0x22) text += '"';
        else if (e === 0x5c) text += '\\';
        else decline();
        this.i = j + 2;
      } else if (c === 0x24) {
        const e = this.at(j + 1);
        if (e === 0x7b) {
          if (this.at(j + 2) === 0x7e) decline();
          if (text !== '') parts.push(text);
          text = '';
          this.i = j + 2;
          this.blanks(true);
          const inner = this.expression(true);
          this.blanks(true);
          if (this.at(this.i) === 0x7e) decline();
          this.expect(0x7d);
          parts.push(inner);
        } else if (e === 0x24) decline();
        else {
          text += '$';
          this.i = j + 1;
        }
      } else if (c === 0x25) {
        const e = this.at(j + 1);
        if (e === 0x7b || e === 0x25) decline();
        text += '%';
        this.i = j + 1;
      } else decline();
    }
    if (text !== '' || parts.length === 0) parts.push(text);
    return { k: K.Template, start, end: this.i, parts };
  }

  // ---- bodies ----

  /** A block from its type name up to and including its `}`. */
  block(): Block {
    return this.blockAfterType(this.ident());
  }

  /** A block whose type name was just read: labels, then the body. */
  blockAfterType(type: string): Block {
    const labels: string[] = [];
    for (;;) {
      this.blanks(false);
      const c = this.at(this.i);
      if (c === 0x7b) break;
      labels.push(c === 0x22 ? this.plainString() : this.ident());
    }
    this.i += 1;
    return { type, labels, body: this.body() };
  }

  /** A quoted string without interpolation (a label or an object key). */
  plainString(): string {
    const parts = this.template().parts as (string | Expr)[];
    if (parts.some((p) => typeof p !== 'string')) decline();
    return parts.join('');
  }

  /** A block body after its `{`, up to and including its `}`. */
  body(): Body {
    const body: Body = { attributes: new Map(), blocks: [] };
    let j = this.skip(this.i, false);
    if (this.at(j) === 0x7d) {
      this.i = j + 1;
      return body;
    }
    if (!this.newlineAt(j)) {
      // A single-line block: one argument, then `}` on the same line.
      this.i = j;
      const name = this.ident();
      j = this.skip(this.i, false);
      if (!this.assignmentAt(j)) decline();
      this.i = this.skip(j + 1, false);
      body.attributes.set(name, this.expression(false));
      this.blanks(false);
      this.expect(0x7d);
      return body;
    }
    for (;;) {
      this.blanks(true);
      if (this.at(this.i) === 0x7d) {
        this.i += 1;
        return body;
      }
      const name = this.ident();
      j = this.skip(this.i, false);
      if (this.assignmentAt(j)) {
        this.i = this.skip(j + 1, false);
        if (body.attributes.has(name)) decline();
        body.attributes.set(name, this.expression(false));
      } else body.blocks.push(this.blockAfterType(name));
      j = this.skip(this.i, false);
      if (!this.newlineAt(j)) decline();
      this.i = j;
    }
  }

  // ---- conversion, as hcl2json does it ----

  source(e: Expr): string {
    // hcl2json includes a `)` right after an expression in its source (a workaround of its own).
    if (this.s.charCodeAt(e.end) === 0x29) decline();
    return this.s.slice(e.start, e.end);
  }

  wrap(e: Expr): string {
    return '${' + this.source(e) + '}';
  }

  convert(e: Expr): unknown {
    switch (e.k) {
      case K.Literal:
        return e.value;
      case K.Template: {
        const parts = e.parts as (string | Expr)[];
        if (parts.length === 1 && typeof parts[0] !== 'string') return this.convert(parts[0] as Expr);
        let out = '';
        for (const p of parts) {
          if (typeof p === 'string') out += p;
          // hcl2json turns a literal into text, a quoted string into its own conversion and a
          // conditional into `%{if}`: left to it.
          else if (p.k === K.Literal || p.k === K.Template || p.k === K.Conditional) decline();
          else out += this.wrap(p);
        }
        return out;
      }
      case K.Tuple:
        return (e.items as Expr[]).map((x) => this.convert(x));
      case K.Object: {
        const keys = e.keys as string[];
        const items = e.items as Expr[];
        const values = new Map<string, unknown>();
        keys.forEach((key, n) => values.set(key, this.convert(items[n] as Expr)));
        return sortedObject(values);
      }
      case K.Unary: {
        const operand = e.operand as Expr;
        if (operand.k !== K.Literal) return this.wrap(e);
        if (e.op === '-' && typeof operand.value === 'number') return -operand.value;
        if (e.op === '!' && typeof operand.value === 'boolean') return !operand.value;
        return decline();
      }
      default:
        return this.wrap(e);
    }
  }

  convertBody(body: Body): JsonObject {
    const out = new Map<string, unknown>();
    for (const b of body.blocks) this.convertBlock(b, out);
    for (const [name, expr] of body.attributes) {
      if (out.has(name)) decline();
      out.set(name, this.convert(expr));
    }
    return sortedObject(out);
  }

  /** hcl2json's convertBlock: labels nest objects, bodies of one address collect in a list. */
  convertBlock(block: Block, out: Map<string, unknown>): void {
    let level = out;
    let key = block.type;
    for (const label of block.labels) {
      const inner = level.get(key);
      if (inner === undefined) {
        const created = new Map<string, unknown>();
        level.set(key, created);
        level = created;
      } else if (inner instanceof Map) level = inner as Map<string, unknown>;
      else decline();
      key = label;
    }
    const value = this.convertBody(block.body);
    const current = level.get(key);
    if (current === undefined) level.set(key, [value]);
    else if (Array.isArray(current)) current.push(value);
    else decline();
  }
}

/** An object with the keys in Go's order (sorted by bytes; all keys here are ASCII), maps within converted. */
function sortedObject(values: Map<string, unknown>): JsonObject {
  const out: JsonObject = {};
  for (const key of [...values.keys()].sort()) {
    const v = values.get(key);
    out[key] = v instanceof Map ? sortedObject(v as Map<string, unknown>) : v;
  }
  return out;
}

export interface BlockSpanLike {
  start: number;
  end: number;
}

/**
 * What hcl2json gives for the top-level blocks of `text` at `spans` (each from its type name to
 * after its `}`), parsed together as one file; undefined when the fast path declines, and then
 * hcl2json must parse them. `whole`: the spans stand for the whole text, as hcl2json would see
 * it, so the text between them must be blanks and comments only.
 */
export function convertBlocks(text: string, spans: readonly BlockSpanLike[], whole = false): JsonObject | undefined {
  try {
    if (whole) {
      if (text.charCodeAt(0) === 0xfeff) return undefined;
      let from = 0;
      for (const span of [...spans, { start: text.length, end: text.length }]) {
        const gap = new Parser(text, from, span.start);
        let at = from;
        if (from > 0) {
          // After a block, the rest of its line holds at most a comment.
          at = gap.skip(from, false);
          if (at !== span.start && !gap.newlineAt(at)) return undefined;
        }
        if (gap.skip(at, true) !== span.start) return undefined;
        from = span.end;
      }
    }
    const out = new Map<string, unknown>();
    for (const span of spans) {
      const p = new Parser(text, span.start, span.end);
      const block = p.block();
      if (p.i !== span.end) return undefined;
      p.convertBlock(block, out);
    }
    return sortedObject(out);
  } catch (err) {
    if (err === DECLINE) return undefined;
    throw err;
  }
}
