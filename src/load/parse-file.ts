// Parsing of one file's text into a ParsedFile: the scanner gives the structure and the positions,
// hcl2json the values of the blocks that can matter. Runs on the main thread or in a parse worker
// (src/load/parse-worker.ts); it never touches the disk and keeps no state between files.
import path from 'node:path';
import type { BlockNode, LoadError, ParsedFile, SourceKind } from '../types.js';
import { convertBlocks } from './fast-hcl.js';
import { parseHcl, type HclError, type HclParseResult } from './hcl.js';
import { scanJson } from './json.js';
import { scanHcl, scanHclBlock, type ScanResult } from './scanner.js';
import { blockAddress, blockForm, isRelevant, isRelevantType, mentionOffsets, referencedAddresses, splitTopLevel, type BlockSpan } from './select.js';
import { hclColumnToUtf16, SourceText } from './source.js';

/** What a cache entry keeps for a `.tf` file: which blocks went to hcl2json and what it said. */
export interface ParsedBlocks {
  /** Indices of the top-level blocks given to hcl2json, or 'all' for the whole file. */
  parsed: number[] | 'all';
  json: Record<string, unknown>;
}

export interface ParseTask {
  rel: string;
  kind: SourceKind;
  text: string;
  /** Blocks to parse besides the relevant ones (resources that parsed blocks refer to). */
  include?: number[];
  /** Parse every block (what lblint did before selective parsing; for tests and comparisons). */
  everything?: boolean;
  /** Cache entries for this exact text (one per set of parsed blocks): one with the same blocks is used. */
  cached?: ParsedBlocks[];
}

/** What the loader needs to decide whether more blocks of the file must be parsed. */
export interface FileMeta {
  /** Addresses outside the supported families that parsed blocks may refer to (or that they declare). */
  wanted: string[];
  /** Resource and data blocks left out: their address and block index. */
  skipped: { address: string; index: number }[];
}

export interface ParseOutcome {
  file?: ParsedFile;
  errors: LoadError[];
  meta?: FileMeta;
  /** Set when hcl2json ran (a new cache entry). */
  fresh?: ParsedBlocks;
  /** Index of the entry of `task.cached` that was used instead of hcl2json. */
  reused?: number;
  /** hcl2json calls made. */
  hclCalls: number;
  /** Files whose blocks the fast path converted instead of hcl2json. */
  fastParses?: number;
}

/** `LBLINT_PARSER=hcl2json` turns the fast path off (every block goes to hcl2json, as before it). */
function fastPathEnabled(): boolean {
  return process.env['LBLINT_PARSER'] !== 'hcl2json';
}

function locatedHclErrors(rel: string, src: SourceText, errors: HclError[]): LoadError[] {
  const lineText = (line: number): string => src.text.slice(src.lineStart(line), src.lineStart(line + 1)).replace(/\r?\n$/, '');
  return errors.map((e) => {
    const endLine = e.endLine ?? e.line;
    const start = { line: e.line, column: hclColumnToUtf16(lineText(e.line), e.column) };
    const end = { line: endLine, column: hclColumnToUtf16(lineText(endLine), e.endColumn ?? e.column) };
    return { file: rel, range: { file: rel, start, end }, message: e.message };
  });
}

