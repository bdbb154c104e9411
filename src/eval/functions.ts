// The Terraform functions lblint evaluates. Any other function is an explicit Unknown.

import { Unknown, type Range, type Value } from '../types.js';
import {
  asBool,
  asNumber,
  asString,
  EvalError,
  findUnknown,
  setKey,
  sortedKeys,
  valuesEqual,
  type ValueObject,
} from './values.js';
import { fail, int, list, num, obj, str, FunctionError, type FunctionDef } from './function-args.js';
import { cidrhost, cidrnetmask, cidrsubnet, formatIP, parsePrefix } from './function-cidr.js';
import { format, jsonEncode } from './function-format.js';

// ---------------------------------------------------------------- collections

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function distinct(items: Value[]): Value[] {
  const out: Value[] = [];
  for (const x of items) if (!out.some((y) => valuesEqual(x, y))) out.push(x);
  return out;
}

/** Terraform sets: deduplicated; strings sorted lexically, numbers numerically. */
function toSet(items: Value[]): Value[] {
  const unique = distinct(items);
  if (unique.every((x) => typeof x === 'number')) return (unique as number[]).sort((a, b) => a - b);
  if (unique.every((x) => x !== null && typeof x !== 'object')) return distinct(unique.map((x) => asString(x) as string)).sort((a, b) => compareStrings(a as string, b as string));
  return unique;
}

function flatten(items: Value[]): Value[] | Unknown {
  const out: Value[] = [];
  for (const x of items) {
    if (x instanceof Unknown) return x;
    if (Array.isArray(x)) {
      const inner = flatten(x);
      if (inner instanceof Unknown) return inner;
      out.push(...inner);
    } else out.push(x);
  }
  return out;
}

function lookupKey(o: ValueObject, key: string): Value | undefined {
  return Object.prototype.hasOwnProperty.call(o, key) ? (o[key] as Value) : undefined;
}

function rangeFn(args: Value[]): Value[] {
  const nums = args.map((a) => num(a));
  const [start, limit, step] = nums.length === 1 ? [0, nums[0] as number, 1] : [nums[0] as number, nums[1] as number, nums[2] ?? ((nums[0] as number) <= (nums[1] as number) ? 1 : -1)];
  if (step === 0) fail('range() step must not be zero');
  const out: number[] = [];
  for (let x = start; step > 0 ? x < limit : x > limit; x += step) {
    out.push(x);
    if (out.length > 1024) fail('range() would produce more than 1024 values');
  }
  return out;
}

function stringFn(f: (s: string, ...rest: Value[]) => Value, arity: [number, number]): FunctionDef {
  return { arity, fn: (args) => f(str(args[0]), ...args.slice(1)) };
}

