// Recursive-descent parser for HCL native expressions and templates. It never throws: a
// syntax error becomes an `error` node, which evaluates to an Unknown.

import { lexExpression, lexTemplate, type Punct, type TemplateRawPart, type Token } from './lexer.js';

export type Step =
  | { kind: 'attr'; name: string }
  | { kind: 'index'; key: Expr }
  /** `[*]` (full) or `.*` (attribute-only) splat; `steps` apply to each element. */
  | { kind: 'splat'; steps: Step[]; legacy?: true };

export type TemplatePart =
  | { kind: 'lit'; value: string }
  | { kind: 'interp'; expr: Expr }
  | { kind: 'if'; cond: Expr; then: TemplatePart[]; else: TemplatePart[] }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; body: TemplatePart[] };

export type Expr =
  | { kind: 'literal'; value: null | boolean | number | string }
  | { kind: 'template'; parts: TemplatePart[] }
  | { kind: 'tuple'; items: Expr[] }
  | { kind: 'object'; items: { key: Expr; value: Expr }[] }
  | { kind: 'variable'; name: string }
  | { kind: 'traversal'; root: Expr; steps: Step[] }
  | { kind: 'call'; name: string; args: Expr[]; expandFinal: boolean }
  | { kind: 'unary'; op: '!' | '-'; operand: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'conditional'; cond: Expr; then: Expr; else: Expr }
  | {
      kind: 'for';
      keyVar?: string;
      valueVar: string;
      collection: Expr;
      keyExpr?: Expr;
      valueExpr: Expr;
      cond?: Expr;
      group: boolean;
    }
  | { kind: 'error'; message: string };

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

const PRECEDENCE: BinaryOp[][] = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];

