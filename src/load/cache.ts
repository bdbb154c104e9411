// The parse cache (`--cache`): what hcl2json said about each file, by content hash, for one lblint
// version. One JSON file in the cache folder; anything unreadable in it is ignored and rewritten.
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SourceKind } from '../types.js';
import { VERSION } from '../version.js';
import { writePieces } from './output.js';
import { sameBlocks, type ParsedBlocks } from './parse-file.js';

/** Default folder, relative to the working directory. */
export const DEFAULT_CACHE_LOCATION = '.lblint-cache';
const FILE_NAME = 'parse-cache.json';
/** The files lblint keeps in a cache folder (src/load/result-cache.ts writes the second). */
export const CACHE_FILE_NAMES = [FILE_NAME, 'result-cache.json'] as const;

/**
 * Why lblint must not use `location` as its cache folder, or undefined when it may: it must not be
 * a file (least of all a Terraform one), and a cache file already in it must be lblint's (a file
 * starting with `{"tool":"lblint"`), since the cache rewrites it.
 */
export function refusedCacheLocation(location: string, cwd: string): string | undefined {
  const abs = path.resolve(cwd, location);
  let isFolder: boolean;
  try {
    isFolder = statSync(abs).isDirectory();
  } catch {
    return undefined; // created on first use
  }
  if (!isFolder) return `--cache-location '${location}': it is a file, not a folder; lblint keeps its cache in a folder of its own`;
  for (const name of CACHE_FILE_NAMES) {
    let head: string;
    try {
      head = readFileSync(path.join(abs, name), 'utf8').slice(0, 32);
    } catch {
      continue;
    }
    if (!head.startsWith('{"tool":"lblint"')) return `--cache-location '${location}': '${name}' in it is not a cache lblint wrote, and the cache would overwrite it; choose another folder`;
  }
  return undefined;
}
const FORMAT = 1;

interface CacheFile {
  tool: 'lblint';
  format: number;
  version: string;
  /** Content key → one entry per set of parsed blocks seen for that content. */
  entries: Record<string, ParsedBlocks[]>;
}

function isParsedBlocks(v: unknown): v is ParsedBlocks {
  if (v === null || typeof v !== 'object') return false;
  const e = v as { parsed?: unknown; json?: unknown };
  const okParsed = e.parsed === 'all' || (Array.isArray(e.parsed) && e.parsed.every((i) => Number.isInteger(i) && (i as number) >= 0));
  return okParsed && e.json !== null && typeof e.json === 'object' && !Array.isArray(e.json);
}

/** A new entry as a worker sends it: its JSON already serialized (a string costs the main thread far less memory than the objects). */
export interface SerializedBlocks {
  parsed: ParsedBlocks['parsed'];
  jsonText: string;
}

type KeptBlocks = ParsedBlocks | SerializedBlocks;

function entryText(e: KeptBlocks): string {
  return `{"parsed":${JSON.stringify(e.parsed)},"json":${'jsonText' in e ? e.jsonText : JSON.stringify(e.json)}}`;
}

export class ParseCache {
  private readonly used = new Map<string, KeptBlocks[]>();
  private changed = false;

  private constructor(
    /** Absolute path of the cache folder. */
    readonly dir: string,
    private readonly stored: Map<string, unknown>,
    /** The file was missing, unreadable, corrupt or of another version: write it anew. */
    stale: boolean,
  ) {
    this.changed = stale;
  }

  /** Opens the cache in `dir` (absolute). Never throws: a bad cache file is an empty cache. */
  static async open(dir: string): Promise<ParseCache> {
    let text: string;
    try {
      text = await fs.readFile(path.join(dir, FILE_NAME), 'utf8');
    } catch {
      return new ParseCache(dir, new Map(), true);
    }
    try {
      const entries = cacheFileEntries(JSON.parse(text), FORMAT);
      return new ParseCache(dir, new Map(entries === undefined ? [] : Object.entries(entries)), entries === undefined);
    } catch {
      return new ParseCache(dir, new Map(), true);
    }
  }

  /** The key of a file's content (the path does not matter: hcl2json output does not depend on it). */
  static key(kind: SourceKind, text: string): string {
    return createHash('sha1').update(kind).update('\0').update(text).digest('base64url');
  }

