// Conversion of variable values to their declared `type` (string → number, optional
// attributes with defaults, …). Lenient: a value that does not fit stays as it is.

import { Unknown, type Value } from '../types.js';
import type { Expr } from './parser.js';
import { asBool, asNumber, asString, isObject, setKey, valuesEqual, type ValueObject } from './values.js';

const PRIMITIVES = new Set(['string', 'number', 'bool', 'any']);

/** Whether a CLI/env string for this type is taken as is (else it is parsed as HCL). */
export function isPrimitiveType(type: Expr): boolean {
  return type.kind === 'variable' && PRIMITIVES.has(type.name);
}

/** The value of a literal in a type expression (optional() defaults). */
function literalValue(e: Expr): Value {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'tuple':
      return e.items.map(literalValue);
    case 'object': {
      const out: ValueObject = {};
      for (const item of e.items) {
        const k = literalValue(item.key);
        const key = asString(k);
        if (key !== undefined) setKey(out, key, literalValue(item.value));
      }
      return out;
    }
    case 'unary':
      return e.op === '-' && e.operand.kind === 'literal' && typeof e.operand.value === 'number' ? -e.operand.value : null;
    default:
      return new Unknown('type default is not a literal');
  }
}

export function convertToType(v: Value, type: Expr): Value {
  if (v instanceof Unknown || v === null) return v;
  if (type.kind === 'variable') {
    if (type.name === 'string') return asString(v) ?? v;
    if (type.name === 'number') return asNumber(v) ?? v;
    if (type.name === 'bool') return asBool(v) ?? v;
    return v;
  }
  if (type.kind !== 'call') return v;
  const arg = type.args[0];
  if (!arg) return v;
  switch (type.name) {
    case 'list':
      return Array.isArray(v) ? v.map((x) => convertToType(x, arg)) : v;
    case 'set': {
      if (!Array.isArray(v)) return v;
      const out: Value[] = [];
      for (const x of v.map((y) => convertToType(y, arg))) if (!out.some((y) => valuesEqual(x, y))) out.push(x);
      return out.every((x) => typeof x === 'string') ? (out as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : out;
    }
    case 'map': {
      if (!isObject(v)) return v;
      const out: ValueObject = {};
      for (const k of Object.keys(v)) setKey(out, k, convertToType(v[k] as Value, arg));
      return out;
    }
    case 'tuple':
      if (!Array.isArray(v) || arg.kind !== 'tuple') return v;
      return v.map((x, i) => {
        const t = arg.items[i];
        return t ? convertToType(x, t) : x;
      });
    case 'object': {
      if (!isObject(v) || arg.kind !== 'object') return v;
      const out: ValueObject = {};
      for (const item of arg.items) {
        const key = item.key.kind === 'literal' ? asString(item.key.value) : item.key.kind === 'variable' ? item.key.name : undefined;
        if (key === undefined) continue;
        let attrType = item.value;
        let fallback: Value | undefined;
        if (attrType.kind === 'call' && attrType.name === 'optional') {
          fallback = attrType.args[1] ? literalValue(attrType.args[1]) : null;
          attrType = attrType.args[0] ?? { kind: 'variable', name: 'any' };
        }
        if (Object.prototype.hasOwnProperty.call(v, key) && v[key] !== null) setKey(out, key, convertToType(v[key] as Value, attrType));
        else if (fallback !== undefined) setKey(out, key, convertToType(fallback, attrType));
        else if (Object.prototype.hasOwnProperty.call(v, key)) setKey(out, key, null);
      }
      return out;
    }
    default:
      return v;
  }
}
