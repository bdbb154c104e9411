// Tokenizer for HCL native expressions. Templates (quoted strings and heredocs) become one
// token whose interpolations hold their own token lists, so the parser never re-scans text.
import { isIdentPart, isIdentStart } from '../hcl-chars.js';

export type Punct =
  | '{' | '}' | '[' | ']' | '(' | ')' | ',' | '.' | ':' | '?' | '=>' | '...'
  | '==' | '!=' | '<=' | '>=' | '<' | '>' | '=' | '+' | '-' | '*' | '/' | '%'
  | '!' | '&&' | '||' | '~';

export type TemplateRawPart =
  | { kind: 'lit'; value: string }
  | { kind: 'interp' | 'directive'; tokens: Token[]; stripBefore: boolean; stripAfter: boolean };

export type Token =
  | { type: 'number'; text: string; pos: number }
  | { type: 'ident'; text: string; pos: number }
  | { type: 'punct'; text: Punct; pos: number }
  | { type: 'template'; parts: TemplateRawPart[]; pos: number }
  | { type: 'eof'; pos: number }
  | { type: 'error'; message: string; pos: number };

const PUNCTS: Punct[] = [
  '...', '=>', '==', '!=', '<=', '>=', '&&', '||',
  '{', '}', '[', ']', '(', ')', ',', '.', ':', '?', '<', '>', '=', '+', '-', '*', '/', '%', '!', '~',
];


/** Skips blanks, newlines and comments (`#`, `//`, block comments). */
function skipSpace(src: string, pos: number): number {
  for (;;) {
    const c = src[pos];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') pos++;
    else if (c === '#' || (c === '/' && src[pos + 1] === '/')) {
      while (pos < src.length && src[pos] !== '\n') pos++;
    } else if (c === '/' && src[pos + 1] === '*') {
      const end = src.indexOf('*/', pos + 2);
      pos = end < 0 ? src.length : end + 2;
    } else return pos;
  }
}

/**
 * Lexes expression tokens from `pos`. With `stopAtBrace`, stops before a `}` that closes
 * nothing opened here (the end of a `${…}` interpolation). Returns the tokens (ending with
 * `eof`) and the position where lexing stopped.
 */
export function lexExpression(src: string, pos = 0, stopAtBrace = false): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let depth = 0;
  for (;;) {
    pos = skipSpace(src, pos);
    if (pos >= src.length) {
      tokens.push(stopAtBrace ? { type: 'error', message: 'unterminated template interpolation', pos } : { type: 'eof', pos });
      return { tokens, end: pos };
    }
    const c = src[pos] as string;
    if (c === '}' && stopAtBrace && depth === 0) {
      tokens.push({ type: 'eof', pos });
      return { tokens, end: pos };
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(src.slice(pos, pos + 64)) as RegExpExecArray;
      tokens.push({ type: 'number', text: m[0], pos });
      pos += m[0].length;
      continue;
    }
    if (isIdentStart(c)) {
      let end = pos + 1;
      while (end < src.length && isIdentPart(src[end] as string)) end++;
      tokens.push({ type: 'ident', text: src.slice(pos, end), pos });
      pos = end;
      continue;
    }
    if (c === '"') {
      const t = lexTemplate(src, pos + 1, src.length, true);
      tokens.push({ type: 'template', parts: t.parts, pos });
      if (t.error) {
        tokens.push({ type: 'error', message: t.error, pos: t.end });
        return { tokens, end: t.end };
      }
      pos = t.end;
      continue;
    }
    if (c === '<' && src[pos + 1] === '<' && /[-A-Za-z_]/.test(src[pos + 2] ?? '')) {
      const h = lexHeredoc(src, pos);
      if (h) {
        tokens.push({ type: 'template', parts: h.parts, pos });
        pos = h.end;
        continue;
      }
    }
    const p = PUNCTS.find((q) => src.startsWith(q, pos));
    if (!p) {
      tokens.push({ type: 'error', message: `unexpected character ${JSON.stringify(c)}`, pos });
      return { tokens, end: pos };
    }
    if (p === '{') depth++;
    if (p === '}') depth--;
    tokens.push({ type: 'punct', text: p, pos });
    pos += p.length;
  }
}

