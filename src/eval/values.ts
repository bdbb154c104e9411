// Helpers over `Value`: errors as Unknowns, deep checks, equality, conversions.

import { Unknown, type Range, type Value } from '../types.js';

/**
 * An expression that Terraform would reject (missing key, wrong type, index out of range).
 * It is an Unknown for every later layer; `try()` and `can()` tell it apart from a value
 * that is merely not known yet.
 */
export class EvalError extends Unknown {}

export type ValueObject = { [key: string]: Value };

export function isObject(v: Value | undefined): v is ValueObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown);
}

export function isErrorValue(v: unknown): v is EvalError {
  return v instanceof EvalError;
}

/** The first Unknown anywhere inside `v` (depth first), if any. */
export function findUnknown(v: Value): Unknown | undefined {
  if (v instanceof Unknown) return v;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = findUnknown(x);
      if (u) return u;
    }
  } else if (isObject(v)) {
    for (const k of Object.keys(v)) {
      const u = findUnknown(v[k] as Value);
      if (u) return u;
    }
  }
  return undefined;
}

/** The first EvalError anywhere inside `v`, if any. */
export function findError(v: Value): EvalError | undefined {
  if (v instanceof EvalError) return v;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = findError(x);
      if (u) return u;
    }
  } else if (isObject(v)) {
    for (const k of Object.keys(v)) {
      const u = findError(v[k] as Value);
      if (u) return u;
    }
  }
  return undefined;
}

export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (v instanceof Unknown) return 'unknown';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/** Equality of known values (call only when neither side holds an Unknown). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i] as Value));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && valuesEqual(a[k] as Value, b[k] as Value));
  }
  return false;
}

/** Terraform's number → string conversion. */
export function numberToString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/** Converts a primitive to a string as Terraform does; undefined when it cannot. */
export function asString(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

export function asNumber(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

export function asBool(v: Value): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

export function error(message: string, origin?: Range): EvalError {
  return new EvalError(message, origin);
}

/** Sorts object keys the way Terraform iterates maps: lexically by UTF-8 bytes (≈ code units here). */
export function sortedKeys(o: ValueObject): string[] {
  return Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Sets a key without touching the prototype (a key may be `__proto__`). */
export function setKey(o: ValueObject, key: string, value: Value): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Why a value the provider computes is not known, said of `subject` (the attribute, or the
 * expression that reads it): a managed resource's is known only after apply; a data source's is
 * read when Terraform plans (lblint reads no cloud and no state).
 */
export function computedReason(address: string, subject: string): string {
  return address.startsWith('data.') || address.includes('.data.') ? `${subject} is read only when Terraform plans` : `${subject} is known only after apply`;
}

/** Extends an Unknown that names a resource attribute by one more step. */
export function extendUnknown(u: Unknown, step: string | number, origin?: Range): Unknown {
  if (!u.ref || u instanceof EvalError) return u;
  const path = [...u.ref.path, step];
  const ref = { address: u.ref.address, path };
  // Only a value computed by the provider is "known only after apply"; an attribute set from an
  // unknown value (`name = var.x`) keeps that reason, and its expression.
  if (u.reason !== computedReason(u.ref.address, `${u.ref.address}${formatPath(u.ref.path)}`)) return new Unknown(u.reason, u.origin ?? origin, ref, u.expression, { cause: u });
  return new Unknown(computedReason(u.ref.address, `${u.ref.address}${formatPath(path)}`), u.origin ?? origin, ref, undefined, { originAddress: `${u.ref.address}${formatPath(path)}` });
}

export function formatPath(path: (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}