  /** The entries stored for a content key (checked; a malformed one is dropped). */
  get(key: string): ParsedBlocks[] | undefined {
    const entry = this.stored.get(key);
    if (entry === undefined) return undefined;
    if (!Array.isArray(entry) || !entry.every(isParsedBlocks)) {
      this.stored.delete(key);
      this.changed = true;
      return undefined;
    }
    return entry;
  }

  /** Keeps `entry` for `key` in the cache written at the end of the run. */
  keep(key: string, entry: KeptBlocks, isNew: boolean): void {
    const list = this.used.get(key) ?? [];
    if (!list.some((a) => sameBlocks(a.parsed, entry.parsed))) list.push(entry);
    this.used.set(key, list);
    if (isNew) this.changed = true;
  }

  /**
   * Keeps what root workers used (`[key, entry, isNew]`; a reused entry comes back with its blocks
   * only, and the stored one with the same blocks is kept).
   */
  keepUses(uses: Iterable<readonly [key: string, entry: SerializedBlocks, isNew: boolean]>): void {
    for (const [key, entry, isNew] of uses) {
      if (isNew) this.keep(key, entry, true);
      else {
        const stored = this.get(key)?.find((e) => sameBlocks(e.parsed, entry.parsed));
        if (stored !== undefined) this.keep(key, stored, false);
      }
    }
  }

  /** Keeps every stored entry too (roots answered by the result cache did not ask for theirs). */
  retainStored(): void {
    for (const [key, entry] of this.stored) if (!this.used.has(key)) this.used.set(key, entry as ParsedBlocks[]);
  }

  /**
   * Writes the entries used by this run (so the file does not grow with old contents), when
   * anything changed. Returns a problem description instead of throwing.
   */
  async save(): Promise<string | undefined> {
    if (!this.changed && this.used.size === this.stored.size) return undefined;
    // Written piece by piece, not as one string (the file is tens of MB on a big repository);
    // entries may come serialized already (the same JSON as CacheFile's).
    const entries = function* (used: Map<string, KeptBlocks[]>): Generator<[string, string]> {
      for (const [key, list] of used) yield [key, `[${list.map(entryText).join(',')}]`];
    };
    const problem = await writeCacheFile(this.dir, FILE_NAME, cacheFilePieces(FORMAT, entries(this.used)));
    if (problem === undefined) this.changed = false;
    return problem;
  }
}

/** The parsed text of a cache file: its entries when it is lblint's, of `format` and this version; else undefined. */
export function cacheFileEntries(data: unknown, format: number): Record<string, unknown> | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const { tool, format: f, version, entries } = data as Record<string, unknown>;
  if (tool !== 'lblint' || f !== format || version !== VERSION) return undefined;
  return entries !== null && typeof entries === 'object' && !Array.isArray(entries) ? (entries as Record<string, unknown>) : undefined;
}

/**
 * The pieces of a cache file: `{"tool":"lblint","format":…,"version":…,"entries":{…}` then `rest`
 * and `}`, one piece per entry (key, JSON text), each passed through `encode` as it is made (so
 * that only the encoded pieces are kept: the file is tens of MB on a big repository).
 */
export function cacheFilePieces(format: number, entries: Iterable<[key: string, json: string]>, rest = '', encode: (piece: string) => string = (piece) => piece): string[] {
  const head = JSON.stringify({ tool: 'lblint', format, version: VERSION }).slice(0, -1);
  const pieces = [encode(`${head},"entries":{`)];
  for (const [key, json] of entries) pieces.push(encode(`${pieces.length > 1 ? ',' : ''}${JSON.stringify(key)}:${json}`));
  pieces.push(encode(`}${rest}}`));
  return pieces;
}

/**
 * Writes a cache file (its text in pieces) atomically: a temporary file renamed over it, creating
 * the folder. Returns a problem description instead of throwing.
 */
export async function writeCacheFile(dir: string, name: string, pieces: readonly string[]): Promise<string | undefined> {
  const target = path.join(dir, name);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await fs.mkdir(dir, { recursive: true });
    writePieces(temp, pieces);
    await fs.rename(temp, target);
    return undefined;
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return `cannot write the cache in '${dir}': ${err instanceof Error ? err.message : String(err)}`;
  }
}