function lexHeredoc(src: string, pos: number): { parts: TemplateRawPart[]; end: number } | undefined {
  const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(src.slice(pos, pos + 300));
  if (!m) return undefined;
  const indent = m[1] === '-';
  const marker = m[2] as string;
  const bodyStart = pos + m[0].length;
  let lineStart = bodyStart;
  let bodyEnd = -1;
  let end = src.length;
  while (lineStart <= src.length) {
    const nl = src.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? src.length : nl;
    if (src.slice(lineStart, lineEnd).trim() === marker) {
      bodyEnd = lineStart;
      end = lineEnd;
      break;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  if (bodyEnd < 0) bodyEnd = src.length;
  let body = src.slice(bodyStart, bodyEnd);
  if (indent) {
    const lines = body.split('\n');
    const last = lines.pop();
    const widths = lines.filter((l) => l.trim() !== '').map((l) => (/^[ \t]*/.exec(l) as RegExpExecArray)[0].length);
    const cut = widths.length ? Math.min(...widths) : 0;
    body = lines.map((l) => l.slice(Math.min(cut, (/^[ \t]*/.exec(l) as RegExpExecArray)[0].length))).join('\n') + '\n' + (last ?? '');
  }
  return { parts: lexTemplate(body, 0, body.length, false).parts, end };
}

/**
 * Lexes a template body. `quoted` = inside `"…"`: backslash escapes apply and `"` ends it;
 * otherwise (heredoc, JSON-syntax or hcl2json string) the template runs to `limit`.
 */
export function lexTemplate(src: string, pos: number, limit: number, quoted: boolean): { parts: TemplateRawPart[]; end: number; error?: string } {
  const parts: TemplateRawPart[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit) parts.push({ kind: 'lit', value: lit });
    lit = '';
  };
  while (pos < limit) {
    const c = src[pos] as string;
    if (quoted && c === '"') {
      flush();
      return { parts, end: pos + 1 };
    }
    if (quoted && c === '\\') {
      const e = src[pos + 1];
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
      if (e !== undefined && simple[e] !== undefined) {
        lit += simple[e];
        pos += 2;
      } else if (e === 'u' || e === 'U') {
        const len = e === 'u' ? 4 : 8;
        const hex = src.slice(pos + 2, pos + 2 + len);
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === len) {
          lit += String.fromCodePoint(parseInt(hex, 16));
          pos += 2 + len;
        } else {
          lit += c;
          pos++;
        }
      } else {
        lit += c;
        pos++;
      }
      continue;
    }
    if ((c === '$' || c === '%') && src[pos + 1] === c && src[pos + 2] === '{') {
      lit += c + '{';
      pos += 3;
      continue;
    }
    if ((c === '$' || c === '%') && src[pos + 1] === '{') {
      flush();
      let start = pos + 2;
      const stripBefore = src[start] === '~';
      if (stripBefore) start++;
      const inner = lexExpression(src, start, true);
      const tokens = inner.tokens;
      let stripAfter = false;
      const last = tokens[tokens.length - 2];
      if (last && last.type === 'punct' && last.text === '~') {
        stripAfter = true;
        tokens.splice(tokens.length - 2, 1);
      }
      parts.push({ kind: c === '$' ? 'interp' : 'directive', tokens, stripBefore, stripAfter });
      const tail = tokens[tokens.length - 1];
      if (tail?.type === 'error') return { parts, end: inner.end, error: tail.message };
      pos = inner.end + 1;
      continue;
    }
    lit += c;
    pos++;
  }
  flush();
  return quoted ? { parts, end: pos, error: 'unterminated string' } : { parts, end: pos };
}
