// JSON (from hcl2json, Terraform JSON syntax or tfvars.json) into values: every string of
// configuration JSON is a template; literal JSON stays as it is.
import { Unknown, type Range, type Value } from '../types.js';
import { evaluate, type Scope } from './expression.js';
import { parseTemplate } from './parser.js';
import { asString, error, setKey, typeName, type ValueObject } from './values.js';
import { isBody } from './config.js';

/** Evaluates JSON from hcl2json or Terraform JSON syntax: every string is a template. */
export function evaluateJson(json: unknown, scope: Scope): Value {
  if (typeof json === 'string') return evaluate(parseTemplate(json), scope);
  if (typeof json === 'number' || typeof json === 'boolean' || json === null) return json;
  if (Array.isArray(json)) return json.map((x) => evaluateJson(x, scope));
  if (isBody(json)) {
    const out: ValueObject = {};
    for (const [k, v] of Object.entries(json)) {
      const key = evaluateKey(k, scope);
      if (key instanceof Unknown) return key;
      setKey(out, key, evaluateJson(v, scope));
    }
    return out;
  }
  return null;
}

export function evaluateKey(k: string, scope: Scope): string | Unknown {
  if (!k.includes('{')) return k;
  const v = evaluate(parseTemplate(k), scope);
  if (v instanceof Unknown) return v;
  return asString(v) ?? error(`object key must be a string, not ${typeName(v)}`, scope.origin);
}

/** JSON that is literal in its source (tfvars.json, variable defaults in .tf.json). */
/** JSON → Value (objects keep their keys as they are). */
export function literalJson(json: unknown): Value {
  if (Array.isArray(json)) return json.map(literalJson);
  if (isBody(json)) {
    const out: ValueObject = {};
    for (const [k, v] of Object.entries(json)) setKey(out, k, literalJson(v));
    return out;
  }
  return typeof json === 'string' || typeof json === 'number' || typeof json === 'boolean' ? json : null;
}

export function withOrigin(scope: Scope, origin: Range | undefined): Scope {
  return { origin, resolve: scope.resolve };
}

/** A scope where no names exist (tfvars values, -var values). */
export function constantScope(origin?: Range): Scope {
  return { origin, resolve: (name) => ({ value: error(`"${name}" cannot be referenced here`, origin), consumed: 0 }) };
}
