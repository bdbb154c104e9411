// The result cache (`--cache`): what linting each root gave, with the inputs it was made from (the
// content hash of every file its load read, the file names of every folder it loaded, the module
// manifest, and the run's settings). A root whose inputs are all unchanged is not loaded again.
// One JSON file beside the parse cache; anything unreadable in it is ignored and rewritten.
import { createHash } from 'node:crypto';
import { promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { VERSION } from '../version.js';
import { writeCacheFile } from './cache.js';
import { moduleKind, readTextFileSync, type FoundFile } from './files.js';

const FILE_NAME = 'result-cache.json';
const FORMAT = 1;

/** What a cached result was made from. */
export interface ResultInputs {
  /** Hash of the run's settings (rules, severities, variables, flags). */
  setup: string;
  /** Every file read: absolute path and content hash ('' for a file that did not exist). */
  files: [string, string][];
  /** Every folder loaded: absolute real path and its Terraform file names. */
  folders: [string, string][];
}

interface Entry<T> {
  inputs: ResultInputs;
  value: T;
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
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

/** Hash of an optional file (a module manifest): '' when it does not exist. */
export function optionalFileHash(abs: string): string {
  const text = readTextFileSync(abs);
  return text === undefined ? '' : contentHash(text);
}

export class ResultCache<T> {
  private readonly next = new Map<string, Entry<T>>();
  /** Content hashes computed by this run (a module file shared by many roots is hashed once). */
  private readonly hashes = new Map<string, string>();
  private changed: boolean;

  private constructor(
    readonly dir: string,
    private readonly stored: Map<string, unknown>,
    stale: boolean,
  ) {
    this.changed = stale;
  }

  /** Opens the cache in `dir` (absolute). Never throws: a bad cache file is an empty cache. */
  static async open<T>(dir: string): Promise<ResultCache<T>> {
    try {
      const data = JSON.parse(await fs.readFile(path.join(dir, FILE_NAME), 'utf8')) as { tool?: unknown; format?: unknown; version?: unknown; entries?: unknown } | null;
      if (data === null || typeof data !== 'object' || data.tool !== 'lblint' || data.format !== FORMAT || data.version !== VERSION) return new ResultCache<T>(dir, new Map(), true);
      if (data.entries === null || typeof data.entries !== 'object' || Array.isArray(data.entries)) return new ResultCache<T>(dir, new Map(), true);
      return new ResultCache<T>(dir, new Map(Object.entries(data.entries as Record<string, unknown>)), false);
    } catch {
      return new ResultCache<T>(dir, new Map(), true);
    }
  }

  /**
   * The value kept for `key` when every input is unchanged. `texts` holds files already read
   * (absolute path → text); other files are read here.
   */
  lookup(key: string, setup: string, texts: ReadonlyMap<string, string>, walkedByDir: ReadonlyMap<string, readonly FoundFile[]>): T | undefined {
    const entry = this.stored.get(key) as Entry<T> | undefined;
    const inputs = entry?.inputs;
    if (entry === undefined || inputs === undefined || inputs.setup !== setup || !Array.isArray(inputs.files) || !Array.isArray(inputs.folders)) return undefined;
    for (const [abs, hash] of inputs.files) {
      if (typeof abs !== 'string') return undefined;
      let current = this.hashes.get(abs);
      if (current === undefined) {
        const text = texts.get(abs) ?? readTextFileSync(abs);
        current = text === undefined ? '' : contentHash(text);
        this.hashes.set(abs, current);
      }
      if (current !== hash) return undefined;
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
    if (!this.changed && this.next.size === this.stored.size) return undefined;
    const problem = await writeCacheFile(this.dir, FILE_NAME, JSON.stringify({ tool: 'lblint', format: FORMAT, version: VERSION, entries: Object.fromEntries(this.next) }));
    if (problem === undefined) this.changed = false;
    return problem;
  }
}
