// Evaluates parsed expressions against a scope. Whatever cannot be known becomes an Unknown;
// nothing here throws on bad input.

import { OneOf, Unknown, type Range, type Value } from '../types.js';
import { callFunction } from './functions.js';
import type { Expr, Step, TemplatePart } from './parser.js';
import { printExpr } from './print.js';
import {
  asBool,
  asNumber,
  asString,
  error,
  extendUnknown,
  findError,
  findUnknown,
  computedReason,
  formatPath,
  isErrorValue,
  isObject,
  setKey,
  sortedKeys,
  typeName,
  valuesEqual,
  type ValueObject,
} from './values.js';

/**
 * Something a reference names whose value is built on demand: a resource with its
 * instances, one instance (attributes evaluated lazily), a module call. Traversal steps are
 * applied to it until the end of the expression, where it is materialized into a Value.
 */
export abstract class Handle {
  abstract attr(name: string, origin?: Range): Value | Handle;
  abstract index(key: Value, origin?: Range): Value | Handle;
  abstract materialize(): Value;
  /** The elements a splat (`x[*]`) iterates over. */
  splatItems(): (Value | Handle)[] | Unknown {
    const v = this.materialize();
    if (v instanceof Unknown) return v;
    return Array.isArray(v) ? v : v === null ? [] : [v];
  }
}

export interface Scope {
  /** Where Unknowns created here point to (the attribute being evaluated). */
  origin: Range | undefined;
  /**
   * Resolves a root name. `attrs` are the attribute names that follow it in the traversal;
   * the resolver says how many it consumed (`var.x` consumes one, `data.t.n` two).
   */
  resolve(name: string, attrs: string[]): { value: Value | Handle; consumed: number };
}

/** A scope with extra names bound (for-expression variables, dynamic-block iterators). */
export function withBindings(parent: Scope, bindings: Record<string, Value>): Scope {
  return {
    origin: parent.origin,
    resolve: (name, attrs) => (Object.prototype.hasOwnProperty.call(bindings, name) ? { value: bindings[name] as Value, consumed: 0 } : parent.resolve(name, attrs)),
  };
}

/** Objects that come from a resource: a key they lack is computed by the provider. */
const computedObjects = new WeakMap<object, { address: string; path: (string | number)[] }>();

/** Deep copy of `v` whose objects are marked as attributes of `address` at `path`. */
export function markComputed(v: Value, address: string, path: (string | number)[]): Value {
  if (Array.isArray(v)) return v.map((x, i) => markComputed(x, address, [...path, i]));
  if (isObject(v)) {
    const o: ValueObject = {};
    for (const k of Object.keys(v)) setKey(o, k, markComputed(v[k] as Value, address, [...path, k]));
    computedObjects.set(o, { address, path });
    return o;
  }
  return v;
}

/** Marks an already-built object as a resource object (without copying it). */
export function markObject(o: ValueObject, address: string, path: (string | number)[]): ValueObject {
  computedObjects.set(o, { address, path });
  return o;
}

export function afterApply(address: string, path: (string | number)[], origin?: Range): Unknown {
  return new Unknown(computedReason(address, `${address}${formatPath(path)}`), origin, { address, path }, undefined, { originAddress: `${address}${formatPath(path)}` });
}

export function materialize(v: Value | Handle): Value {
  return v instanceof Handle ? v.materialize() : v;
}

export function evaluate(e: Expr, scope: Scope): Value {
  return materialize(evalRaw(e, scope));
}

function evalRaw(e: Expr, scope: Scope): Value | Handle {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'error':
      return error(`invalid expression: ${e.message}`, scope.origin);
    case 'template':
      return plain(evalTemplate(e.parts, scope));
    case 'tuple':
      return e.items.map((x) => evaluate(x, scope));
    case 'object':
      return evalObject(e.items, scope);
    case 'variable': {
      const r = scope.resolve(e.name, []);
      return r.value;
    }
    case 'traversal':
      return evalTraversal(e.root, e.steps, scope);
    // Functions, operators, templates and for expressions make new values: what they pass
    // through from an undecided conditional is its unknown condition, not one of its branches.
    case 'call': {
      // A function passes an unknown element on (`element(x.*.id, 0)`): name the call.
      const v = plain(evalCall(e, scope));
      return v instanceof Unknown ? named(v, e, scope) : v;
    }
    case 'unary':
      return plain(evalUnary(e.op, evaluate(e.operand, scope), scope));
    case 'binary':
      return plain(evalBinary(e.op, e.left, e.right, scope));
    case 'conditional':
      return evalConditional(e, scope);
    case 'for':
      return plain(evalFor(e, scope));
  }
}

