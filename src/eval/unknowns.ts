// Where the unknown values of an evaluation come from, by reason (for --strict notes).
import { Unknown, type EvalResult, type Range, type Value } from '../types.js';

/** Reason → origin of every Unknown in the evaluated values and skipped resources (first origin wins, in resource order). */
export function unknownOrigins(result: EvalResult): Map<string, Range> {
  const out = new Map<string, Range>();
  const visit = (v: Value): void => {
    if (v instanceof Unknown) {
      if (v.origin && !out.has(v.reason)) out.set(v.reason, v.origin);
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x);
    } else if (typeof v === 'object' && v !== null) {
      for (const x of Object.values(v)) visit(x);
    }
  };
  for (const r of result.resources) visit(r.values);
  for (const s of result.skipped) if (!out.has(s.reason)) out.set(s.reason, s.range);
  return out;
}
