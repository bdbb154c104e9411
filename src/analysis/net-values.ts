// The model's Maybe values in the form of the net evaluators (NetUnknown for Unknown).
import { netUnknown, parsePortSpec, type MaybeUnknown, type PortRange } from '../net/index.js';
import { isUnknown, type Unknown } from '../types.js';
import type { Maybe } from '../model/types.js';

export function lift<T>(v: Maybe<T>): MaybeUnknown<T> {
  return isUnknown(v) ? netUnknown(v.reason) : v;
}

export function unknownOf(v: Unknown): MaybeUnknown<never> {
  return netUnknown(v.reason);
}

export function portSet(spec: Maybe<string> | undefined, invalid: (what: string) => MaybeUnknown<never>): MaybeUnknown<PortRange[] | 'all'> {
  if (spec === undefined || spec === '') return 'all';
  if (isUnknown(spec)) return unknownOf(spec);
  const parsed = parsePortSpec(spec);
  return parsed ?? invalid(`port range ${JSON.stringify(spec)}`);
}