/** The unknown condition of an undecided conditional, without its branches. */
function plain(v: Value): Value {
  return v instanceof OneOf ? new Unknown(v.reason, v.origin, undefined, v.expression, { cause: v }) : v;
}

function evalObject(items: { key: Expr; value: Expr }[], scope: Scope): Value {
  const out: ValueObject = {};
  for (const item of items) {
    const k = evaluate(item.key, scope);
    if (k instanceof Unknown) return k;
    const key = asString(k);
    if (key === undefined) return error(`object key must be a string, not ${typeName(k)}`, scope.origin);
    setKey(out, key, evaluate(item.value, scope));
  }
  return out;
}

function evalTraversal(root: Expr, steps: Step[], scope: Scope): Value | Handle {
  const result = traverse(root, steps, scope);
  return result instanceof Unknown ? named(result, { kind: 'traversal', root, steps }, scope) : result;
}

/**
 * The Unknown a reference evaluated to, naming the reference as the user wrote it, unless it
 * already names a smaller one (the unknown index in `x[var.i].id`). A value computed by the
 * provider is then said to be known only after apply under that name, not under a path rebuilt
 * from instance keys (`x[count.index].id`, not `x[0].id`).
 */
function named(u: Unknown, e: Expr, scope: Scope): Unknown {
  if (u.expression !== undefined || u instanceof OneOf || isErrorValue(u as unknown)) return u;
  const text = e.kind === 'traversal' && e.root.kind === 'variable' && e.steps.length === 0 ? e.root.name : printExpr(e);
  const computed = u.ref !== undefined && u.reason === computedReason(u.ref.address, `${u.ref.address}${formatPath(u.ref.path)}`);
  return new Unknown(computed && u.ref ? computedReason(u.ref.address, text) : u.reason, u.origin, u.ref, { text, ...(scope.origin ? { range: scope.origin } : {}) }, { cause: u });
}

function traverse(root: Expr, steps: Step[], scope: Scope): Value | Handle {
  let cur: Value | Handle;
  let rest = steps;
  if (root.kind === 'variable') {
    const attrs: string[] = [];
    for (const s of steps) {
      if (s.kind !== 'attr') break;
      attrs.push(s.name);
    }
    const r = scope.resolve(root.name, attrs);
    cur = r.value;
    rest = steps.slice(r.consumed);
  } else cur = evalRaw(root, scope);
  return applySteps(cur, rest, scope);
}

function applySteps(cur: Value | Handle, steps: Step[], scope: Scope): Value | Handle {
  for (const step of steps) cur = applyStep(cur, step, scope);
  return cur;
}

function applyStep(cur: Value | Handle, step: Step, scope: Scope): Value | Handle {
  if (step.kind === 'attr') return cur instanceof Handle ? cur.attr(step.name, scope.origin) : getAttr(cur, step.name, scope.origin);
  if (step.kind === 'index') {
    const key = evaluate(step.key, scope);
    if (key instanceof Unknown) return cur instanceof Unknown && !(cur instanceof OneOf) ? cur : plain(key);
    return cur instanceof Handle ? cur.index(key, scope.origin) : indexValue(cur, key, scope.origin);
  }
  if (cur instanceof OneOf) return eachChoice(cur, (c) => materialize(applyStep(c, step, scope)));
  let items: (Value | Handle)[];
  if (cur instanceof Handle) {
    const s = cur.splatItems();
    if (s instanceof Unknown) return s;
    items = s;
  } else if (cur instanceof Unknown) return cur;
  else items = Array.isArray(cur) ? cur : cur === null ? [] : [cur];
  return items.map((item) => materialize(applySteps(item, step.steps, scope)));
}

/**
 * The value read from an attribute of a resource, carrying the attribute's identity when the
 * value is not known (`name = var.x` without default: still `huaweicloud_networking_secgroup.test.name`).
 * An Unknown that already names a resource attribute keeps it (it names the origin of the value).
 */
export function withIdentity(v: Value, address: string, path: (string | number)[]): Value {
  // (EvalError is an Unknown in shape: check it without narrowing `v`.)
  if (!(v instanceof Unknown) || v.ref !== undefined || v instanceof OneOf || isErrorValue(v as unknown)) return v;
  return new Unknown(v.reason, v.origin, { address, path }, v.expression, { cause: v });
}

/** Applies one step to each choice of a conditional whose condition is not known. */
function eachChoice(v: OneOf, step: (choice: Value) => Value): OneOf {
  return new OneOf(v.reason, v.origin, v.choices.map(step), v.expression, { cause: v });
}

