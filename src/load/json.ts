// Positions for `.tf.json` and `.tfvars.json`: JSON.parse gives the values, this gives the ranges
// (and a line/column for syntax errors, which JSON.parse on Node 20 reports only as an offset).
import type { AttributeNode, BlockNode } from '../types.js';
import { setOwn, type ScanError, type ScanResult } from './scanner.js';
import { SourceText } from './source.js';

type JsonNode =
  | { kind: 'object'; start: number; end: number; entries: JsonEntry[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'scalar'; start: number; end: number };

interface JsonEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

const MAX_DEPTH = 512;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

class JsonScanner {
  private pos = 0;
  private readonly n: number;

  constructor(private readonly text: string) {
    this.n = text.length;
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(this.pos, message);
  }

  private skipWs(): void {
    while (this.pos < this.n) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos += 1;
      else return;
    }
  }

  document(): JsonNode {
    this.skipWs();
    const value = this.value(0);
    this.skipWs();
    if (this.pos < this.n) this.fail(`unexpected '${this.text[this.pos] ?? ''}' after the JSON value`);
    return value;
  }

  private string(): string {
    const start = this.pos;
    this.pos += 1;
    while (this.pos < this.n) {
      const c = this.text[this.pos];
      if (c === '"') {
        this.pos += 1;
        try {
          return JSON.parse(this.text.slice(start, this.pos)) as string;
        } catch {
          this.pos = start;
          this.fail('invalid string escape');
        }
      }
      if (c === '\\') this.pos += 2;
      else if (c === '\n' || (c !== undefined && c.charCodeAt(0) < 0x20)) {
        this.pos = start;
        this.fail('unterminated string');
      }
      else this.pos += 1;
    }
    this.pos = start;
    return this.fail('unterminated string');
  }

  private value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail('JSON nested too deeply');
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === '{') {
      this.pos += 1;
      const entries: JsonEntry[] = [];
      this.skipWs();
      if (this.text[this.pos] === '}') {
        this.pos += 1;
        return { kind: 'object', start, end: this.pos, entries };
      }
      for (;;) {
        this.skipWs();
        if (this.text[this.pos] !== '"') this.fail('expected a string key');
        const keyStart = this.pos;
        const key = this.string();
        const keyEnd = this.pos;
        this.skipWs();
        if (this.text[this.pos] !== ':') this.fail("expected ':'");
        this.pos += 1;
        this.skipWs();
        entries.push({ key, keyStart, keyEnd, value: this.value(depth + 1) });
        this.skipWs();
        if (this.text[this.pos] === ',') {
          this.pos += 1;
          continue;
        }
        if (this.text[this.pos] === '}') {
          this.pos += 1;
          return { kind: 'object', start, end: this.pos, entries };
        }
        this.fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      this.pos += 1;
      const items: JsonNode[] = [];
      this.skipWs();
      if (this.text[this.pos] === ']') {
        this.pos += 1;
        return { kind: 'array', start, end: this.pos, items };
      }
      for (;;) {
        this.skipWs();
        items.push(this.value(depth + 1));
        this.skipWs();
        if (this.text[this.pos] === ',') {
          this.pos += 1;
          continue;
        }
        if (this.text[this.pos] === ']') {
          this.pos += 1;
          return { kind: 'array', start, end: this.pos, items };
        }
        this.fail("expected ',' or ']'");
      }
    }
    if (c === '"') {
      this.string();
      return { kind: 'scalar', start, end: this.pos };
    }
    const m = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    m.lastIndex = this.pos;
    const hit = m.exec(this.text);
    if (hit === null) this.fail(this.pos >= this.n ? 'unexpected end of JSON' : `unexpected '${c ?? ''}'`);
    this.pos += hit[0].length;
    return { kind: 'scalar', start, end: this.pos };
  }
}

/** Labels of the top-level block types of Terraform's JSON syntax. */
const BLOCK_LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  variable: 1,
  module: 1,
  output: 1,
  provider: 1,
  locals: 0,
  terraform: 0,
};

function attributesOf(src: SourceText, node: JsonNode): Record<string, AttributeNode> {
  const attributes: Record<string, AttributeNode> = {};
  if (node.kind !== 'object') return attributes;
  for (const e of node.entries) {
    setOwn(attributes, e.key, {
      name: e.key,
      range: src.range(e.keyStart, e.value.end),
      nameRange: src.range(e.keyStart, e.keyEnd),
      valueRange: src.range(e.value.start, e.value.end),
      exprText: src.text.slice(e.value.start, e.value.end),
    });
  }
  return attributes;
}

/**
 * Blocks at `node` (an object of labels, `depth` deep, ending in a body or an array of bodies).
 * The header is the innermost label key (or the block type key when there are no labels).
 */
function collectBlocks(
  src: SourceText,
  type: string,
  node: JsonNode,
  depth: number,
  labels: string[],
  headerKey: { start: number; end: number },
  out: BlockNode[],
): void {
  if (depth > 0) {
    if (node.kind !== 'object') return;
    for (const e of node.entries) {
      collectBlocks(src, type, e.value, depth - 1, [...labels, e.key], { start: e.keyStart, end: e.keyEnd }, out);
    }
    return;
  }
  const bodies = node.kind === 'array' ? node.items : [node];
  for (const body of bodies) {
    if (body.kind !== 'object') continue;
    const start = node.kind === 'array' ? body.start : headerKey.start;
    out.push({
      type,
      labels,
      range: src.range(start, body.end),
      headerRange: src.range(headerKey.start, headerKey.end),
      attributes: attributesOf(src, body),
      // JSON cannot tell a nested block from an object-valued argument: all keys are attributes.
      blocks: [],
    });
  }
}

/**
 * Scans a `.tf.json` (blocks) or `.tfvars.json` (top-level attributes) file. For nested blocks
 * such as `health_check`, use the attribute of the same name: JSON has no block syntax.
 */
export function scanJson(path: string, text: string): ScanResult {
  const src = new SourceText(path, text);
  let root: JsonNode;
  try {
    root = new JsonScanner(src.text).document();
  } catch (err) {
    const offset = err instanceof JsonSyntaxError ? err.offset : 0;
    const message = err instanceof Error ? err.message : String(err);
    const errors: ScanError[] = [{ range: src.range(offset, Math.min(offset + 1, src.text.length)), message }];
    return { blocks: [], attributes: {}, ignores: [], errors };
  }
  if (root.kind !== 'object') {
    return { blocks: [], attributes: {}, ignores: [], errors: [{ range: src.range(root.start, root.end), message: 'expected a JSON object' }] };
  }
  if (path.endsWith('.tfvars.json')) return { blocks: [], attributes: attributesOf(src, root), ignores: [], errors: [] };
  const blocks: BlockNode[] = [];
  for (const e of root.entries) {
    const depth = BLOCK_LABELS[e.key];
    if (depth === undefined || !Object.hasOwn(BLOCK_LABELS, e.key)) continue;
    collectBlocks(src, e.key, e.value, depth, [], { start: e.keyStart, end: e.keyEnd }, blocks);
  }
  return { blocks, attributes: {}, ignores: [], errors: [] };
}
