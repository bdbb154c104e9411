// What a run needs to know of a file without its text: its content hash, its length, and the
// module sources it calls. With `--cache` these facts are kept (in the result cache file) with the
// file's stat signature (size, modification and change times, inode); a file whose signature is
// unchanged is not read again, so a re-run with nothing changed reads only folder listings and
// file metadata. A file changed within the last few seconds is not trusted by its signature (a
// second change in the same clock tick would keep it): it is read and hashed next time.
import { statSync, type Stats } from 'node:fs';
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
  /**
   * Facts of this run, by absolute path: a file whose stored fact still holds is kept as the index
   * of that fact in the stored columns (no object per unchanged file); undefined: the file cannot
   * be read.
   */
  private readonly current = new Map<string, FileFact | number | undefined>();
  /** Texts read by this run. */
  readonly texts = new Map<string, string>();
  /** Whether this run made a fact the stored ones did not have. */
  changed = false;
  /** Where each stored path is in the stored columns (made only if a path is not where expected). */
  private storedAt: Map<string, number> | undefined;
  /** Where the next file asked for is expected in the stored columns: a run asks in the order of the last. */
  private cursor = 0;

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
    if (stored.paths[this.cursor] === abs) return this.cursor++;
    if (this.storedAt === undefined) {
      this.storedAt = new Map();
      for (let i = 0; i < stored.paths.length; i += 1) this.storedAt.set(stored.paths[i] as string, i);
    }
    const i = this.storedAt.get(abs);
    if (i !== undefined) this.cursor = i + 1;
    return i;
  }

  /** The fact of a file, or the index of its stored fact when its stat signature is unchanged. */
  private lookup(abs: string): FileFact | number | undefined {
    const known = this.current.get(abs);
    if (known !== undefined || this.current.has(abs)) return known;
    const stored = this.stored;
    if (stored === undefined) return this.make(abs, undefined);
    let s: Stats | undefined;
    try {
      s = statSync(abs, { throwIfNoEntry: false });
    } catch {
      s = undefined;
    }
    if (s === undefined || !s.isFile()) {
      // Not a file that can be stat'ed (most often one that does not exist: a root's
      // .terraform/modules/modules.json before `terraform init`): it cannot be read either.
      this.current.set(abs, undefined);
      return undefined;
    }
    // A signature is trusted once the file is a few seconds old.
    if (Math.max(s.mtimeMs, s.ctimeMs) >= this.now - RACY_MS) return this.make(abs, undefined);
    const i = this.storedIndex(stored, abs);
    const at = 4 * (i ?? 0);
    const was = stored.sigs;
    if (i !== undefined && was[at] === s.size && was[at + 1] === s.mtimeMs && was[at + 2] === s.ctimeMs && was[at + 3] === s.ino) {
      this.current.set(abs, i);
      return i;
    }
    return this.make(abs, [s.size, s.mtimeMs, s.ctimeMs, s.ino]);
  }

  /** A fact made from the file's text. */
  private make(abs: string, sig: Signature | undefined): FileFact | undefined {
    const text = this.text(abs);
    let fact: FileFact | undefined;
    if (text !== undefined) fact = { ...(sig ? { sig } : {}), hash: this.stored === undefined ? '' : contentHash(text), length: text.length };
    this.current.set(abs, fact);
    // Only a fact the next run can trust is worth saving the cache for.
    if (fact?.sig !== undefined) this.changed = true;
    return fact;
  }

  /** The stored fact at `i` as a FileFact. */
  private storedFact(i: number): FileFact {
    const stored = this.stored as StoredFacts;
    const sig = stored.sigs.slice(4 * i, 4 * i + 4) as unknown as Signature;
    const fact: FileFact = { sig, hash: stored.hashes[i] as string, length: stored.lengths[i] as number };
    const sources = storedSources(stored.sources[i]);
    if (sources !== undefined) fact.sources = sources;
    return fact;
  }

  /** The length of a file's text (undefined when it cannot be read): kept from an earlier run when its signature is unchanged. */
  length(abs: string): number | undefined {
    const fact = this.lookup(abs);
    return typeof fact === 'number' ? (this.stored as StoredFacts).lengths[fact] : fact?.length;
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
    const fact = this.lookup(abs);
    if (typeof fact === 'number') return (this.stored as StoredFacts).hashes[fact] as string;
    if (fact === undefined) return '';
    if (fact.hash === '') fact.hash = contentHash(this.text(abs) ?? '');
    return fact.hash;
  }

  /** The module sources of a file, computed from its text once. */
  sources(abs: string, compute: (text: string) => string[] | 'unsure'): string[] | 'unsure' | undefined {
    const found = this.lookup(abs);
    if (typeof found === 'number') {
      const kept = storedSources((this.stored as StoredFacts).sources[found]);
      if (kept !== undefined) return kept;
    }
    const fact = typeof found === 'number' ? this.storedFact(found) : found;
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
    const stored = this.stored;
    for (const [abs, fact] of this.current) {
      if (typeof fact === 'number' && stored !== undefined) {
        out.paths.push(abs);
        for (let k = 4 * fact; k < 4 * fact + 4; k += 1) out.sigs.push(stored.sigs[k] as number);
        out.hashes.push(stored.hashes[fact] as string);
        out.lengths.push(stored.lengths[fact] as number);
        out.sources.push(stored.sources[fact] ?? null);
        continue;
      }
      if (typeof fact !== 'object' || fact.sig === undefined) continue;
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
