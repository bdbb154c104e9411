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

/** How a fact is kept in the cache file: one array per file (no key names to store and parse). */
export type StoredFact = [size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string, length: number, sources: string[] | 'unsure' | null];

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** A stored fact of the expected shape (the cache file is not trusted), or undefined. */
function storedFact(v: unknown): FileFact | undefined {
  if (!Array.isArray(v) || v.length !== 7) return undefined;
  const [size, mtimeMs, ctimeMs, ino, hash, length, sources] = v as unknown[];
  if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof ctimeMs !== 'number' || typeof ino !== 'number') return undefined;
  if (typeof hash !== 'string' || typeof length !== 'number') return undefined;
  if (!(sources === null || sources === 'unsure' || (Array.isArray(sources) && sources.every((s) => typeof s === 'string')))) return undefined;
  const fact: FileFact = { sig: [size, mtimeMs, ctimeMs, ino], hash, length };
  if (sources !== null) fact.sources = sources as string[] | 'unsure';
  return fact;
}

export class FileFacts {
  /** Facts of this run, by absolute path (undefined: the file cannot be read). */
  private readonly current = new Map<string, FileFact | undefined>();
  /** Texts read by this run. */
  readonly texts = new Map<string, string>();
  /** Whether this run made a fact the stored ones did not have. */
  changed = false;

  /**
   * `stored`: facts of an earlier run (untrusted JSON), or undefined without a cache: then every
   * file is read and nothing is stat'ed. `now`: this run's start (ms since epoch).
   */
  constructor(
    private readonly stored?: ReadonlyMap<string, unknown>,
    private readonly now = Date.now(),
  ) {}

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
    if (this.current.has(abs)) return this.current.get(abs);
    const sig = this.stored === undefined ? undefined : this.signature(abs);
    if (sig === undefined && this.stored !== undefined) {
      // Not a file that can be stat'ed (most often one that does not exist: a root's
      // .terraform/modules/modules.json before `terraform init`): it cannot be read either.
      this.current.set(abs, undefined);
      return undefined;
    }
    if (sig) {
      const old = storedFact(this.stored?.get(abs));
      const was = old?.sig;
      if (old !== undefined && was !== undefined && was[0] === sig[0] && was[1] === sig[1] && was[2] === sig[2] && was[3] === sig[3]) {
        this.current.set(abs, old);
        return old;
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

  /** The facts of this run the next can trust, by absolute path, as they are kept. */
  *toKeep(): Generator<[string, StoredFact]> {
    for (const [abs, fact] of this.current) {
      if (fact?.sig === undefined) continue;
      const [size, mtimeMs, ctimeMs, ino] = fact.sig;
      yield [abs, [size, mtimeMs, ctimeMs, ino, fact.hash, fact.length, fact.sources ?? null]];
    }
  }
}
