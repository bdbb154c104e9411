// What a run needs to know of a file without its text: its content hash, its length, and the
// module sources it calls. With `--cache` these facts are kept (in the result cache file) with the
// file's stat signature (size, modification and change times, inode); a file whose signature is
// unchanged is not read again, so a re-run with nothing changed reads only folder listings and
// file metadata. A file changed within the last few seconds is not trusted by its signature (a
// second change in the same clock tick would keep it): it is read and hashed next time.
import { statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readTextFileSync } from './files.js';

/** Files modified this recently (ms) are always read again: timestamps are coarse on some file systems. */
const RACY_MS = 3_000;

export interface FileFact {
  /** Stat signature when the fact was made: size, modification and change times (ms), inode; undefined when it must not be trusted. */
  sig?: Signature;
  /** Content hash ('' until asked for). */
  hash: string;
  /** Length of the text in UTF-16 units (a job's weight). */
  length: number;
  /** Literal module sources the file calls ('unsure' when one is computed), once the planner asked. */
  sources?: string[] | 'unsure';
}

type Signature = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/**
 * How the facts are kept in the cache file: in columns, one entry per file in each, so that reading
 * them back makes a few long arrays instead of an array per file (a third of the time of a re-run
 * with nothing changed went to parsing and collecting small arrays).
 */
export interface StoredFacts {
  paths: string[];
  /** Four numbers per file: size, modification time (ms), change time (ms), inode. */
  sigs: number[];
  hashes: string[];
  lengths: number[];
  /** Module sources per file: null (not computed), 0 (none), 'unsure', or the sources. */
  sources: (string[] | 'unsure' | 0 | null)[];
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';

/** Stored facts of the expected shape (the cache file is not trusted), or undefined. Sources are checked when used. */
export function storedFacts(v: unknown): StoredFacts | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const { paths, sigs, hashes, lengths, sources } = v as Record<string, unknown>;
  if (!Array.isArray(paths) || !Array.isArray(sigs) || !Array.isArray(hashes) || !Array.isArray(lengths) || !Array.isArray(sources)) return undefined;
  const n = paths.length;
  if (sigs.length !== 4 * n || hashes.length !== n || lengths.length !== n || sources.length !== n) return undefined;
  if (!paths.every(isString) || !sigs.every(isNumber) || !hashes.every(isString) || !lengths.every(isNumber)) return undefined;
  return { paths, sigs, hashes, lengths, sources } as StoredFacts;
}

/** No module sources (shared: sources are only read). */
const NO_SOURCES: string[] = Object.freeze([]) as unknown as string[];

