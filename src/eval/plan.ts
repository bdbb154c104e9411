// Lints a plan: Terraform's planned values, placed on the configuration's own `.tf` blocks.
//
// The configuration is evaluated as usual, but with Terraform's instance keys (so every planned
// instance has its block, file and calling module blocks) and Terraform's root variable values.
// Then each planned instance takes the plan's values: what the plan knows wins; what it marks
// `after_unknown` or sensitive is an Unknown naming the attribute. A reference to another
// resource's id that lblint evaluated (`pool_id = huaweicloud_lb_pool.web.id`) stays a reference,
// so the model can link the two resources whatever the id's value.

import { Unknown, type BlockNode, type EvalResult, type ParsedFile, type PlanInput, type PlannedResource, type Range, type ResourceInstance, type Value } from '../types.js';
import { evaluateConfiguration, instanceSuffix, literalJson, type EvalInputs, type ModuleCallIndex, type ModuleCallInfo } from './evaluate.js';
import { formatPath, isObject, setKey, type ValueObject } from './values.js';

export interface ModuleStep {
  name: string;
  key?: number | string;
}

/** `module.a["k"].module.b[0]` → steps; undefined when it is not a module address. '' → []. */
export function parseModuleAddress(address: string): ModuleStep[] | undefined {
  const out: ModuleStep[] = [];
  let i = 0;
  while (i < address.length) {
    if (!address.startsWith('module.', i)) return undefined;
    i += 'module.'.length;
    const name = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(address.slice(i))?.[0];
    if (name === undefined) return undefined;
    i += name.length;
    const step: ModuleStep = { name };
    if (address[i] === '[') {
      if (address[i + 1] === '"') {
        let j = i + 2;
        while (j < address.length && address[j] !== '"') j += address[j] === '\\' ? 2 : 1;
        try {
          step.key = JSON.parse(address.slice(i + 1, j + 1)) as string;
        } catch {
          return undefined;
        }
        i = j + 1;
      } else {
        const n = /^\[(\d+)/.exec(address.slice(i));
        if (!n) return undefined;
        step.key = Number(n[1]);
        i += n[0].length;
      }
      if (address[i] !== ']') return undefined;
      i += 1;
    }
    out.push(step);
    if (i < address.length) {
      if (address[i] !== '.') return undefined;
      i += 1;
    }
  }
  return out;
}

/** Base address → planned instance keys, for resources and for every module call on the way. */
function plannedKeys(resources: readonly PlannedResource[]): Map<string, (number | string | undefined)[]> {
  const sets = new Map<string, Set<number | string | undefined>>();
  const add = (base: string, key: number | string | undefined): void => {
    const set = sets.get(base) ?? new Set();
    set.add(key);
    sets.set(base, set);
  };
  for (const r of resources) {
    let prefix = '';
    for (const step of parseModuleAddress(r.moduleAddress) ?? []) {
      add(`${prefix}module.${step.name}`, step.key);
      prefix += `module.${step.name}${instanceSuffix(step.key)}.`;
    }
    add(`${prefix}${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`, r.key);
  }
  return new Map([...sets].map(([k, v]) => [k, [...v]]));
}

const ID_STEP = /(^|_)(uuid|ids?)$/;

function isIdPath(path: readonly (string | number)[]): boolean {
  const last = [...path].reverse().find((p): p is string => typeof p === 'string');
  return last !== undefined && ID_STEP.test(last);
}

function child(mask: unknown, key: string | number): unknown {
  if (mask === true) return true;
  if (Array.isArray(mask) && typeof key === 'number') return mask[key];
  if (typeof mask === 'object' && mask !== null && typeof key === 'string') return (mask as Record<string, unknown>)[key];
  return undefined;
}

class Merger {
  /** Planned `id` → instance addresses (to link literal ids of existing resources). */
  private readonly ids = new Map<string, string[]>();
  private readonly byAddress = new Map<string, PlannedResource>();

  constructor(private readonly plan: PlanInput) {
    for (const r of plan.resources) {
      this.byAddress.set(r.address, r);
      const id = r.values['id'];
      if (typeof id === 'string' && id !== '' && child(r.unknown, 'id') !== true && child(r.sensitive, 'id') !== true) {
        const same = this.ids.get(id);
        if (same === undefined) this.ids.set(id, [r.address]);
        else same.push(r.address);
      }
    }
  }

  /** The planned value at `path` of `address`: 'unknown' when the plan does not know it. */
  private plannedAt(address: string, path: readonly (string | number)[]): unknown {
    const r = this.byAddress.get(address);
    if (!r) return 'unknown';
    let v: unknown = r.values;
    let u: unknown = r.unknown;
    for (const step of path) {
      u = child(u, step);
      if (u === true) return 'unknown';
      v = Array.isArray(v) && typeof step === 'number' ? v[step] : typeof v === 'object' && v !== null && typeof step === 'string' ? (v as Record<string, unknown>)[step] : undefined;
    }
    return v;
  }

  resource(p: PlannedResource, ours: ResourceInstance | undefined, calls: ModuleCallIndex, diagnose: (message: string, range?: Range) => void): ResourceInstance {
    const steps = parseModuleAddress(p.moduleAddress) ?? [];
    let block = ours?.block;
    let moduleCalls = ours?.moduleCalls;
    if (!block || !moduleCalls) {
      // No `.tf` block for it (a module whose files are not here, or a stale plan): point at the
      // nearest calling module block, else at the plan.
      let call: ModuleCallInfo | undefined;
      for (let n = steps.length; n > 0 && !call; n -= 1) {
        call = calls.get(steps.slice(0, n).map((s) => `module.${s.name}${instanceSuffix(s.key)}`).join('.'));
      }
      const range = call ? call.block.headerRange : p.range;
      block = { type: p.mode === 'data' ? 'data' : 'resource', labels: [p.type, p.name], range, headerRange: range, attributes: {}, blocks: [] };
      moduleCalls = call ? [...call.outer, call.block] : [];
      const source = this.plan.moduleSources[steps.map((s) => `module.${s.name}`).join('.')];
      diagnose(
        `${p.address}: no .tf source found${source ? ` (module source "${source}")` : ''}; findings about it point at ${call ? 'the calling module block' : 'the plan'}`,
        range,
      );
    }
    const configAddress = [...steps.map((s) => `module.${s.name}.`), p.mode === 'data' ? 'data.' : '', `${p.type}.${p.name}`].join('');
    const refs = this.plan.references[configAddress] ?? {};
    const configured = this.plan.expressions?.[configAddress];
    const modulePrefix = steps.map((s) => `module.${s.name}${instanceSuffix(s.key)}.`).join('');
    const originOf = (path: readonly (string | number)[]): Range => {
      const name = path[0];
      return (typeof name === 'string' ? block.attributes[name]?.valueRange : undefined) ?? block.headerRange;
    };
    const values: ValueObject = {};
    const keys = new Set([...Object.keys(p.values), ...maskKeys(p.unknown), ...maskKeys(p.sensitive), ...Object.keys(ours?.values ?? {})]);
    for (const key of [...keys].sort()) {
      const e = ours?.values[key];
      let v = this.value(p.values[key], child(p.unknown, key), child(p.sensitive, key), e, p.address, [key], originOf, configured === undefined || block.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === key) ? SET : (configured[key] ?? UNSET));
      // Planned values omit what is unknown: an argument the configuration sets cannot be absent.
      if (v === undefined && e !== undefined && !(key in p.values)) v = e instanceof Unknown ? e : this.afterApply(p.address, [key], originOf);
      if (v instanceof Unknown && !v.ref && e === undefined) v = this.fromReferences(v, refs[key], modulePrefix) ?? v;
      if (v !== undefined) setKey(values, key, v);
    }
    const inst: ResourceInstance = {
      address: p.address,
      baseAddress: `${modulePrefix}${p.mode === 'data' ? 'data.' : ''}${p.type}.${p.name}`,
      mode: p.mode,
      type: p.type,
      name: p.name,
      modulePath: ours?.modulePath ?? steps.map((s) => `module.${s.name}${instanceSuffix(s.key)}`),
      block,
      file: block.range.file,
      values,
      moduleCalls,
    };
    if (p.key !== undefined) inst.key = p.key;
    return inst;
  }

  private afterApply(address: string, path: (string | number)[], originOf: (path: readonly (string | number)[]) => Range): Unknown {
    return new Unknown(`${address}${formatPath(path)} is known only after apply`, originOf(path), { address, path }, undefined, { originAddress: `${address}${formatPath(path)}` });
  }

  /** An unknown attribute whose configuration expression references one resource attribute. */
  private fromReferences(u: Unknown, references: string[] | undefined, modulePrefix: string): Unknown | undefined {
    const targets = new Set(
      (references ?? []).filter((r) => {
        const parts = r.split('.');
        const first = parts[0] ?? '';
        if (['var', 'local', 'each', 'count', 'path', 'self', 'terraform', 'module'].includes(first)) return false;
        return parts.length >= (first === 'data' ? 4 : 3);
      }),
    );
    if (targets.size !== 1) return undefined;
    const [ref = ''] = [...targets];
    const parts = ref.split('.');
    const n = parts[0] === 'data' ? 3 : 2;
    return new Unknown(u.reason, u.origin, { address: `${modulePrefix}${parts.slice(0, n).join('.')}`, path: parts.slice(n) }, undefined, { cause: u });
  }

  /**
   * `config`: the configuration expression at `path` (from the plan's `configuration`), SET when
   * the whole value is set or the configuration is not known, UNSET when it is not set.
   */
  private value(p: unknown, unknown: unknown, sensitive: unknown, e: Value | undefined, address: string, path: (string | number)[], originOf: (path: readonly (string | number)[]) => Range, config: unknown = SET): Value | undefined {
    // A sensitive null that the configuration does not set is simply not set.
    if (sensitive === true && !(p === null && e === undefined && unknown !== true)) return new Unknown(`${address}${formatPath(path)} is sensitive in the plan`, originOf(path), undefined, undefined, { originAddress: `${address}${formatPath(path)}` });
    // An Optional+Computed argument the configuration leaves unset is `after_unknown`, yet it
    // means the provider default, as in `.tf` mode (a monitor without `port` checks the member port).
    if (unknown === true && config === UNSET && e === undefined) return undefined;
    if (unknown === true) {
      // Keep lblint's value when the plan's unknowns are only references to other resources
      // (`[huaweicloud_networking_secgroup.this.id]`): it links the resources in the model.
      if (e !== undefined && onlyForeignRefs(e, address)) return e;
      return this.afterApply(address, path, originOf);
    }
    if (p === undefined || p === null) return p === null && path.length > 1 ? null : undefined;
    if (Array.isArray(p)) {
      return p.map((x, i) => this.value(x, child(unknown, i), child(sensitive, i), Array.isArray(e) ? e[i] : undefined, address, [...path, i], originOf, configAt(config, i)) ?? null);
    }
    if (typeof p === 'object') {
      const out: ValueObject = {};
      const obj = p as Record<string, unknown>;
      const keys = new Set([...Object.keys(obj), ...maskKeys(unknown), ...maskKeys(sensitive)]);
      for (const k of keys) {
        const v = this.value(obj[k], child(unknown, k), child(sensitive, k), isObject(e) ? e[k] : undefined, address, [...path, k], originOf, configAt(config, k));
        if (v !== undefined) setKey(out, k, v);
      }
      return out;
    }
    if (typeof p === 'string' && isIdPath(path)) {
      // `pool_id = huaweicloud_lb_pool.web.id` with the pool's id known (an existing pool).
      if (e instanceof Unknown && e.ref && e.ref.address !== address) {
        const target = this.plannedAt(e.ref.address, e.ref.path);
        if (target === 'unknown' || target === p) return e;
      }
      const owners = (this.ids.get(p) ?? []).filter((a) => a !== address);
      if (owners.length === 1) {
        const owner = owners[0] as string;
        return new Unknown(`${address}${formatPath(path)} is the id of ${owner}`, originOf(path), { address: owner, path: ['id'] }, undefined, { originAddress: `${owner}.id` });
      }
    }
    return literalJson(p);
  }
}