class ParseError extends Error {}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }
  private next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }
  private isPunct(p: Punct, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === 'punct' && t.text === p;
  }
  private isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === 'ident' && t.text === word;
  }
  private expect(p: Punct): void {
    if (!this.isPunct(p)) this.fail(`expected "${p}"`);
    this.next();
  }
  private fail(message: string): never {
    const t = this.peek();
    const found = t.type === 'eof' ? 'end of expression' : t.type === 'error' ? t.message : t.type === 'template' ? 'string' : `"${t.text}"`;
    throw new ParseError(`${message}, found ${found} at offset ${t.pos}`);
  }
  private ident(): string {
    const t = this.next();
    if (t.type !== 'ident') {
      this.i--;
      this.fail('expected a name');
    }
    return t.text;
  }

  parseWhole(): Expr {
    const e = this.expression();
    if (this.peek().type !== 'eof') this.fail('unexpected token after expression');
    return e;
  }

  expression(): Expr {
    const cond = this.binary(0);
    if (!this.isPunct('?')) return cond;
    this.next();
    const then = this.expression();
    this.expect(':');
    const otherwise = this.expression();
    return { kind: 'conditional', cond, then, else: otherwise };
  }

  private binary(level: number): Expr {
    const ops = PRECEDENCE[level];
    if (!ops) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.type !== 'punct' || !(ops as string[]).includes(t.text)) return left;
      this.next();
      const right = this.binary(level + 1);
      left = { kind: 'binary', op: t.text as BinaryOp, left, right };
    }
  }

  private unary(): Expr {
    if (this.isPunct('!') || this.isPunct('-')) {
      const op = (this.next() as { text: '!' | '-' }).text;
      const operand = this.unary();
      if (op === '-' && operand.kind === 'literal' && typeof operand.value === 'number') return { kind: 'literal', value: -operand.value };
      return { kind: 'unary', op, operand };
    }
    return this.postfix(this.primary());
  }

  private postfix(root: Expr): Expr {
    const steps = this.steps(false);
    return steps.length ? { kind: 'traversal', root, steps } : root;
  }

  /** Traversal steps; `attrOnly` for the body of a legacy `.*` splat. */
  private steps(attrOnly: boolean): Step[] {
    const steps: Step[] = [];
    for (;;) {
      if (this.isPunct('.')) {
        const t = this.peek(1);
        if (t.type === 'ident') {
          this.i += 2;
          steps.push({ kind: 'attr', name: t.text });
        } else if (t.type === 'number' && !attrOnly) {
          this.i += 2;
          // `a.0.1` lexes as `a` `.` `0.1`: two legacy index steps.
          for (const n of t.text.split('.')) steps.push({ kind: 'index', key: { kind: 'literal', value: Number(n) } });
        } else if (t.type === 'punct' && t.text === '*' && !attrOnly) {
          this.i += 2;
          steps.push({ kind: 'splat', steps: this.steps(true), legacy: true });
        } else if (attrOnly) return steps;
        else {
          this.next();
          this.fail('expected an attribute name after "."');
        }
      } else if (this.isPunct('[') && !attrOnly) {
        this.next();
        if (this.isPunct('*') && this.isPunct(']', 1)) {
          this.i += 2;
          steps.push({ kind: 'splat', steps: this.steps(false) });
        } else {
          const key = this.expression();
          this.expect(']');
          steps.push({ kind: 'index', key });
        }
      } else return steps;
    }
  }

  private primary(): Expr {
    const t = this.peek();
    switch (t.type) {
      case 'number':
        this.next();
        return { kind: 'literal', value: Number(t.text) };
      case 'template':
        this.next();
        return templateFromRaw(t.parts);
      case 'ident': {
        this.next();
        if (t.text === 'true' || t.text === 'false') return { kind: 'literal', value: t.text === 'true' };
        if (t.text === 'null') return { kind: 'literal', value: null };
        let name = t.text;
        // provider::name::function(…)
        while (this.isPunct(':') && this.isPunct(':', 1) && this.peek(2).type === 'ident') {
          name += '::' + (this.peek(2) as { text: string }).text;
          this.i += 3;
        }
        if (this.isPunct('(')) return this.call(name);
        return { kind: 'variable', name };
      }
      case 'punct':
        if (t.text === '(') {
          this.next();
          const e = this.expression();
          this.expect(')');
          return e;
        }
        if (t.text === '[') return this.tuple();
        if (t.text === '{') return this.object();
        return this.fail('expected an expression');
      case 'error':
        return this.fail('invalid expression');
      default:
        return this.fail('expected an expression');
    }
  }

  private call(name: string): Expr {
    this.expect('(');
    const args: Expr[] = [];
    let expandFinal = false;
    while (!this.isPunct(')')) {
      args.push(this.expression());
      if (this.isPunct('...')) {
        this.next();
        expandFinal = true;
        if (this.isPunct(',')) this.next();
        break;
      }
      if (!this.isPunct(',')) break;
      this.next();
    }
    this.expect(')');
    return { kind: 'call', name, args, expandFinal };
  }

  private tuple(): Expr {
    this.expect('[');
    if (this.isKeyword('for') && this.peek(1).type === 'ident') return this.forExpr(false);
    const items: Expr[] = [];
    while (!this.isPunct(']')) {
      items.push(this.expression());
      if (!this.isPunct(',')) break;
      this.next();
    }
    this.expect(']');
    return { kind: 'tuple', items };
  }

  private object(): Expr {
    this.expect('{');
    if (this.isKeyword('for') && this.peek(1).type === 'ident' && !this.isPunct('=', 1) && !this.isPunct(':', 1)) return this.forExpr(true);
    const items: { key: Expr; value: Expr }[] = [];
    while (!this.isPunct('}')) {
      let key: Expr;
      const t = this.peek();
      // A bare name is a literal key; `(expr)` or any other expression is evaluated.
      if (t.type === 'ident' && (this.isPunct('=', 1) || this.isPunct(':', 1))) {
        this.next();
        key = { kind: 'literal', value: t.text };
      } else key = this.expression();
      if (this.isPunct('=') || this.isPunct(':')) this.next();
      else this.fail('expected "=" after object key');
      items.push({ key, value: this.expression() });
      if (this.isPunct(',')) this.next();
    }
    this.expect('}');
    return { kind: 'object', items };
  }

  private forExpr(isObject: boolean): Expr {
    this.next(); // for
    let keyVar: string | undefined;
    let valueVar = this.ident();
    if (this.isPunct(',')) {
      this.next();
      keyVar = valueVar;
      valueVar = this.ident();
    }
    if (!this.isKeyword('in')) this.fail('expected "in"');
    this.next();
    const collection = this.expression();
    this.expect(':');
    let keyExpr: Expr | undefined;
    if (isObject) {
      keyExpr = this.expression();
      this.expect('=>');
    }
    const valueExpr = this.expression();
    let group = false;
    if (isObject && this.isPunct('...')) {
      this.next();
      group = true;
    }
    let cond: Expr | undefined;
    if (this.isKeyword('if')) {
      this.next();
      cond = this.expression();
    }
    this.expect(isObject ? '}' : ']');
    const node: Expr = { kind: 'for', valueVar, collection, valueExpr, group };
    if (keyVar !== undefined) node.keyVar = keyVar;
    if (keyExpr) node.keyExpr = keyExpr;
    if (cond) node.cond = cond;
    return node;
  }

  /** A template directive: `if cond`, `else`, `endif`, `for k, v in coll`, `endfor`. */
  directive(): Directive {
    const word = this.ident();
    if (word === 'if') {
      const cond = this.expression();
      return { word, cond };
    }
    if (word === 'for') {
      let keyVar: string | undefined;
      let valueVar = this.ident();
      if (this.isPunct(',')) {
        this.next();
        keyVar = valueVar;
        valueVar = this.ident();
      }
      if (!this.isKeyword('in')) this.fail('expected "in"');
      this.next();
      const collection = this.expression();
      return keyVar === undefined ? { word, valueVar, collection } : { word, keyVar, valueVar, collection };
    }
    if (word === 'else' || word === 'endif' || word === 'endfor') return { word };
    return this.fail(`unknown template directive "${word}"`);
  }

  atEnd(): boolean {
    return this.peek().type === 'eof';
  }
}