export function getAttr(v: Value, name: string, origin?: Range): Value {
  if (v instanceof OneOf) return eachChoice(v, (c) => getAttr(c, name, origin));
  if (v instanceof Unknown) return extendUnknown(v, name, origin);
  if (isObject(v)) {
    const computed = computedObjects.get(v);
    if (Object.prototype.hasOwnProperty.call(v, name)) {
      const value = v[name] as Value;
      return computed ? withIdentity(value, computed.address, [...computed.path, name]) : value;
    }
    if (computed) return afterApply(computed.address, [...computed.path, name], origin);
    return error(`object has no attribute "${name}"`, origin);
  }
  if (v === null) return error(`cannot read attribute "${name}" of null`, origin);
  return error(`cannot read attribute "${name}" of a ${typeName(v)}`, origin);
}

export function indexValue(v: Value, key: Value, origin?: Range): Value {
  if (v instanceof OneOf) return eachChoice(v, (c) => indexValue(c, key, origin));
  if (v instanceof Unknown) {
    const k = typeof key === 'number' ? key : asString(key);
    return k === undefined ? v : extendUnknown(v, k, origin);
  }
  if (Array.isArray(v)) {
    const n = asNumber(key);
    if (n === undefined || !Number.isInteger(n)) return error(`list index must be a whole number, not ${JSON.stringify(key)}`, origin);
    if (n < 0 || n >= v.length) return error(`index ${n} out of range for a list of ${v.length}`, origin);
    return v[n] as Value;
  }
  if (isObject(v)) {
    const k = asString(key);
    if (k === undefined) return error(`map key must be a string, not ${typeName(key)}`, origin);
    return getAttr(v, k, origin);
  }
  return error(`cannot index a ${typeName(v)}`, origin);
}

/** Converts an interpolated value to its string form, or returns the Unknown/error it yields. */
function interpolate(v: Value, origin?: Range): string | Unknown {
  if (v instanceof Unknown) return v;
  const s = asString(v);
  if (s !== undefined) return s;
  if (v === null) return error('cannot interpolate a null value', origin);
  return error(`cannot interpolate a ${typeName(v)} into a string`, origin);
}

function evalTemplate(parts: TemplatePart[], scope: Scope): Value {
  let out = '';
  for (const p of parts) {
    switch (p.kind) {
      case 'lit':
        out += p.value;
        break;
      case 'interp': {
        const s = interpolate(evaluate(p.expr, scope), scope.origin);
        if (s instanceof Unknown) return s;
        out += s;
        break;
      }
      case 'if': {
        const c = evaluate(p.cond, scope);
        if (c instanceof Unknown) return c;
        const b = asBool(c);
        if (b === undefined) return error('template condition must be a bool', scope.origin);
        const s = evalTemplate(b ? p.then : p.else, scope);
        if (typeof s !== 'string') return s;
        out += s;
        break;
      }
      case 'for': {
        const entries = iterate(evaluate(p.collection, scope), scope.origin);
        if (entries instanceof Unknown) return entries;
        for (const [k, v] of entries) {
          const bindings: Record<string, Value> = { [p.valueVar]: v };
          if (p.keyVar !== undefined) bindings[p.keyVar] = k;
          const s = evalTemplate(p.body, withBindings(scope, bindings));
          if (typeof s !== 'string') return s;
          out += s;
        }
        break;
      }
    }
  }
  return out;
}

/** The [key, value] pairs a `for` iterates: list index or map key in sorted order. */
function iterate(coll: Value, origin?: Range): [Value, Value][] | Unknown {
  if (coll instanceof Unknown) return coll;
  if (Array.isArray(coll)) return coll.map((v, i) => [i, v]);
  if (isObject(coll)) return sortedKeys(coll).map((k) => [k, coll[k] as Value]);
  return error(`cannot iterate over a ${typeName(coll)}`, origin);
}