/** Whether every Unknown inside `v` is a reference to an attribute of another resource (and there is at least one). */
function onlyForeignRefs(v: Value, address: string): boolean {
  let found = false;
  const ok = (x: Value): boolean => {
    if (x instanceof Unknown) {
      found = true;
      return x.ref !== undefined && x.ref.address !== address && !x.ref.address.startsWith(`${address}.`);
    }
    if (Array.isArray(x)) return x.every(ok);
    if (isObject(x)) return Object.values(x).every(ok);
    return true;
  };
  return ok(v) && found;
}

/** Marks a configuration value set as a whole (or a configuration that is not known). */
const SET = Symbol('set');
/** Marks a value the configuration does not set. */
const UNSET = Symbol('unset');

/**
 * The configuration expression one step below `config`: nested blocks are lists of expression
 * objects; an attribute expression (`constant_value`, `references`) sets everything below it.
 */
function configAt(config: unknown, step: string | number): unknown {
  if (config === UNSET || config === undefined) return UNSET;
  if (config === SET || config === null || typeof config !== 'object') return SET;
  if (Array.isArray(config)) {
    if (typeof step !== 'number') return SET;
    // `dynamic` blocks and `count`ed blocks: one expression object stands for every instance.
    return (config[step] as unknown) ?? (config.length === 1 ? config[0] : SET);
  }
  const obj = config as Record<string, unknown>;
  if ('constant_value' in obj || 'references' in obj) return SET;
  return typeof step === 'string' ? (obj[step] ?? UNSET) : SET;
}

