// The model's Maybe values in the form of the net evaluators (NetUnknown for Unknown), and back:
// the net layer carries each Unknown as the opaque cause of the verdicts it taints.
import { netUnknown, open, parsePortSpec, type MaybeUnknown, type NetUnknown, type Open, type PortRange } from '../net/index.js';
import { Unknown, isUnknown, originAddressOf } from '../types.js';
import type { Maybe } from '../model/types.js';

export function lift<T>(v: Maybe<T>): MaybeUnknown<T> {
  return isUnknown(v) ? netUnknown(v.reason, v) : v;
}

export function unknownOf(v: Unknown): MaybeUnknown<never> {
  return netUnknown(v.reason, v);
}

/** An open input of a flow (net/decide.ts): every value of `among`, as `u` does not say which. */
export function openOf<T>(u: Unknown, among: T): Open<T> {
  return open(u.reason, among, u);
}

/** The model's Unknown that a net input or verdict reason comes from, if the model gave one. */
export function causeOf(u: NetUnknown | undefined): Unknown | undefined {
  return u?.cause instanceof Unknown ? u.cause : undefined;
}

/** Where an open input comes from, for cache keys: two inputs worded alike may come from different places. */
export function originKeyOf(u: NetUnknown): string {
  const cause = causeOf(u);
  return cause ? originAddressOf(cause) : '';
}

/**
 * The first reason of an undecided verdict as an Unknown: its text, with the Unknown of the input
 * it comes from as its cause (where that value comes from, and what keys a note about it).
 */
export function verdictUnknown(reasons: readonly NetUnknown[]): Unknown | undefined {
  const first = reasons[0];
  if (first === undefined) return undefined;
  const cause = causeOf(first);
  return new Unknown(first.unknown, cause?.origin, cause?.ref, cause?.expression, cause ? { cause } : undefined);
}

export function portSet(spec: Maybe<string> | undefined, invalid: (what: string) => MaybeUnknown<never>): MaybeUnknown<PortRange[] | 'all'> {
  if (spec === undefined || spec === '') return 'all';
  if (isUnknown(spec)) return unknownOf(spec);
  const parsed = parsePortSpec(spec);
  return parsed ?? invalid(`port range ${JSON.stringify(spec)}`);
}
