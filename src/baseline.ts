// Baselines: the fingerprints of the findings a repository already has, so that a run with
// `--baseline` reports only what is new. Pure: the CLI reads and writes the file through src/load.
import { FINGERPRINT_KEY } from './fingerprint.js';
import { compareStrings } from './report/sort.js';
import type { Finding } from './types.js';

export const BASELINE_VERSION = 1;
export const DEFAULT_BASELINE_FILE = 'lblint-baseline.json';

export interface BaselineEntry {
  fingerprint: string;
  /** For people reading the file in a diff; only `fingerprint` is compared. */
  ruleId: string;
  address: string;
}

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  fingerprintKey: typeof FINGERPRINT_KEY;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

/** The baseline of the current unsuppressed findings (suppressed ones already have their ignore comment), sorted by fingerprint. */
export function buildBaseline(findings: readonly Finding[], fingerprintOf: (f: Finding) => string): string {
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (f.suppression) continue;
    const fingerprint = fingerprintOf(f);
    entries.set(fingerprint, { fingerprint, ruleId: f.ruleId, address: f.address });
  }
  const sorted = [...entries.values()].sort((a, b) => compareStrings(a.fingerprint, b.fingerprint));
  const file: BaselineFile = { version: BASELINE_VERSION, fingerprintKey: FINGERPRINT_KEY, findings: sorted };
  return JSON.stringify(file, null, 2) + '\n';
}

/** The fingerprints of a baseline file; a clear error for anything else. */
export function parseBaseline(text: string, file: string): Set<string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BaselineError(`${file}: not a baseline: not valid JSON (${error instanceof Error ? error.message : String(error)}). Write one with --write-baseline.`);
  }
  const obj = raw as Partial<BaselineFile> | null;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new BaselineError(`${file}: not a baseline: expected a JSON object. Write one with --write-baseline.`);
  if (obj.version !== BASELINE_VERSION) {
    throw new BaselineError(`${file}: unsupported baseline version ${JSON.stringify(obj.version)}; this lblint reads version ${BASELINE_VERSION}. Write a new one with --write-baseline.`);
  }
  if (obj.fingerprintKey !== FINGERPRINT_KEY) {
    throw new BaselineError(`${file}: fingerprintKey is ${JSON.stringify(obj.fingerprintKey)}, expected "${FINGERPRINT_KEY}". Write a new one with --write-baseline.`);
  }
  if (!Array.isArray(obj.findings) || !obj.findings.every((e) => e && typeof e === 'object' && typeof (e as BaselineEntry).fingerprint === 'string')) {
    throw new BaselineError(`${file}: findings: expected a list of {"fingerprint": "…"} entries.`);
  }
  return new Set(obj.findings.map((e) => e.fingerprint));
}
