// count/for_each of resource and module blocks: lblint's own expansion, or Terraform's planned
// instance keys when a plan gives them; the memo that evaluates each value once.

import { Unknown, type BlockNode, type Range, type Value } from '../types.js';
import type { Scope } from './expression.js';
import { asNumber, asString, isObject, sortedKeys, typeName } from './values.js';
import { rangeOf, type Body } from './config.js';
import { evaluateJson } from './json.js';

/**
 * Instance keys that Terraform planned, by base address (`module.a["k"].T.N`, `module.a`):
 * `undefined` for a resource without count/for_each. Given, they replace lblint's own expansion.
 */
export type PlannedKeys = ReadonlyMap<string, readonly (number | string | undefined)[]>;

/** Memoized values with cycle detection. */
export class Memo {
  private readonly values = new Map<string, Value>();
  private readonly active = new Set<string>();
  get(key: string, compute: () => Value, onCycle: () => Value): Value {
    const have = this.values.get(key);
    if (have !== undefined || this.values.has(key)) return have as Value;
    if (this.active.has(key)) return onCycle();
    this.active.add(key);
    try {
      const v = compute();
      this.values.set(key, v);
      return v;
    } finally {
      this.active.delete(key);
    }
  }
}

export type Expansion =
  | { kind: 'single' }
  | { kind: 'count'; count: number }
  | { kind: 'for_each'; items: { key: string; value: Value }[] }
  | Unknown;

/** `count.index` or `each` of one expanded instance. */
export interface InstanceContext {
  count?: number;
  each?: { key: string; value: Value };
}

/** `[0]` / `["key"]` of an instance address ('' without a key). */
export function instanceSuffix(key: number | string | undefined): string {
  return key === undefined ? '' : typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** What an expansion needs of the module instance whose block it expands. */
export interface ExpansionSite {
  readonly planned: PlannedKeys | undefined;
  /** The module's scope, without count/each. */
  scope(origin: Range | undefined): Scope;
  diagnose(message: string, range?: Range): void;
}

/**
 * Expands count/for_each of a resource or module block, in its module's scope. With a plan,
 * Terraform's own expansion wins: the plan lists every managed instance; module calls and data
 * sources keep lblint's expansion when it is known (a module without resources is not in a plan).
 */
export function expandBlock(site: ExpansionSite, body: Body, block: BlockNode, what: string, kind: 'managed' | 'data' | 'module'): Expansion {
  const planned = site.planned;
  if (!planned) return ownExpansion(site, body, block, what);
  const keys = planned.get(what);
  if (kind !== 'managed') {
    const own = ownExpansion(site, body, block, what);
    if (!(own instanceof Unknown) || !keys) return own;
  }
  if (!keys || keys.length === 0) return { kind: 'count', count: 0 };
  if (keys.every((k) => k === undefined)) return { kind: 'single' };
  if (keys.every((k) => typeof k === 'number')) return { kind: 'count', count: Math.max(...(keys as number[])) + 1 };
  const own = 'for_each' in body ? ownExpansion(site, body, block, what) : undefined;
  const values = own && !(own instanceof Unknown) && own.kind === 'for_each' ? new Map(own.items.map((i) => [i.key, i.value])) : undefined;
  const strings = [...new Set(keys.map((k) => String(k)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    kind: 'for_each',
    items: strings.map((key) => ({
      key,
      value: values?.has(key)
        ? (values.get(key) as Value)
        : new Unknown(`each.value of ${what}[${JSON.stringify(key)}] is not known (Terraform planned the key, lblint cannot evaluate its for_each)`, rangeOf(block, 'for_each'), undefined, undefined, { originAddress: `${what}.for_each` }),
    })),
  };
}

function ownExpansion(site: ExpansionSite, body: Body, block: BlockNode, what: string): Expansion {
  if ('count' in body) {
    const origin = rangeOf(block, 'count');
    const v = evaluateJson(body['count'], site.scope(origin));
    if (v instanceof Unknown) return new Unknown(`count of ${what} is unknown: ${v.reason}`, origin, v.ref, undefined, { originAddress: `${what}.count`, cause: v });
    const n = asNumber(v);
    if (n === undefined || !Number.isInteger(n) || n < 0) {
      site.diagnose(`count of ${what} must be a whole number ≥ 0, not ${JSON.stringify(v)}`, origin);
      return { kind: 'count', count: 0 };
    }
    return { kind: 'count', count: n };
  }
  if ('for_each' in body) {
    const origin = rangeOf(block, 'for_each');
    const v = evaluateJson(body['for_each'], site.scope(origin));
    const unknown = (u: Unknown): Unknown => new Unknown(`for_each of ${what} is unknown: ${u.reason}`, origin, u.ref, undefined, { originAddress: `${what}.for_each`, cause: u });
    if (v instanceof Unknown) return unknown(v);
    if (Array.isArray(v)) {
      const keys = new Set<string>();
      for (const item of v) {
        if (item instanceof Unknown) return unknown(item);
        const s = asString(item);
        if (s === undefined) {
          site.diagnose(`for_each of ${what} must be a map or a set of strings`, origin);
          return { kind: 'for_each', items: [] };
        }
        keys.add(s);
      }
      return { kind: 'for_each', items: [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((key) => ({ key, value: key })) };
    }
    if (isObject(v)) return { kind: 'for_each', items: sortedKeys(v).map((key) => ({ key, value: v[key] as Value })) };
    site.diagnose(`for_each of ${what} must be a map or a set of strings, not ${typeName(v)}`, origin);
    return { kind: 'for_each', items: [] };
  }
  return { kind: 'single' };
}