type Directive =
  | { word: 'if'; cond: Expr }
  | { word: 'for'; keyVar?: string; valueVar: string; collection: Expr }
  | { word: 'else' | 'endif' | 'endfor' };

function parseTokens(tokens: Token[]): Expr {
  try {
    return new Parser(tokens).parseWhole();
  } catch (e) {
    if (e instanceof ParseError) return { kind: 'error', message: e.message };
    throw e;
  }
}

/** Applies `~` strip markers: trims the whitespace of the neighbouring literal parts. */
function applyStrip(raw: TemplateRawPart[]): TemplateRawPart[] {
  const parts = raw.map((p) => ({ ...p }));
  parts.forEach((p, i) => {
    if (p.kind === 'lit') return;
    const before = parts[i - 1];
    const after = parts[i + 1];
    if (p.stripBefore && before?.kind === 'lit') before.value = before.value.replace(/\s+$/, '');
    if (p.stripAfter && after?.kind === 'lit') after.value = after.value.replace(/^\s+/, '');
  });
  return parts;
}

function templateFromRaw(raw: TemplateRawPart[]): Expr {
  const parts = applyStrip(raw);
  let i = 0;
  // Builds the parts up to one of the `stops` directives; returns which one ended it.
  const build = (stops: string[]): { parts: TemplatePart[]; stop?: Directive } => {
    const out: TemplatePart[] = [];
    while (i < parts.length) {
      const p = parts[i++] as TemplateRawPart;
      if (p.kind === 'lit') {
        out.push({ kind: 'lit', value: p.value });
        continue;
      }
      if (p.kind === 'interp') {
        out.push({ kind: 'interp', expr: parseTokens(p.tokens) });
        continue;
      }
      const parser = new Parser(p.tokens);
      const d = parser.directive();
      if (!parser.atEnd()) throw new ParseError('unexpected token in template directive');
      if (stops.includes(d.word)) return { parts: out, stop: d };
      if (d.word === 'if') {
        const then = build(['else', 'endif']);
        let otherwise: TemplatePart[] = [];
        if (then.stop?.word === 'else') otherwise = build(['endif']).parts;
        else if (!then.stop) throw new ParseError('missing %{endif}');
        out.push({ kind: 'if', cond: d.cond, then: then.parts, else: otherwise });
      } else if (d.word === 'for') {
        const body = build(['endfor']);
        if (!body.stop) throw new ParseError('missing %{endfor}');
        const part: TemplatePart = { kind: 'for', valueVar: d.valueVar, collection: d.collection, body: body.parts };
        if (d.keyVar !== undefined) part.keyVar = d.keyVar;
        out.push(part);
      } else throw new ParseError(`unexpected %{${d.word}}`);
    }
    if (stops.length) throw new ParseError(`missing %{${stops[stops.length - 1]}}`);
    return { parts: out };
  };
  try {
    const result = build([]).parts;
    // A template that is only `${expr}` yields the expression's own value, not a string.
    if (result.length === 1 && result[0]?.kind === 'interp') return result[0].expr;
    if (result.length === 0) return { kind: 'literal', value: '' };
    if (result.length === 1 && result[0]?.kind === 'lit') return { kind: 'literal', value: result[0].value };
    return { kind: 'template', parts: result };
  } catch (e) {
    if (e instanceof ParseError) return { kind: 'error', message: e.message };
    throw e;
  }
}

/** Parses an HCL native-syntax expression (`var.a + 1`, `"web-${var.env}"`, `[for …]`). */
export function parseExpression(source: string): Expr {
  return parseTokens(lexExpression(source).tokens);
}

const templateCache = new Map<string, Expr>();

/**
 * Parses a string as a bare template (no surrounding quotes, no backslash escapes): the form
 * of every string in hcl2json output and in Terraform JSON syntax. Memoized.
 */
export function parseTemplate(source: string): Expr {
  let e = templateCache.get(source);
  if (!e) {
    e = source.includes('{') ? templateFromRaw(lexTemplate(source, 0, source.length, false).parts) : { kind: 'literal', value: source };
    if (templateCache.size > 4_096) templateCache.clear();
    templateCache.set(source, e);
  }
  return e;
}