const FUNCTIONS: Record<string, FunctionDef> = {
  cidrsubnet: { arity: [3, 3], fn: ([p, b, n]) => cidrsubnet(str(p, 'prefix'), int(b, 'newbits'), int(n, 'netnum')) },
  cidrsubnets: {
    arity: [1, Infinity],
    fn: ([p, ...bits]) => {
      const base = parsePrefix(str(p, 'prefix'));
      let next = base.ip;
      const end = base.ip + (1n << BigInt(base.bits - base.length));
      return bits.map((b) => {
        const length = base.length + int(b, 'newbits');
        if (length > base.bits) fail('insufficient address space');
        const size = 1n << BigInt(base.bits - length);
        const start = ((next + size - 1n) / size) * size;
        if (start + size > end) fail('not enough remaining address space');
        next = start + size;
        return `${formatIP(start, base.bits)}/${length}`;
      });
    },
  },
  cidrhost: { arity: [2, 2], fn: ([p, n]) => cidrhost(str(p, 'prefix'), int(n, 'hostnum')) },
  cidrnetmask: { arity: [1, 1], fn: ([p]) => cidrnetmask(str(p, 'prefix')) },
  format: { arity: [1, Infinity], fn: ([spec, ...rest]) => format(str(spec, 'format'), rest) },
  formatlist: {
    arity: [1, Infinity],
    fn: ([spec, ...rest]) => {
      const lengths = rest.filter(Array.isArray).map((l) => l.length);
      if (lengths.some((n) => n !== lengths[0])) fail('formatlist() lists must have the same length');
      const n = lengths[0] ?? 1;
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(format(str(spec, 'format'), rest.map((a) => (Array.isArray(a) ? (a[i] as Value) : a))));
      return out;
    },
  },
  join: { arity: [2, Infinity], fn: ([sep, ...lists]) => lists.flatMap((l) => list(l).map((x) => str(x, 'join element'))).join(str(sep, 'separator')) },
  split: { arity: [2, 2], fn: ([sep, s]) => (str(s) === '' ? [] : str(s).split(str(sep, 'separator'))) },
  concat: {
    arity: [0, Infinity],
    partial: true,
    fn: (args) => {
      const u = args.find((a) => a instanceof Unknown);
      if (u) return u;
      return args.flatMap((a) => list(a));
    },
  },
  element: {
    arity: [2, 2],
    partial: true,
    fn: ([l, i]) => {
      if (l instanceof Unknown) return l;
      if (i instanceof Unknown) return i;
      const items = list(l);
      const n = int(i, 'index');
      if (!items.length) fail('cannot use element() with an empty list');
      if (n < 0) fail('element() index must not be negative');
      return items[n % items.length] as Value;
    },
  },
  lookup: {
    arity: [2, 3],
    partial: true,
    fn: ([m, k, d]) => {
      if (m instanceof Unknown) return m;
      if (k instanceof Unknown) return k;
      const v = lookupKey(obj(m), str(k, 'key'));
      if (v !== undefined) return v;
      if (d === undefined) fail(`the given key ${JSON.stringify(k)} does not exist in the map`);
      return d;
    },
  },
  tostring: {
    arity: [1, 1],
    fn: ([v]) => {
      if (v === null) return null;
      return str(v, 'value');
    },
  },
  tonumber: {
    arity: [1, 1],
    fn: ([v]) => {
      if (v === null) return null;
      const n = asNumber(v ?? null);
      if (n === undefined) fail(`cannot convert ${JSON.stringify(v)} to a number`);
      return n;
    },
  },
  tobool: {
    arity: [1, 1],
    fn: ([v]) => {
      if (v === null) return null;
      const b = asBool(v ?? null);
      if (b === undefined) fail(`cannot convert ${JSON.stringify(v)} to a bool`);
      return b;
    },
  },
  toset: { arity: [1, 1], fn: ([v]) => toSet(list(v)) },
  tolist: { arity: [1, 1], partial: true, fn: ([v]) => (v instanceof Unknown ? v : list(v)) },
  tomap: { arity: [1, 1], partial: true, fn: ([v]) => (v instanceof Unknown ? v : obj(v)) },
  length: {
    arity: [1, 1],
    partial: true,
    fn: ([v]) => {
      if (v instanceof Unknown) return v;
      if (typeof v === 'string') return [...v].length;
      if (Array.isArray(v)) return v.length;
      return Object.keys(obj(v)).length;
    },
  },
  merge: {
    arity: [0, Infinity],
    partial: true,
    fn: (args) => {
      const u = args.find((a) => a instanceof Unknown);
      if (u) return u;
      const out: ValueObject = {};
      for (const a of args) {
        if (a === null) continue;
        const o = obj(a);
        for (const k of Object.keys(o)) setKey(out, k, o[k] as Value);
      }
      return out;
    },
  },
  flatten: { arity: [1, 1], partial: true, fn: ([v]) => (v instanceof Unknown ? v : flatten(list(v))) },
  distinct: { arity: [1, 1], fn: ([v]) => distinct(list(v)) },
  setproduct: {
    arity: [2, Infinity],
    fn: (args) => {
      let out: Value[][] = [[]];
      for (const a of args) {
        const items = list(a);
        out = out.flatMap((prefix) => items.map((x) => [...prefix, x]));
        if (out.length > 1024) fail('setproduct() would produce more than 1024 values');
      }
      return out;
    },
  },
  keys: {
    arity: [1, 1],
    partial: true,
    fn: ([v]) => (v instanceof Unknown ? v : sortedKeys(obj(v))),
  },
  values: {
    arity: [1, 1],
    partial: true,
    fn: ([v]) => {
      if (v instanceof Unknown) return v;
      const o = obj(v);
      return sortedKeys(o).map((k) => o[k] as Value);
    },
  },
  contains: {
    arity: [2, 2],
    partial: true,
    fn: ([l, x]) => {
      if (l instanceof Unknown) return l;
      const ux = findUnknown(x ?? null);
      if (ux) return ux;
      const items = list(l);
      if (items.some((i) => !findUnknown(i) && valuesEqual(i, x ?? null))) return true;
      return items.map(findUnknown).find((u) => u) ?? false;
    },
  },
  coalesce: {
    arity: [1, Infinity],
    partial: true,
    fn: (args) => {
      for (const a of args) {
        if (a instanceof Unknown) return a;
        if (a !== null && a !== '') return a;
      }
      return fail('no non-null, non-empty-string arguments');
    },
  },
  coalescelist: {
    arity: [1, Infinity],
    partial: true,
    fn: (args) => {
      for (const a of args) {
        if (a instanceof Unknown) return a;
        if (list(a).length) return a;
      }
      return fail('no non-empty list arguments');
    },
  },
  compact: { arity: [1, 1], fn: ([v]) => list(v).filter((x) => x !== null && x !== '').map((x) => str(x)) },
  upper: stringFn((s) => s.toUpperCase(), [1, 1]),
  lower: stringFn((s) => s.toLowerCase(), [1, 1]),
  title: stringFn((s) => s.replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()), [1, 1]),
  trimspace: stringFn((s) => s.trim(), [1, 1]),
  chomp: stringFn((s) => s.replace(/(\r?\n)+$/, ''), [1, 1]),
  trim: stringFn((s, chars) => {
    const set = new Set(str(chars));
    let a = 0;
    let b = s.length;
    while (a < b && set.has(s[a] as string)) a++;
    while (b > a && set.has(s[b - 1] as string)) b--;
    return s.slice(a, b);
  }, [2, 2]),
  trimprefix: stringFn((s, p) => (s.startsWith(str(p)) ? s.slice(str(p).length) : s), [2, 2]),
  trimsuffix: stringFn((s, p) => (str(p) !== '' && s.endsWith(str(p)) ? s.slice(0, s.length - str(p).length) : s), [2, 2]),
  startswith: stringFn((s, p) => s.startsWith(str(p)), [2, 2]),
  endswith: stringFn((s, p) => s.endsWith(str(p)), [2, 2]),
  strrev: stringFn((s) => [...s].reverse().join(''), [1, 1]),
  substr: stringFn((s, o, l) => {
    const chars = [...s];
    let offset = int(o, 'offset');
    const length = int(l, 'length');
    if (offset < 0) offset += chars.length;
    return chars.slice(offset, length < 0 ? undefined : offset + length).join('');
  }, [3, 3]),
  replace: stringFn((s, search, repl) => {
    const from = str(search, 'substring');
    const to = str(repl, 'replacement');
    const re = /^\/(.*)\/$/s.exec(from);
    if (re) {
      let rx: RegExp;
      try {
        rx = new RegExp(re[1] as string, 'gu');
      } catch {
        return fail(`invalid regular expression ${from}`);
      }
      return s.replace(rx, to.replace(/\$\{(\w+)\}/g, '$$<$1>'));
    }
    return from === '' ? s : s.split(from).join(to);
  }, [3, 3]),
  range: { arity: [1, 3], fn: rangeFn },
  min: { arity: [1, Infinity], fn: (args) => Math.min(...args.map((a) => num(a))) },
  max: { arity: [1, Infinity], fn: (args) => Math.max(...args.map((a) => num(a))) },
  sum: { arity: [1, 1], fn: ([l]) => list(l).reduce<number>((acc, x) => acc + num(x), 0) },
  abs: { arity: [1, 1], fn: ([v]) => Math.abs(num(v)) },
  ceil: { arity: [1, 1], fn: ([v]) => Math.ceil(num(v)) },
  floor: { arity: [1, 1], fn: ([v]) => Math.floor(num(v)) },
  signum: { arity: [1, 1], fn: ([v]) => Math.sign(num(v)) },
  pow: { arity: [2, 2], fn: ([a, b]) => Math.pow(num(a), num(b)) },
  parseint: {
    arity: [2, 2],
    fn: ([s, b]) => {
      const base = int(b, 'base');
      const text = str(s);
      const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
      if (!new RegExp(`^[-+]?[${digits}]+$`, 'i').test(text)) fail(`cannot parse ${JSON.stringify(text)} as a base ${base} integer`);
      return parseInt(text, base);
    },
  },
  jsonencode: { arity: [1, 1], fn: ([v]) => jsonEncode(v ?? null) },
  jsondecode: {
    arity: [1, 1],
    fn: ([s]) => {
      try {
        return JSON.parse(str(s)) as Value;
      } catch {
        return fail('invalid JSON');
      }
    },
  },
  zipmap: {
    arity: [2, 2],
    partial: true,
    fn: ([k, v]) => {
      if (k instanceof Unknown) return k;
      if (v instanceof Unknown) return v;
      const ks = list(k, 'keys');
      const vs = list(v, 'values');
      if (ks.length !== vs.length) fail('zipmap() lists must have the same length');
      const u = ks.map(findUnknown).find((x) => x);
      if (u) return u;
      const out: ValueObject = {};
      ks.forEach((key, i) => setKey(out, str(key, 'key'), vs[i] as Value));
      return out;
    },
  },
  slice: {
    arity: [3, 3],
    partial: true,
    fn: ([l, a, b]) => {
      if (l instanceof Unknown) return l;
      if (a instanceof Unknown) return a;
      if (b instanceof Unknown) return b;
      const items = list(l);
      const start = int(a, 'start index');
      const end = int(b, 'end index');
      if (start < 0 || end > items.length || start > end) fail('slice() indexes are out of range');
      return items.slice(start, end);
    },
  },
  sort: { arity: [1, 1], fn: ([l]) => list(l).map((x) => str(x, 'sort element')).sort(compareStrings) },
  reverse: { arity: [1, 1], partial: true, fn: ([l]) => (l instanceof Unknown ? l : [...list(l)].reverse()) },
  one: {
    arity: [1, 1],
    partial: true,
    fn: ([l]) => {
      if (l instanceof Unknown) return l;
      const items = list(l);
      if (items.length > 1) fail('one() needs a list of at most one element');
      return items[0] ?? null;
    },
  },
  index: {
    arity: [2, 2],
    fn: ([l, x]) => {
      const i = list(l).findIndex((y) => valuesEqual(y, x ?? null));
      if (i < 0) fail('item not found');
      return i;
    },
  },
  alltrue: { arity: [1, 1], fn: ([l]) => list(l).every((x) => asBool(x) === true) },
  anytrue: { arity: [1, 1], fn: ([l]) => list(l).some((x) => asBool(x) === true) },
  setunion: { arity: [1, Infinity], fn: (args) => toSet(args.flatMap((a) => list(a))) },
  setintersection: { arity: [1, Infinity], fn: ([first, ...rest]) => toSet(list(first).filter((x) => rest.every((r) => list(r).some((y) => valuesEqual(x, y))))) },
  setsubtract: { arity: [2, 2], fn: ([a, b]) => toSet(list(a).filter((x) => !list(b).some((y) => valuesEqual(x, y)))) },
  chunklist: {
    arity: [2, 2],
    partial: true,
    fn: ([l, n]) => {
      if (l instanceof Unknown) return l;
      const items = list(l);
      const size = int(n, 'size');
      if (size < 0) fail('chunk size must not be negative');
      if (size === 0) return [items];
      const out: Value[] = [];
      for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
      return out;
    },
  },
  base64encode: stringFn((s) => Buffer.from(s, 'utf8').toString('base64'), [1, 1]),
  base64decode: stringFn((s) => Buffer.from(s, 'base64').toString('utf8'), [1, 1]),
};

/** Names of the functions that are evaluated (others yield an Unknown). */
export const evaluatedFunctions: readonly string[] = Object.keys(FUNCTIONS).sort();

export function callFunction(name: string, args: Value[], origin?: Range): Value {
  const def = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!def) return new Unknown(`function ${name}() is not evaluated`, origin);
  if (args.length < def.arity[0] || args.length > def.arity[1]) {
    const [lo, hi] = def.arity;
    const expected = lo === hi ? `${lo}` : hi === Infinity ? `at least ${lo}` : `${lo} to ${hi}`;
    return new EvalError(`${name}() takes ${expected} argument${expected === '1' ? '' : 's'}, got ${args.length}`, origin);
  }
  if (!def.partial) {
    for (const a of args) {
      const u = findUnknown(a);
      if (u) return u;
    }
  }
  try {
    return def.fn(args);
  } catch (e) {
    if (e instanceof FunctionError) return new EvalError(`${name}(): ${e.message}`, origin);
    throw e;
  }
}