function maskKeys(mask: unknown): string[] {
  if (typeof mask !== 'object' || mask === null || Array.isArray(mask)) return [];
  return Object.entries(mask as Record<string, unknown>)
    .filter(([, v]) => v === true)
    .map(([k]) => k);
}

/**
 * Evaluates the configuration in folder `root` against a plan: one resource instance per planned
 * instance, on the `.tf` block that declares it. Nothing is skipped except what Terraform deferred.
 */
export function evaluatePlan(root: string, files: ParsedFile[], inputs: EvalInputs, plan: PlanInput): EvalResult {
  const values: Record<string, Value> = { ...(inputs.values ?? {}) };
  for (const [name, v] of Object.entries(plan.variables)) values[name] = literalJson(v);
  const { result, calls } = evaluateConfiguration(root, files, { ...inputs, values }, plannedKeys(plan.resources));
  const ours = new Map(result.resources.map((r) => [r.address, r]));
  const diagnostics = result.diagnostics.filter((d) => !/ was not found \(no ".*" in \.terraform\/modules\/modules\.json/.test(d.message));
  const seen = new Set<string>();
  const diagnose = (message: string, range?: Range): void => {
    if (seen.has(message)) return;
    seen.add(message);
    diagnostics.push(range ? { message, range } : { message });
  };
  const merger = new Merger(plan);
  const resources = plan.resources.map((p) => merger.resource(p, ours.get(p.address), calls, diagnose));
  const skipped = plan.deferred.map((address) => {
    const p = plan.resources.find((r) => r.address === address);
    return { address, reason: `Terraform deferred ${address}: the plan is incomplete`, range: p?.range ?? { file: plan.file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
  });
  return { resources, skipped, diagnostics, ...(result.undeclaredVars ? { undeclaredVars: result.undeclaredVars } : {}) };
}
