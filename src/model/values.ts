// Reading evaluated attribute values: one place that turns `Value`s into typed fields and keeps
// Unknowns explicit. Provider spellings (strings for numbers, "true" for booleans) end here.
import { Unknown, isUnknown, unknownAbout, type ProviderFamily, type Range, type ResourceInstance, type Value } from '../types.js';
import type { FieldSource, Maybe, MonitorField, NodeBase } from './types.js';

/** `<address>.<attr> is not set` (`huaweicloud_lb_listener_v3.web.protocol`), with that origin address. */
export function notSet(address: string, attr: string, more = ''): Unknown {
  return unknownAbout(`${address}.${attr}`, `${address}.${attr} is not set${more}`);
}

/** undefined when absent or null. */
export function str(v: Value | undefined): Maybe<string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return new Unknown('expected a string, got a collection');
}

/** Provider enum spellings: `"tcp"`/`"TCP"` compare as one. */
export function upper(v: Maybe<string> | undefined): Maybe<string> | undefined {
  return typeof v === 'string' ? v.toUpperCase() : v;
}

export function lower(v: Maybe<string> | undefined): Maybe<string> | undefined {
  return typeof v === 'string' ? v.toLowerCase() : v;
}

export function num(v: Value | undefined): Maybe<number> | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : new Unknown('not a finite number');
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return new Unknown(`expected a number, got ${JSON.stringify(v)}`);
}

export function bool(v: Value | undefined): Maybe<boolean> | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  return new Unknown(`expected a bool, got ${JSON.stringify(v)}`);
}

export function list(v: Value | undefined): Maybe<Value[]> | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (Array.isArray(v)) return v;
  return new Unknown('expected a list');
}

/** Nested blocks of one type as objects (a single object is accepted as a one-element list). */
export function blocks(v: Value | undefined): Maybe<{ [key: string]: Value }[]> {
  if (v === undefined || v === null) return [];
  if (isUnknown(v)) return v;
  const items = Array.isArray(v) ? v : [v];
  const out: { [key: string]: Value }[] = [];
  for (const item of items) {
    if (isUnknown(item)) return item;
    if (item && typeof item === 'object' && !Array.isArray(item)) out.push(item as { [key: string]: Value });
  }
  return out;
}

export function isSet(v: Value | undefined): boolean {
  return v !== undefined && v !== null && v !== '';
}

/** The range of an attribute's value, or of the block header when the attribute is not written. */
export function attrRange(resource: ResourceInstance, name?: string): Range {
  const a = name ? resource.block.attributes[name] : undefined;
  return a ? a.valueRange : resource.block.headerRange;
}

/** Range of the i-th nested block of a type (falls back to the resource header). */
export function nestedBlockRange(resource: ResourceInstance, type: string, index: number): Range {
  const found = resource.block.blocks.filter((b) => b.type === type)[index];
  return found ? found.range : resource.block.headerRange;
}


/** What every node of `resource` has: its address, family, type and ranges (NodeBase). */
export function nodeBase(resource: ResourceInstance, family: ProviderFamily): NodeBase {
  return node(resource, family, {});
}

/**
 * A node of `resource`: its NodeBase and `fields`, in one object. Built with Object.assign, never
 * as `{ ...nodeBase(r, family), more }`: V8 (Node 20) builds an object spread followed by more
 * properties 20 to 40 times slower than Object.assign in a micro-benchmark, and the model makes a
 * node per resource: with spreads its build took 2.3 times as long on the all-LB bench, and the
 * whole run 9% more CPU. test/meta.test.ts keeps such spreads out of src/model and src/analysis.
 */
export function node<T extends object>(resource: ResourceInstance, family: ProviderFamily, fields: T, address = resource.address): NodeBase & T {
  const base: NodeBase = { address, family, resource, type: resource.type, range: resource.block.headerRange, blockRange: resource.block.range };
  return Object.assign(base, fields);
}

/** A copy of `base` with `fields` changed (Object.assign: see node()). */
export function copyWith<T extends object>(base: T, fields: Partial<T>): T {
  return Object.assign({}, base, fields);
}

/** Where `attribute` of `resource` is written (its value, else the block header). */
export function fieldAt(resource: ResourceInstance, attribute: string): FieldSource {
  return { attribute, range: attrRange(resource, attribute) };
}

/** Where each field of a health monitor is written, from the provider's attribute names. */
export function monitorAt(resource: ResourceInstance, attributes: Readonly<Record<MonitorField, string>>): Readonly<Record<MonitorField, FieldSource>> {
  return new MonitorSources(resource, attributes);
}

/**
 * The field sources of a monitor, made when a rule asks for one: most monitors are never reported,
 * and nine source objects for each of them showed in the bench as garbage collection.
 */
class MonitorSources implements Readonly<Record<MonitorField, FieldSource>> {
  /** Made once each, so that a rule may compare sources by identity. */
  private readonly made: Partial<Record<MonitorField, FieldSource>> = {};
  constructor(
    private readonly resource: ResourceInstance,
    private readonly names: Readonly<Record<MonitorField, string>>,
  ) {}
  private of(field: MonitorField): FieldSource {
    return (this.made[field] ??= fieldAt(this.resource, this.names[field]));
  }
  get port(): FieldSource { return this.of('port'); }
  get interval(): FieldSource { return this.of('interval'); }
  get timeout(): FieldSource { return this.of('timeout'); }
  get maxRetries(): FieldSource { return this.of('maxRetries'); }
  get maxRetriesDown(): FieldSource { return this.of('maxRetriesDown'); }
  get urlPath(): FieldSource { return this.of('urlPath'); }
  get domain(): FieldSource { return this.of('domain'); }
  get expectedCodes(): FieldSource { return this.of('expectedCodes'); }
  get enabled(): FieldSource { return this.of('enabled'); }
}

/** How a provider writes "health check off": `<attribute> = false`, or `<attribute> = <value>` where it is a string. */
export function offText(attribute: string, value = 'false'): string {
  return `${attribute} = ${value}`;
}