/** Whether two cache entries were made from the same blocks. */
export function sameBlocks(a: number[] | 'all', b: number[] | 'all'): boolean {
  if (a === 'all' || b === 'all') return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A block that cannot affect a rule, kept for its position only: its contents were not scanned in
 * detail (a file with ignore comments goes through the full scanner and keeps every block whole).
 */
function shallowBlock(src: SourceText, span: BlockSpan): BlockNode {
  return { type: span.type, labels: span.labels, range: src.range(span.start, span.end), headerRange: src.range(span.start, span.headerEnd), attributes: {}, blocks: [] };
}

/** Offsets of the blocks the full scanner found (for files the fast splitter leaves to it). */
function spansOf(src: SourceText, blocks: BlockNode[]): BlockSpan[] | 'parse' {
  const offset = (p: { line: number; column: number }): number => src.lineStart(p.line) + p.column - 1;
  const spans: BlockSpan[] = [];
  for (const b of blocks) {
    const span: BlockSpan = { type: b.type, labels: b.labels, start: offset(b.range.start), headerEnd: offset(b.headerRange.end), end: offset(b.range.end) };
    const form = blockForm(src.text, src.text.indexOf('{', span.headerEnd), span.end);
    if (form === 'one-line') span.oneLine = true;
    else if (form !== 'multi-line') return 'parse';
    spans.push(span);
  }
  return spans;
}

/** Parses one file's text. Never throws. */
export async function parseText(task: ParseTask): Promise<ParseOutcome> {
  const { rel, kind, text } = task;
  const base = { path: rel, dir: path.posix.dirname(rel), kind, text };
  if (kind === 'tf.json' || kind === 'tfvars.json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      const scan = scanJson(rel, text);
      const first = scan.errors[0];
      const detail = first?.message ?? (err instanceof Error ? err.message : String(err));
      return { errors: [{ file: rel, ...(first === undefined ? {} : { range: first.range }), message: `invalid JSON: ${detail}` }], hclCalls: 0 };
    }
    const scan = scanJson(rel, text);
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      return { errors: [{ file: rel, message: `invalid ${kind} file: the top level must be a JSON object` }], hclCalls: 0 };
    }
    return { errors: [], file: { ...base, json: json as Record<string, unknown>, blocks: scan.blocks, attributes: scan.attributes, ignores: scan.ignores }, hclCalls: 0 };
  }

  const src = new SourceText(rel, text);
  let hclCalls = 0;
  const parse = async (t: string): Promise<HclParseResult> => {
    hclCalls += 1;
    return parseHcl(rel, t);
  };
  /** The whole file through hcl2json, as before selective parsing: exact errors for bad input. */
  const cachedFor = (parsed: number[] | 'all'): number => (task.cached ?? []).findIndex((c) => sameBlocks(c.parsed, parsed));
  const parseWhole = async (scan: ScanResult = scanHcl(rel, text)): Promise<ParseOutcome> => {
    let json: Record<string, unknown>;
    let fresh: ParsedBlocks | undefined;
    const reused = cachedFor('all');
    if (reused >= 0) json = (task.cached?.[reused] as ParsedBlocks).json;
    else {
      const parsed = await parse(text);
      if (!parsed.ok) return { errors: locatedHclErrors(rel, src, parsed.errors), hclCalls };
      json = parsed.json;
      fresh = { parsed: 'all', json };
    }
    // hcl2json accepted the file, so any scanner complaint is the scanner's limitation: drop it.
    const blocks = kind === 'tf' ? scan.blocks : [];
    const file: ParsedFile = { ...base, json, blocks, attributes: scan.attributes, ignores: scan.ignores };
    return { errors: [], file, meta: { wanted: [], skipped: [] }, ...(fresh ? { fresh } : { reused }), hclCalls };
  };

  if (kind !== 'tf' || task.everything === true) return parseWhole();

  // Structure first: the fast splitter, else the full scanner (files with ignore comments or
  // anything unusual). A file the scanner finds wrong goes to hcl2json whole.
  const split = splitTopLevel(text);
  if (split === 'parse') return parseWhole();
  let spans: BlockSpan[];
  let full: ScanResult | undefined;
  if (split === 'scan' || text.includes('lblint-ignore')) {
    // Ignore comments need every block and attribute with its range.
    full = scanHcl(rel, text);
    if (full.errors.length > 0 || Object.keys(full.attributes).length > 0) return parseWhole(full);
    const found = split === 'scan' ? spansOf(src, full.blocks) : split;
    if (found === 'parse' || found.length !== full.blocks.length) return parseWhole(full);
    spans = found;
  } else spans = split;

  const include = new Set(task.include ?? []);
  const chosen: number[] = [];
  const mentions = mentionOffsets(text);
  spans.forEach((span, i) => {
    if (include.has(i) || span.oneLine === true || isRelevant(span, mentions)) chosen.push(i);
  });
  // Blocks that share an address with a chosen one are chosen too (hcl2json merges them).
  const chosenAddresses = new Set<string>();
  for (const i of chosen) {
    const a = blockAddress(spans[i] as BlockSpan);
    if (a !== undefined) chosenAddresses.add(a);
  }
  if (chosenAddresses.size > 0) {
    const before = new Set(chosen);
    spans.forEach((span, i) => {
      if (before.has(i)) return;
      const a = blockAddress(span);
      if (a !== undefined && chosenAddresses.has(a)) chosen.push(i);
    });
    chosen.sort((a, b) => a - b);
  }
  const chosenSet = new Set(chosen);

  let blocks: BlockNode[];
  if (full !== undefined) blocks = full.blocks;
  else {
    blocks = [];
    for (let i = 0; i < spans.length; i += 1) {
      const span = spans[i] as BlockSpan;
      if (!chosenSet.has(i)) {
        blocks.push(shallowBlock(src, span));
        continue;
      }
      const block = scanHclBlock(src, span.start, span.end);
      if (block === undefined) return parseWhole();
      blocks.push(block);
    }
  }

  const wanted = new Set<string>();
  const skipped: FileMeta['skipped'] = [];
  spans.forEach((span, i) => {
    const address = blockAddress(span);
    if (chosenSet.has(i)) {
      referencedAddresses(text.slice(span.start, span.end), wanted);
      // A left-out block with the same address elsewhere in the folder is parsed too (Terraform
      // rejects the duplicate; the result must still be what parsing everything gives).
      if (address !== undefined && !isRelevantType(span)) wanted.add(address);
    } else if (address !== undefined) skipped.push({ address, index: i });
  });
  const meta: FileMeta = { wanted: [...wanted], skipped };

  let json: Record<string, unknown> = {};
  let fresh: ParsedBlocks | undefined;
  const reused = cachedFor(chosen);
  if (reused >= 0) json = (task.cached?.[reused] as ParsedBlocks).json;
  else if (chosen.length > 0) {
    // The fast path answers as hcl2json would for the same text: the whole file when every block is chosen.
    const converted = fastPathEnabled() ? convertBlocks(text, chosen.map((i) => spans[i] as BlockSpan), chosen.length === spans.length) : undefined;
    if (converted !== undefined) {
      const file: ParsedFile = { ...base, json: converted, blocks, attributes: {}, ignores: full?.ignores ?? [] };
      return { errors: [], file, meta, fresh: { parsed: chosen, json: converted }, hclCalls, fastParses: 1 };
    }
    const subset = chosen.length === spans.length ? text : chosen.map((i) => text.slice((spans[i] as BlockSpan).start, (spans[i] as BlockSpan).end)).join('\n');
    const parsed = await parse(subset);
    if (!parsed.ok) {
      // Report what hcl2json says about the whole file, with its positions (the subset may be it).
      const whole = subset === text ? parsed : await parse(text);
      if (!whole.ok) return { errors: locatedHclErrors(rel, src, whole.errors), hclCalls };
      const file: ParsedFile = { ...base, json: whole.json, blocks: full?.blocks ?? scanHcl(rel, text).blocks, attributes: {}, ignores: full?.ignores ?? [] };
      return { errors: [], file, meta: { wanted: [], skipped: [] }, fresh: { parsed: 'all', json: whole.json }, hclCalls };
    }
    json = parsed.json;
    fresh = { parsed: chosen, json };
  } else fresh = { parsed: [], json };
  const file: ParsedFile = { ...base, json, blocks, attributes: {}, ignores: full?.ignores ?? [] };
  return { errors: [], file, meta, ...(fresh ? { fresh } : { reused }), hclCalls };
}
