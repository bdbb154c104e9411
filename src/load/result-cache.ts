// The result cache (`--cache`): what linting each root gave, with the inputs it was made from (the
// content hash of every file its load read, the file names of every folder it loaded, the module
// manifest, and the run's settings). A root whose inputs are all unchanged is not loaded again.
// It also keeps the facts of each file (src/load/file-facts.ts), so an unchanged file is not even
// read. One JSON file beside the parse cache; anything unreadable in it is ignored and rewritten.
import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VERSION } from '../version.js';
import { CACHE_FILE_NAMES, cacheFileEntries, cacheFilePieces, writeCacheFile } from './cache.js';
import { contentHash, FileFacts, storedFacts, type StoredFacts } from './file-facts.js';
import { moduleKind, UTF8, type FoundFile } from './files.js';

const FILE_NAME = CACHE_FILE_NAMES[1];
/** 6: findings carry `fingerprintAttribute` (--strict notes keyed by their origin); an older cache would bring back reason-keyed notes. */
const FORMAT = 6;

/** What a cached result was made from. */
export interface ResultInputs {
  /** Hash of the run's settings (rules, severities, variables, flags). */
  setup: string;
  /** Every file read, by absolute path, ... */
  files: string[];
  /** ... and its content hash ('' for a file that did not exist). */
  hashes: string[];
  /** Every folder loaded: absolute real path and its Terraform file names. */
  folders: [string, string][];
}

interface Entry<T> {
  inputs: ResultInputs;
  value: T;
}

/**
 * JSON text in ASCII only (other characters as \u escapes): read back as a one-byte string,
 * without UTF-8 decoding, which is most of the cost of reading tens of MB.
 */
function asciiJson(text: string): string {
  return text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The text of a cache file: ASCII (as lblint writes it) is taken as it is, anything else decoded as UTF-8. */
function readCacheText(file: string): string {
  const bytes = readFileSync(file);
  return isAscii(bytes) ? bytes.toString('latin1') : UTF8.decode(bytes);
}

/** No stored facts (a cache without them, or with facts of the wrong shape): every file is read once. */
function noFacts(): StoredFacts {
  return { paths: [], sigs: [], hashes: [], lengths: [], sources: [] };
}

/** Hash of any JSON-able settings, with lblint's version. */
export function settingsHash(settings: unknown): string {
  return contentHash(`${VERSION}\0${JSON.stringify(settings)}`);
}

/** The Terraform file names of a folder: as the walk found them, or as a module folder lists them. */
export function folderListing(dirReal: string, walkedByDir: ReadonlyMap<string, readonly FoundFile[]>): string {
  const walked = walkedByDir.get(dirReal);
  if (walked !== undefined) return walked.map((f) => path.basename(f.abs)).sort().join('\n');
  try {
    return readdirSync(dirReal)
      .filter((n) => moduleKind(n) !== undefined)
      .sort()
      .join('\n');
  } catch {
    return '\0missing';
  }
}

export class ResultCache<T> {
  private readonly next = new Map<string, Entry<T>>();
  private changed: boolean;

  private constructor(
    readonly dir: string,
    private readonly stored: Map<string, unknown>,
    /** File hashes, lengths and module calls, kept by stat signature (files unchanged are not read). */
    readonly facts: FileFacts,
    stale: boolean,
  ) {
    this.changed = stale;
  }

  /** Opens the cache in `dir` (absolute). Never throws: a bad cache file is an empty cache. */
  static async open<T>(dir: string): Promise<ResultCache<T>> {
    const empty = (): ResultCache<T> => new ResultCache<T>(dir, new Map(), new FileFacts(noFacts()), true);
    try {
      const data = JSON.parse(readCacheText(path.join(dir, FILE_NAME))) as { facts?: unknown } | null;
      const entries = cacheFileEntries(data, FORMAT);
      if (entries === undefined) return empty();
      return new ResultCache<T>(dir, new Map(Object.entries(entries)), new FileFacts(storedFacts(data?.facts) ?? noFacts()), false);
    } catch {
      return empty();
    }
  }

  /** The value kept for `key` when every input is unchanged (files are compared by content hash). */
  lookup(key: string, setup: string, walkedByDir: ReadonlyMap<string, readonly FoundFile[]>): T | undefined {
    const entry = this.stored.get(key) as Entry<T> | undefined;
    const inputs = entry?.inputs;
    if (entry === undefined || inputs === undefined || inputs.setup !== setup || !Array.isArray(inputs.folders)) return undefined;
    const { files, hashes } = inputs;
    if (!Array.isArray(files) || !Array.isArray(hashes) || files.length !== hashes.length) return undefined;
    for (let i = 0; i < files.length; i += 1) {
      const abs = files[i];
      if (typeof abs !== 'string' || this.facts.hash(abs) !== hashes[i]) return undefined;
    }
    for (const [dir, listing] of inputs.folders) {
      if (typeof dir !== 'string' || folderListing(dir, walkedByDir) !== listing) return undefined;
    }
    this.next.set(key, entry);
    return entry.value;
  }

  record(key: string, inputs: ResultInputs, value: T): void {
    this.next.set(key, { inputs, value });
    this.changed = true;
  }

  /** Writes the entries of this run. Returns a problem description instead of throwing. */
  async save(): Promise<string | undefined> {
    if (!this.changed && !this.facts.changed && this.next.size === this.stored.size) return undefined;
    // In pieces (one per root, and the facts), not one string: the file is tens of MB on a big repository.
    const entries = function* (next: Map<string, Entry<T>>): Generator<[string, string]> {
      for (const [key, entry] of next) yield [key, JSON.stringify(entry)];
    };
    const pieces = cacheFilePieces(FORMAT, entries(this.next), `,"facts":${JSON.stringify(this.facts.toStored())}`, asciiJson);
    const problem = await writeCacheFile(this.dir, FILE_NAME, pieces);
    if (problem === undefined) {
      this.changed = false;
      this.facts.changed = false;
    }
    return problem;
  }
}