/** The sources kept for a file, or undefined when they were not computed (or are not of the expected shape). */
function storedSources(v: unknown): string[] | 'unsure' | undefined {
  if (v === 0) return NO_SOURCES;
  if (v === 'unsure') return 'unsure';
  if (Array.isArray(v) && v.every(isString)) return v;
  return undefined;
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

export class FileFacts {
  /** Facts of this run, by absolute path (undefined: the file cannot be read). */
  private readonly current = new Map<string, FileFact | undefined>();
  /** Texts read by this run. */
  readonly texts = new Map<string, string>();
  /** Whether this run made a fact the stored ones did not have. */
  changed = false;
  /** Where each stored path is in the stored columns (made on first use). */
  private storedAt: Map<string, number> | undefined;

  /**
   * `stored`: facts of an earlier run (checked with `storedFacts`), or undefined without a cache:
   * then every file is read and nothing is stat'ed. `now`: this run's start (ms since epoch).
   */
  constructor(
    private readonly stored?: StoredFacts,
    private readonly now = Date.now(),
  ) {}

  /** The index of `abs` in the stored columns. */
  private storedIndex(stored: StoredFacts, abs: string): number | undefined {
    if (this.storedAt === undefined) {
      this.storedAt = new Map();
      for (let i = 0; i < stored.paths.length; i += 1) this.storedAt.set(stored.paths[i] as string, i);
    }
    return this.storedAt.get(abs);
  }

  /** The signature of a file now when it is old enough to be trusted, null when it is not; undefined when it cannot be stat'ed. */
  private signature(abs: string): Signature | null | undefined {
    try {
      const s = statSync(abs, { throwIfNoEntry: false });
      if (s === undefined || !s.isFile()) return undefined;
      return Math.max(s.mtimeMs, s.ctimeMs) < this.now - RACY_MS ? [s.size, s.mtimeMs, s.ctimeMs, s.ino] : null;
    } catch {
      return undefined;
    }
  }

  /** The fact of a file: kept from an earlier run when its signature is unchanged, else from its text. */
  get(abs: string): FileFact | undefined {
    const known = this.current.get(abs);
    if (known !== undefined || this.current.has(abs)) return known;
    const sig = this.stored === undefined ? undefined : this.signature(abs);
    if (sig === undefined && this.stored !== undefined) {
      // Not a file that can be stat'ed (most often one that does not exist: a root's
      // .terraform/modules/modules.json before `terraform init`): it cannot be read either.
      this.current.set(abs, undefined);
      return undefined;
    }
    const stored = this.stored;
    if (sig && stored !== undefined) {
      const i = this.storedIndex(stored, abs);
      const at = 4 * (i ?? 0);
      const was = stored.sigs;
      if (i !== undefined && was[at] === sig[0] && was[at + 1] === sig[1] && was[at + 2] === sig[2] && was[at + 3] === sig[3]) {
        const fact: FileFact = { sig, hash: stored.hashes[i] as string, length: stored.lengths[i] as number };
        const sources = storedSources(stored.sources[i]);
        if (sources !== undefined) fact.sources = sources;
        this.current.set(abs, fact);
        return fact;
      }
    }
    const text = this.text(abs);
    let fact: FileFact | undefined;
    if (text !== undefined) {
      fact = { ...(sig ? { sig } : {}), hash: this.stored === undefined ? '' : contentHash(text), length: text.length };
    }
    this.current.set(abs, fact);
    // Only a fact the next run can trust is worth saving the cache for.
    if (fact?.sig !== undefined) this.changed = true;
    return fact;
  }

  /** The text of a file (read now if this run has not read it). */
  text(abs: string): string | undefined {
    if (!this.texts.has(abs)) {
      const text = readTextFileSync(abs);
      if (text === undefined) return undefined;
      this.texts.set(abs, text);
    }
    return this.texts.get(abs);
  }

  /** The content hash of a file, '' when it cannot be read. */
  hash(abs: string): string {
    const fact = this.get(abs);
    if (fact === undefined) return '';
    if (fact.hash === '') fact.hash = contentHash(this.text(abs) ?? '');
    return fact.hash;
  }

  /** The module sources of a file, computed from its text once. */
  sources(abs: string, compute: (text: string) => string[] | 'unsure'): string[] | 'unsure' | undefined {
    const fact = this.get(abs);
    if (fact === undefined) return undefined;
    if (fact.sources === undefined) {
      const text = this.text(abs);
      if (text === undefined) return undefined;
      const sources = compute(text);
      this.current.set(abs, { ...fact, sources });
      if (fact.sig !== undefined) this.changed = true;
      return sources;
    }
    return fact.sources;
  }

  /** The facts of this run the next can trust, as they are kept. */
  toStored(): StoredFacts {
    const out: StoredFacts = { paths: [], sigs: [], hashes: [], lengths: [], sources: [] };
    for (const [abs, fact] of this.current) {
      if (fact?.sig === undefined) continue;
      out.paths.push(abs);
      out.sigs.push(...fact.sig);
      out.hashes.push(fact.hash);
      out.lengths.push(fact.length);
      const sources = fact.sources;
      out.sources.push(sources === undefined ? null : sources !== 'unsure' && sources.length === 0 ? 0 : sources);
    }
    return out;
  }
}
