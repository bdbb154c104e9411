// The values an attribute may take when conditionals whose condition is not known are in it.
import { OneOf, type Value } from '../types.js';

/** Most picks of conditionals that one attribute is judged for (beyond: not decided). */
const MAX_PICKS = 16;

/**
 * The values `v` may take when conditionals with unknown conditions are in it (a `OneOf`, or a
 * list holding some): one per combination of picks. `[v]` when there is none, or too many.
 */
export function choicesOf(v: Value | undefined): (Value | undefined)[] {
  if (v instanceof OneOf) {
    const out = v.choices.flatMap((c) => choicesOf(c));
    return out.length <= MAX_PICKS ? out : [v];
  }
  if (!Array.isArray(v) || !v.some((x) => x instanceof OneOf)) return [v];
  let combos: Value[][] = [[]];
  for (const item of v) {
    const picks = choicesOf(item);
    combos = combos.flatMap((c) => picks.map((p) => [...c, p as Value]));
    if (combos.length > MAX_PICKS) return [v];
  }
  return combos;
}
