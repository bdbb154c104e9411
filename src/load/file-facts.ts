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
  /** Stat signature when the fact was made ('' when it must not be trusted). */
  sig: string;
  /** Content hash ('' until asked for). */
  hash: string;
  /** Length of the text in UTF-16 units (a job's weight). */
  length: number;
  /** Literal module sources the file calls ('unsure' when one is computed), once the planner asked. */
  sources?: string[] | 'unsure';
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

function isFact(v: unknown): v is FileFact {
  if (v === null || typeof v !== 'object') return false;
  const f = v as Record<string, unknown>;
  const sources = f['sources'];
  return (
    typeof f['sig'] === 'string' &&
    typeof f['hash'] === 'string' &&
    typeof f['length'] === 'number' &&
    (sources === undefined || sources === 'unsure' || (Array.isArray(sources) && sources.every((s) => typeof s === 'string')))
  );
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

  /** The signature of a file now, and whether it is old enough to be trusted; undefined when it cannot be stat'ed. */
  private signature(abs: string): { sig: string; trusted: boolean } | undefined {
    try {
      const s = statSync(abs);
      if (!s.isFile()) return undefined;
      return { sig: `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`, trusted: Math.max(s.mtimeMs, s.ctimeMs) < this.now - RACY_MS };
    } catch {
      return undefined;
    }
  }

  /** The fact of a file: kept from an earlier run when its signature is unchanged, else from its text. */
  get(abs: string): FileFact | undefined {
    if (this.current.has(abs)) return this.current.get(abs);
    const sig = this.stored === undefined ? undefined : this.signature(abs);
    const old = sig === undefined ? undefined : this.stored?.get(abs);
    if (sig !== undefined && sig.trusted && isFact(old) && old.sig === sig.sig) {
      this.current.set(abs, old);
      return old;
    }
    const text = this.text(abs);
    let fact: FileFact | undefined;
    if (text !== undefined) {
      fact = { sig: sig?.trusted === true ? sig.sig : '', hash: this.stored === undefined ? '' : contentHash(text), length: text.length };
    }
    this.current.set(abs, fact);
    // Only a fact the next run can trust is worth saving the cache for.
    if (fact !== undefined && fact.sig !== '') this.changed = true;
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
      if (fact.sig !== '') this.changed = true;
      return sources;
    }
    return fact.sources;
  }

  /** The facts of this run, to be kept for the next. */
  toJSON(): Record<string, FileFact> {
    const out: Record<string, FileFact> = {};
    for (const [abs, fact] of this.current) if (fact !== undefined && fact.sig !== '') out[abs] = fact;
    return out;
  }
}