function evalFor(e: Extract<Expr, { kind: 'for' }>, scope: Scope): Value {
  const entries = iterate(evaluate(e.collection, scope), scope.origin);
  if (entries instanceof Unknown) return entries;
  const list: Value[] = [];
  const obj: ValueObject = {};
  for (const [k, v] of entries) {
    const bindings: Record<string, Value> = { [e.valueVar]: v };
    if (e.keyVar !== undefined) bindings[e.keyVar] = k;
    const inner = withBindings(scope, bindings);
    if (e.cond) {
      const c = evaluate(e.cond, inner);
      if (c instanceof Unknown) return c;
      const b = asBool(c);
      if (b === undefined) return error('for condition must be a bool', scope.origin);
      if (!b) continue;
    }
    const value = evaluate(e.valueExpr, inner);
    if (!e.keyExpr) {
      list.push(value);
      continue;
    }
    const kv = evaluate(e.keyExpr, inner);
    if (kv instanceof Unknown) return kv;
    const key = asString(kv);
    if (key === undefined) return error(`for key must be a string, not ${typeName(kv)}`, scope.origin);
    const has = Object.prototype.hasOwnProperty.call(obj, key);
    if (e.group) {
      if (has) (obj[key] as Value[]).push(value);
      else setKey(obj, key, [value]);
    } else if (has) return error(`duplicate key "${key}" in for expression (use ... to group)`, scope.origin);
    else setKey(obj, key, value);
  }
  return e.keyExpr ? obj : list;
}

function evalConditional(e: Extract<Expr, { kind: 'conditional' }>, scope: Scope): Value {
  const c = evaluate(e.cond, scope);
  if (c instanceof Unknown) {
    const a = evaluate(e.then, scope);
    const b = evaluate(e.else, scope);
    if (!findUnknown(a) && !findUnknown(b) && valuesEqual(a, b)) return a;
    // Either branch may be taken: keep both, so that a verdict the same for both still holds.
    if (isErrorValue(c as unknown) || isErrorValue(a as unknown) || isErrorValue(b as unknown)) return c;
    const choices = [a, b].flatMap((x) => (x instanceof OneOf ? x.choices : [x]));
    return new OneOf(c.reason, c.origin ?? scope.origin, choices, c.expression, { cause: c });
  }
  const b = asBool(c);
  if (b === undefined) return error(`condition must be a bool, not ${typeName(c)}`, scope.origin);
  return evaluate(b ? e.then : e.else, scope);
}

function evalUnary(op: '!' | '-', v: Value, scope: Scope): Value {
  if (v instanceof Unknown) return v;
  if (op === '!') {
    const b = asBool(v);
    return b === undefined ? error(`! needs a bool, not ${typeName(v)}`, scope.origin) : !b;
  }
  const n = asNumber(v);
  return n === undefined ? error(`- needs a number, not ${typeName(v)}`, scope.origin) : -n;
}

function evalBinary(op: string, le: Expr, re: Expr, scope: Scope): Value {
  const l = evaluate(le, scope);
  const r = evaluate(re, scope);
  if (op === '&&' || op === '||') {
    const lb = l instanceof Unknown ? l : asBool(l);
    const rb = r instanceof Unknown ? r : asBool(r);
    if (lb === undefined || rb === undefined) return error(`${op} needs bools`, scope.origin);
    // A known side can decide the result on its own (false && x, true || x).
    const decisive = op === '||';
    if (lb === decisive || rb === decisive) return decisive;
    if (lb instanceof Unknown) return lb;
    if (rb instanceof Unknown) return rb;
    return !decisive;
  }
  if (op === '==' || op === '!=') {
    const u = findUnknown(l) ?? findUnknown(r);
    if (u) return u;
    return valuesEqual(l, r) === (op === '==');
  }
  if (l instanceof Unknown) return l;
  if (r instanceof Unknown) return r;
  const a = asNumber(l);
  const b = asNumber(r);
  if (a === undefined || b === undefined) return error(`${op} needs numbers, not ${typeName(l)} and ${typeName(r)}`, scope.origin);
  switch (op) {
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? error('division by zero', scope.origin) : a / b;
    case '%':
      return b === 0 ? error('modulo by zero', scope.origin) : a % b;
  }
  return error(`unknown operator ${op}`, scope.origin);
}

function evalCall(e: Extract<Expr, { kind: 'call' }>, scope: Scope): Value {
  if (e.name === 'try') {
    for (const arg of e.args) {
      const v = evaluate(arg, scope);
      if (findError(v)) continue;
      return v;
    }
    return error('no argument of try() could be evaluated', scope.origin);
  }
  if (e.name === 'can') {
    if (e.args.length !== 1) return error('can() takes one argument', scope.origin);
    const v = evaluate(e.args[0] as Expr, scope);
    if (findError(v)) return false;
    const u = findUnknown(v);
    return u ?? true;
  }
  const args = e.args.map((a) => evaluate(a, scope));
  if (e.expandFinal) {
    const last = args.pop();
    if (last instanceof Unknown) return last;
    if (!Array.isArray(last)) return error(`the argument expanded with ... must be a list, not ${typeName(last ?? null)}`, scope.origin);
    args.push(...last);
  }
  const err = args.find(isErrorValue);
  if (err) return err;
  return callFunction(e.name, args, scope.origin);
}
