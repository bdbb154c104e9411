// What every Terraform function of functions.ts shares: its definition's shape and the checks of its
// arguments, which fail with a FunctionError that callFunction reports as the call's error.

import type { Value } from '../types.js';
import { asNumber, asString, isObject, typeName, type ValueObject } from './values.js';

export class FunctionError extends Error {}

export function fail(message: string): never {
  throw new FunctionError(message);
}

export type Fn = (args: Value[]) => Value;

export interface FunctionDef {
  fn: Fn;
  /** Handles Unknowns inside its arguments itself (keeps known elements known). */
  partial?: boolean;
  /** Number of arguments: [min, max] (max Infinity for variadic). */
  arity: [number, number];
}

export function str(v: Value | undefined, what = 'argument'): string {
  const s = v === undefined ? undefined : asString(v);
  if (s === undefined) fail(`${what} must be a string, not ${typeName(v ?? null)}`);
  return s;
}
export function num(v: Value | undefined, what = 'argument'): number {
  const n = v === undefined ? undefined : asNumber(v);
  if (n === undefined) fail(`${what} must be a number, not ${typeName(v ?? null)}`);
  return n;
}
export function int(v: Value | undefined, what = 'argument'): number {
  const n = num(v, what);
  if (!Number.isInteger(n)) fail(`${what} must be a whole number`);
  return n;
}
export function list(v: Value | undefined, what = 'argument'): Value[] {
  if (!Array.isArray(v)) fail(`${what} must be a list, not ${typeName(v ?? null)}`);
  return v;
}
export function obj(v: Value | undefined, what = 'argument'): ValueObject {
  if (!isObject(v)) fail(`${what} must be a map or object, not ${typeName(v ?? null)}`);
  return v;
}
