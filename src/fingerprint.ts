// Stable finding identities: the SARIF `partialFingerprints` value and the baseline key. They hash
// what a finding is about (rule, Terraform address, attribute), never where it is written, so
// moving unrelated lines or adding files does not change them.
import { createHash } from 'node:crypto';
import type { Finding } from './types.js';

/** Key of the fingerprint in SARIF `partialFingerprints` and in baselines. */
export const FINGERPRINT_KEY = 'lblintFingerprint/v1';

/** sha256(ruleId NUL address NUL attribute), 32 hex digits: independent of line numbers. */
export function fingerprintOf(ruleId: string, address: string, attribute?: string): string {
  return createHash('sha256').update(`${ruleId}\0${address}\0${attribute ?? ''}`).digest('hex').slice(0, 32);
}

/** Counts repeated fingerprint keys so that equal keys get `:2`, `:3`… in the order given. */
export class FingerprintCounter {
  private readonly seen = new Map<string, number>();
  next(hash: string): string {
    const n = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, n);
    return n === 1 ? hash : `${hash}:${n}`;
  }
}

/** The fingerprint of `f` before any `:2` suffix: a `--strict` note hashes its unknown's origin address, never its reason. */
export function findingFingerprint(f: Pick<Finding, 'ruleId' | 'address' | 'attribute' | 'fingerprintAttribute'>): string {
  return fingerprintOf(f.ruleId, f.address, f.fingerprintAttribute ?? f.attribute);
}

/** Fingerprints of `findings`, which must already be in the report order (sortFindings). */
export function assignFingerprints(sortedFindings: readonly Finding[]): Map<Finding, string> {
  const counter = new FingerprintCounter();
  const out = new Map<Finding, string>();
  for (const f of sortedFindings) out.set(f, f.fingerprint ?? counter.next(findingFingerprint(f)));
  return out;
}

/**
 * The fingerprints lblint gave `findings` before notes were keyed by their origin: a note's then
 * hashed `unknown:<reason>` (its `attribute`). Only for `--baseline` to match baselines written then.
 * Only the notes get one: every other finding hashes the same key both ways (and its repeats
 * number alike, since no note shares its key).
 */
export function assignLegacyFingerprints(sortedFindings: readonly Finding[]): Map<Finding, string> {
  const counter = new FingerprintCounter();
  const out = new Map<Finding, string>();
  for (const f of sortedFindings) if (f.fingerprintAttribute !== undefined) out.set(f, counter.next(fingerprintOf(f.ruleId, f.address, f.attribute)));
  return out;
}
