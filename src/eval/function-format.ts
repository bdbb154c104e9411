// Terraform's format and jsonencode.

import type { Value } from '../types.js';
import { asBool, asNumber, isObject, numberToString, sortedKeys } from './values.js';
import { fail, num, str } from './function-args.js';

// ---------------------------------------------------------------- formatting

/** Terraform's jsonencode: object keys sorted, `<`, `>`, `&` escaped as Go does. */
export function jsonEncode(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string')
    return JSON.stringify(v)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029');
  if (Array.isArray(v)) return `[${v.map(jsonEncode).join(',')}]`;
  if (isObject(v)) return `{${sortedKeys(v).map((k) => `${jsonEncode(k)}:${jsonEncode(v[k] as Value)}`).join(',')}}`;
  return fail('cannot encode an unknown value');
}

function pad(s: string, flags: string, width: string | undefined): string {
  const w = width ? Number(width) : 0;
  if (s.length >= w) return s;
  if (flags.includes('-')) return s.padEnd(w);
  return s.padStart(w, flags.includes('0') ? '0' : ' ');
}

export function format(spec: string, args: Value[]): string {
  let next = 0;
  const take = (): Value => {
    if (next >= args.length) fail(`not enough arguments for format ${JSON.stringify(spec)}`);
    return args[next++] as Value;
  };
  return spec.replace(/%([-+ #0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (_m, flags: string, width: string | undefined, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    const v = take();
    let s: string;
    switch (verb) {
      case 's':
        s = str(v, 'format %s argument');
        break;
      case 'd': {
        const n = num(v, 'format %d argument');
        if (!Number.isInteger(n)) fail('format %d needs a whole number');
        s = (flags.includes('+') && n >= 0 ? '+' : '') + numberToString(n);
        break;
      }
      case 'f':
      case 'e':
      case 'g': {
        const n = num(v, `format %${verb} argument`);
        const prec = precision === undefined ? 6 : Number(precision);
        s = verb === 'f' ? n.toFixed(prec) : verb === 'e' ? n.toExponential(prec) : String(n);
        break;
      }
      case 't': {
        const b = asBool(v);
        if (b === undefined) fail('format %t needs a bool');
        s = String(b);
        break;
      }
      case 'q':
        s = JSON.stringify(str(v, 'format %q argument'));
        break;
      case 'v':
        s = typeof v === 'string' ? v : jsonEncode(v);
        break;
      case 'x':
      case 'X': {
        const n = asNumber(v);
        s = n !== undefined ? Math.trunc(n).toString(16) : Buffer.from(str(v)).toString('hex');
        if (verb === 'X') s = s.toUpperCase();
        break;
      }
      case 'o':
        s = Math.trunc(num(v)).toString(8);
        break;
      case 'b':
        s = Math.trunc(num(v)).toString(2);
        break;
      default:
        return fail(`unsupported format verb %${verb}`);
    }
    return pad(s, flags, width);
  });
}
