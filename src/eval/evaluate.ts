// Evaluates a root module (and the local modules it calls) into resource instances:
// variables, locals, references, count/for_each, dynamic blocks and module outputs.

import {
  Unknown,
  isLocalSource,
  type BlockNode,
  type EvalDiagnostic,
  type EvalResult,
  type ModuleCallTable,
  type ParsedFile,
  type Range,
  type ResourceInstance,
  type UnloadedModuleCall,
  type Value,
} from '../types.js';
import { afterApply, Handle, indexValue, markComputed, markObject, withBindings, withIdentity, type Scope } from './expression.js';
import { parseTemplate } from './parser.js';
import { convertToType } from './convert.js';
import { asNumber, asString, error, isObject, setKey, sortedKeys, typeName, type ValueObject } from './values.js';
import { MODULE_META, RESOURCE_META, bodies, entries, filesByDir, isBody, nestedBlock, rangeOf, readConfig, variableType, type Body, type Decl, type ModuleConfig, type ResourceDecl } from './config.js';
import { constantScope, evaluateJson, evaluateKey, literalJson, withOrigin } from './json.js';
import { rootInputs, type EvalInputs } from './root-inputs.js';

export { evaluateJson, literalJson, type EvalInputs };

/**
 * Instance keys that Terraform planned, by base address (`module.a["k"].T.N`, `module.a`):
 * `undefined` for a resource without count/for_each. Given, they replace lblint's own expansion.
 */
export type PlannedKeys = ReadonlyMap<string, readonly (number | string | undefined)[]>;

/** Memoized values with cycle detection. */
class Memo {
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

type Expansion =
  | { kind: 'single' }
  | { kind: 'count'; count: number }
  | { kind: 'for_each'; items: { key: string; value: Value }[] }
  | Unknown;

/** `[0]` / `["key"]` of an instance address ('' without a key). */
export function instanceSuffix(key: number | string | undefined): string {
  return key === undefined ? '' : typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

const NO_MODULES: ModuleCallTable = { local: new Map(), fetched: new Map() };

class Evaluation {
  readonly diagnostics: EvalDiagnostic[] = [];
  private readonly seen = new Set<string>();
  private readonly configs = new Map<string, ModuleConfig | undefined>();
  readonly byDir: ReadonlyMap<string, ParsedFile[]>;
  /** Every module call met, by address (`module.a["k"].module.b`): its block and the calls above it. */
  readonly calls = new Map<string, ModuleCallInfo>();
  readonly unloaded: UnloadedModuleCall[] = [];

  constructor(
    readonly root: string,
    files: ParsedFile[],
    readonly modules: ModuleCallTable = NO_MODULES,
    readonly planned?: PlannedKeys,
  ) {
    // Grouped once for all the roots of a run (linear, not roots × files).
    this.byDir = filesByDir(files).config;
  }

  config(dir: string): ModuleConfig | undefined {
    if (!this.configs.has(dir)) {
      const files = this.byDir.get(dir);
      this.configs.set(dir, files ? readConfig(dir, files) : undefined);
    }
    return this.configs.get(dir);
  }

  diagnose(message: string, range?: Range): void {
    const key = `${message}@${range ? `${range.file}:${range.start.line}:${range.start.column}` : ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(range ? { message, range } : { message });
  }
}

/** How a module instance gets the values of its input variables. */
type InputSource = (name: string) => Value | undefined;

interface InstanceContext {
  count?: number;
  each?: { key: string; value: Value };
}

class ModuleInstance {
  private readonly memo = new Memo();
  private readonly resourceSets = new Map<string, ResourceSet>();
  private readonly callSets = new Map<string, ModuleCallSet>();

  constructor(
    readonly ev: Evaluation,
    readonly config: ModuleConfig,
    /** `''` at the root, else `module.a.` / `module.a["k"].module.b.` */
    readonly prefix: string,
    readonly modulePath: string[],
    readonly moduleCalls: BlockNode[],
    /** Call names from the root, for `.terraform/modules` keys. */
    readonly callNames: string[],
    private readonly inputs: InputSource,
  ) {}

  scope(origin: Range | undefined, ctx: InstanceContext = {}): Scope {
    const resolve: Scope['resolve'] = (name, attrs) => {
      const first = attrs[0];
      const missing = (what: string): { value: Value; consumed: number } => ({ value: error(`${what} needs an attribute name`, origin), consumed: 0 });
      switch (name) {
        case 'var':
          return first === undefined ? missing('var') : { value: this.variable(first, origin), consumed: 1 };
        case 'local':
          return first === undefined ? missing('local') : { value: this.local(first, origin), consumed: 1 };
        case 'count':
          if (ctx.count === undefined) {
            this.ev.diagnose('count.index is used where no count is set', origin);
            return { value: error('count.index is used where no count is set', origin), consumed: first === undefined ? 0 : 1 };
          }
          if (first !== 'index') return { value: error(`count has no attribute "${first ?? ''}"`, origin), consumed: first === undefined ? 0 : 1 };
          return { value: ctx.count, consumed: 1 };
        case 'each':
          if (!ctx.each) {
            this.ev.diagnose('each is used where no for_each is set', origin);
            return { value: error('each is used where no for_each is set', origin), consumed: first === undefined ? 0 : 1 };
          }
          if (first === 'key') return { value: ctx.each.key, consumed: 1 };
          if (first === 'value') return { value: ctx.each.value, consumed: 1 };
          return { value: error(`each has no attribute "${first ?? ''}"`, origin), consumed: first === undefined ? 0 : 1 };
        case 'path':
          if (first === 'module') return { value: this.config.dir, consumed: 1 };
          if (first === 'root') return { value: this.ev.root, consumed: 1 };
          if (first === 'cwd') return { value: '.', consumed: 1 };
          return { value: error(`path has no attribute "${first ?? ''}"`, origin), consumed: first === undefined ? 0 : 1 };
        case 'terraform':
          if (first === 'workspace') return { value: 'default', consumed: 1 };
          return { value: new Unknown(`terraform.${first ?? ''} is not evaluated`, origin), consumed: first === undefined ? 0 : 1 };
        case 'self':
          return { value: new Unknown('self is not evaluated', origin), consumed: 0 };
        case 'module': {
          if (first === undefined) return missing('module');
          const call = this.callSet(first);
          if (!call) {
            this.ev.diagnose(`Reference to undeclared module "${first}" (module.${first})`, origin);
            return { value: error(`module.${first} is not declared`, origin), consumed: 1 };
          }
          return { value: call, consumed: 1 };
        }
        case 'data': {
          const second = attrs[1];
          if (first === undefined || second === undefined) return missing('data');
          return { value: this.resourceRef(`data.${first}.${second}`, origin), consumed: 2 };
        }
        default:
          if (first === undefined) {
            this.ev.diagnose(`Unknown name "${name}"`, origin);
            return { value: error(`unknown name "${name}"`, origin), consumed: 0 };
          }
          return { value: this.resourceRef(`${name}.${first}`, origin), consumed: 1 };
      }
    };
    return { origin, resolve };
  }

  private resourceRef(key: string, origin: Range | undefined): Value | Handle {
    const set = this.resourceSet(key);
    if (set) return set;
    this.ev.diagnose(`Reference to undeclared resource ${this.prefix}${key}`, origin);
    return error(`${this.prefix}${key} is not declared`, origin);
  }

  resourceSet(key: string): ResourceSet | undefined {
    let set = this.resourceSets.get(key);
    if (!set) {
      const decl = this.config.resources.get(key);
      if (!decl) return undefined;
      set = new ResourceSet(this, decl);
      this.resourceSets.set(key, set);
    }
    return set;
  }

  callSet(name: string): ModuleCallSet | undefined {
    let set = this.callSets.get(name);
    if (!set) {
      const decl = this.config.moduleCalls.get(name);
      if (!decl) return undefined;
      set = new ModuleCallSet(this, name, decl);
      this.callSets.set(name, set);
    }
    return set;
  }

  variable(name: string, origin: Range | undefined): Value {
    const decl = this.config.variables.get(name);
    if (!decl) {
      this.ev.diagnose(`Reference to undeclared input variable "${name}" (var.${name})`, origin);
      return error(`var.${name} is not declared`, origin);
    }
    return this.memo.get(
      `var.${name}`,
      () => {
        const type = variableType(decl);
        let value = this.inputs(name);
        if (value === undefined) {
          if (!('default' in decl.body)) return new Unknown(`var.${name} has no value`, decl.block.range);
          const def = decl.body['default'];
          value = decl.isJson ? literalJson(def) : evaluateJson(def, constantScope(rangeOf(decl.block, 'default')));
        }
        return type ? convertToType(value, type) : value;
      },
      () => new Unknown(`var.${name} depends on itself`, origin),
    );
  }

  local(name: string, origin: Range | undefined): Value {
    const decl = this.config.locals.get(name);
    if (!decl) {
      this.ev.diagnose(`Reference to undeclared local value "${name}" (local.${name})`, origin);
      return error(`local.${name} is not declared`, origin);
    }
    return this.memo.get(
      `local.${name}`,
      () => evaluateJson(decl.value, this.scope(decl.range)),
      () => {
        this.ev.diagnose(`local.${name} depends on itself`, decl.range);
        return new Unknown(`local.${name} depends on itself`, decl.range);
      },
    );
  }

  output(name: string, origin: Range | undefined): Value {
    const decl = this.config.outputs.get(name);
    if (!decl) {
      this.ev.diagnose(`${this.prefix.slice(0, -1)} has no output "${name}"`, origin);
      return error(`${this.prefix.slice(0, -1)} has no output "${name}"`, origin);
    }
    return this.memo.get(
      `output.${name}`,
      () => evaluateJson(decl.body['value'] ?? null, this.scope(rangeOf(decl.block, 'value'))),
      () => new Unknown(`output ${name} depends on itself`, origin),
    );
  }

  outputs(): ValueObject {
    const out: ValueObject = {};
    for (const name of [...this.config.outputs.keys()].sort()) setKey(out, name, this.output(name, undefined));
    return out;
  }

  /**
   * Expands count/for_each of a resource or module block, in this module's scope. With a plan,
   * Terraform's own expansion wins: the plan lists every managed instance; module calls and data
   * sources keep lblint's expansion when it is known (a module without resources is not in a plan).
   */
  expand(body: Body, block: BlockNode, what: string, kind: 'managed' | 'data' | 'module'): Expansion {
    const planned = this.ev.planned;
    if (!planned) return this.ownExpansion(body, block, what);
    const keys = planned.get(what);
    if (kind !== 'managed') {
      const own = this.ownExpansion(body, block, what);
      if (!(own instanceof Unknown) || !keys) return own;
    }
    if (!keys || keys.length === 0) return { kind: 'count', count: 0 };
    if (keys.every((k) => k === undefined)) return { kind: 'single' };
    if (keys.every((k) => typeof k === 'number')) return { kind: 'count', count: Math.max(...(keys as number[])) + 1 };
    const own = 'for_each' in body ? this.ownExpansion(body, block, what) : undefined;
    const values = own && !(own instanceof Unknown) && own.kind === 'for_each' ? new Map(own.items.map((i) => [i.key, i.value])) : undefined;
    const strings = [...new Set(keys.map((k) => String(k)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      kind: 'for_each',
      items: strings.map((key) => ({
        key,
        value: values?.has(key)
          ? (values.get(key) as Value)
          : new Unknown(`each.value of ${what}[${JSON.stringify(key)}] is not known (Terraform planned the key, lblint cannot evaluate its for_each)`, rangeOf(block, 'for_each')),
      })),
    };
  }

  private ownExpansion(body: Body, block: BlockNode, what: string): Expansion {
    if ('count' in body) {
      const origin = rangeOf(block, 'count');
      const v = evaluateJson(body['count'], this.scope(origin));
      if (v instanceof Unknown) return new Unknown(`count of ${what} is unknown: ${v.reason}`, origin, v.ref);
      const n = asNumber(v);
      if (n === undefined || !Number.isInteger(n) || n < 0) {
        this.ev.diagnose(`count of ${what} must be a whole number ≥ 0, not ${JSON.stringify(v)}`, origin);
        return { kind: 'count', count: 0 };
      }
      return { kind: 'count', count: n };
    }
    if ('for_each' in body) {
      const origin = rangeOf(block, 'for_each');
      const v = evaluateJson(body['for_each'], this.scope(origin));
      const unknown = (u: Unknown): Unknown => new Unknown(`for_each of ${what} is unknown: ${u.reason}`, origin, u.ref);
      if (v instanceof Unknown) return unknown(v);
      if (Array.isArray(v)) {
        const keys = new Set<string>();
        for (const item of v) {
          if (item instanceof Unknown) return unknown(item);
          const s = asString(item);
          if (s === undefined) {
            this.ev.diagnose(`for_each of ${what} must be a map or a set of strings`, origin);
            return { kind: 'for_each', items: [] };
          }
          keys.add(s);
        }
        return { kind: 'for_each', items: [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((key) => ({ key, value: key })) };
      }
      if (isObject(v)) return { kind: 'for_each', items: sortedKeys(v).map((key) => ({ key, value: v[key] as Value })) };
      this.ev.diagnose(`for_each of ${what} must be a map or a set of strings, not ${typeName(v)}`, origin);
      return { kind: 'for_each', items: [] };
    }
    return { kind: 'single' };
  }

  /** Adds this module's resource instances (and those of the modules it calls) to `result`. */
  collect(result: EvalResult): void {
    for (const key of this.config.resources.keys()) {
      const set = this.resourceSet(key) as ResourceSet;
      const exp = set.expansion();
      if (exp instanceof Unknown) {
        result.skipped.push({ address: set.baseAddress, reason: exp.reason, range: exp.origin ?? set.decl.block.range });
        continue;
      }
      for (const inst of set.instances()) result.resources.push(inst.toResourceInstance());
    }
    for (const name of this.config.moduleCalls.keys()) {
      const call = this.callSet(name) as ModuleCallSet;
      if (call.dir === undefined) {
        // Its resources are missing: the model must not take what they would add as absent.
        result.skipped.push({ address: call.address, reason: `${call.address} (source "${call.source}") was not found`, range: rangeOf(call.decl.block, 'source') ?? call.decl.block.range });
        continue;
      }
      const exp = call.expansion();
      if (exp instanceof Unknown) {
        result.skipped.push({ address: `${this.prefix}module.${name}`, reason: exp.reason, range: exp.origin ?? call.decl.block.range });
        continue;
      }
      for (const child of call.instances()) child.collect(result);
    }
  }
}

class ResourceSet extends Handle {
  private exp: Expansion | undefined;
  private insts: InstanceHandle[] | undefined;
  private byKey: Map<number | string | undefined, InstanceHandle> | undefined;
  readonly baseAddress: string;

  constructor(
    readonly module: ModuleInstance,
    readonly decl: ResourceDecl,
  ) {
    super();
    this.baseAddress = module.prefix + decl.key;
  }

  expansion(): Expansion {
    this.exp ??= this.module.expand(this.decl.body, this.decl.block, this.baseAddress, this.decl.mode);
    return this.exp;
  }

  instances(): InstanceHandle[] {
    if (!this.insts) {
      const exp = this.expansion();
      if (exp instanceof Unknown) this.insts = [];
      else if (exp.kind === 'single') this.insts = [new InstanceHandle(this, undefined, {})];
      else if (exp.kind === 'count') this.insts = Array.from({ length: exp.count }, (_, i) => new InstanceHandle(this, i, { count: i }));
      else this.insts = exp.items.map((item) => new InstanceHandle(this, item.key, { each: item }));
    }
    return this.insts;
  }

  attr(name: string, origin?: Range): Value | Handle {
    const exp = this.expansion();
    if (exp instanceof Unknown) return exp;
    if (exp.kind === 'single') return (this.instances()[0] as InstanceHandle).attr(name, origin);
    return error(`${this.baseAddress} has ${exp.kind}: use an index to read .${name}`, origin);
  }

  index(key: Value, origin?: Range): Value | Handle {
    const exp = this.expansion();
    if (exp instanceof Unknown) return exp;
    if (exp.kind === 'single') return indexValue(this.materialize(), key, origin);
    const wanted = exp.kind === 'count' ? asNumber(key) : asString(key);
    this.byKey ??= new Map(this.instances().map((i) => [i.key, i]));
    const inst = this.byKey.get(wanted);
    if (inst) return inst;
    return error(`${this.baseAddress} has no instance ${JSON.stringify(key)}`, origin);
  }

  materialize(): Value {
    const exp = this.expansion();
    if (exp instanceof Unknown) return exp;
    const insts = this.instances();
    if (exp.kind === 'single') return (insts[0] as InstanceHandle).materialize();
    if (exp.kind === 'count') return insts.map((i) => i.materialize());
    const out: ValueObject = {};
    for (const i of insts) setKey(out, String(i.key), i.materialize());
    return out;
  }

  override splatItems(): (Value | Handle)[] | Unknown {
    const exp = this.expansion();
    if (exp instanceof Unknown) return exp;
    if (exp.kind === 'for_each') return [this.materialize()];
    return this.instances();
  }
}

class InstanceHandle extends Handle {
  readonly address: string;
  private readonly memo = new Memo();

  constructor(
    readonly set: ResourceSet,
    readonly key: number | string | undefined,
    readonly ctx: InstanceContext,
  ) {
    super();
    this.address = set.baseAddress + instanceSuffix(key);
  }

  private get body(): Body {
    return this.set.decl.body;
  }

  private names: string[] | undefined;

  /** Arguments and nested block types that the configuration sets. */
  configuredNames(): string[] {
    if (this.names) return this.names;
    const names = Object.keys(this.body).filter((k) => !RESOURCE_META.has(k) && k !== 'dynamic' && k !== '//');
    for (const [label] of dynamicEntries(this.body)) if (!names.includes(label)) names.push(label);
    this.names = names;
    return names;
  }

  /** A reference to the attribute: an unknown value keeps the attribute's identity (`withIdentity`). */
  attr(name: string, origin?: Range): Value | Handle {
    return withIdentity(this.ownAttr(name, origin), this.address, [name]);
  }

  /** The attribute's value, as the resource itself holds it. */
  private ownAttr(name: string, origin?: Range): Value {
    if (!this.configuredNames().includes(name)) return afterApply(this.address, [name], origin);
    return this.memo.get(
      name,
      () => {
        const block = this.set.decl.block;
        const scope = this.set.module.scope(rangeOf(block, name), this.ctx);
        return markComputed(evaluateBodyEntry(this.body, name, scope, block, this.set.module.ev), this.address, [name]);
      },
      () => new Unknown(`${this.address}.${name} depends on itself`, origin),
    );
  }

  index(key: Value, origin?: Range): Value | Handle {
    return indexValue(this.materialize(), key, origin);
  }

  materialize(): Value {
    const out: ValueObject = {};
    for (const name of this.configuredNames()) setKey(out, name, this.ownAttr(name));
    return markObject(out, this.address, []);
  }

  toResourceInstance(): ResourceInstance {
    const { decl, module } = this.set;
    const inst: ResourceInstance = {
      address: this.address,
      baseAddress: this.set.baseAddress,
      mode: decl.mode,
      type: decl.type,
      name: decl.name,
      modulePath: module.modulePath,
      block: decl.block,
      file: decl.file.path,
      values: this.materialize() as ValueObject,
      moduleCalls: module.moduleCalls,
    };
    if (this.key !== undefined) inst.key = this.key;
    return inst;
  }
}

function dynamicEntries(body: Body): [string, Body][] {
  const out: [string, Body][] = [];
  for (const [label, specs] of entries(body['dynamic'])) for (const spec of bodies(specs)) out.push([label, spec]);
  return out;
}

/** Evaluates one argument or nested block type of a block body, expanding `dynamic` blocks. */
function evaluateBodyEntry(body: Body, name: string, scope: Scope, block: BlockNode | undefined, ev: Evaluation): Value {
  const raw = body[name];
  const dynamics = dynamicEntries(body).filter(([label]) => label === name);
  const evalStatic = (): Value => {
    if (Array.isArray(raw) && raw.length && raw.every(isBody)) {
      return raw.map((b, i) => evaluateBody(b, withOrigin(scope, rangeOf(block, name, i)), nestedBlock(block, name, i), ev));
    }
    return evaluateJson(raw, scope);
  };
  if (!dynamics.length) return evalStatic();
  const list: Value[] = [];
  if (raw !== undefined) {
    const s = evalStatic();
    if (Array.isArray(s)) list.push(...s);
    else list.push(s);
  }
  const dynBlocks = block?.blocks.filter((b) => b.type === 'dynamic' && b.labels[0] === name) ?? [];
  for (const [i, [label, spec]] of dynamics.entries()) {
    const dynBlock = dynBlocks[i];
    const origin = rangeOf(dynBlock, 'for_each') ?? scope.origin;
    const coll = evaluateJson(spec['for_each'], withOrigin(scope, origin));
    if (coll instanceof Unknown) return new Unknown(`dynamic "${label}" for_each is unknown: ${coll.reason}`, origin, coll.ref);
    let items: [Value, Value][];
    if (Array.isArray(coll)) items = coll.map((v, j) => [j, v]);
    else if (isObject(coll)) items = sortedKeys(coll).map((k) => [k, coll[k] as Value]);
    else if (coll === null) items = [];
    else return error(`dynamic "${label}" for_each must be a collection, not ${typeName(coll)}`, origin);
    let iterator = label;
    if (typeof spec['iterator'] === 'string') {
      const it = parseTemplate(spec['iterator']);
      if (it.kind === 'variable') iterator = it.name;
      else if (it.kind === 'literal' && typeof it.value === 'string') iterator = it.value;
    }
    const content = bodies(spec['content'])[0] ?? {};
    const contentBlock = nestedBlock(dynBlock, 'content', 0);
    for (const [key, value] of items) {
      list.push(evaluateBody(content, withBindings(withOrigin(scope, contentBlock?.range ?? origin), { [iterator]: { key, value } }), contentBlock, ev));
    }
  }
  return list;
}

/** Evaluates a nested block body (which may hold `dynamic` blocks of its own). */
function evaluateBody(body: Body, scope: Scope, block: BlockNode | undefined, ev: Evaluation): Value {
  const out: ValueObject = {};
  const names = Object.keys(body).filter((k) => k !== 'dynamic' && k !== '//');
  for (const [label] of dynamicEntries(body)) if (!names.includes(label)) names.push(label);
  for (const name of names) {
    const key = evaluateKey(name, scope);
    if (key instanceof Unknown) return key;
    setKey(out, key, evaluateBodyEntry(body, name, withOrigin(scope, rangeOf(block, name) ?? scope.origin), block, ev));
  }
  return out;
}

class ModuleCallSet extends Handle {
  private exp: Expansion | undefined;
  private children: ModuleInstance[] | undefined;
  readonly address: string;
  readonly source: string;
  /** Folder of the called module's files, when they are loaded. */
  readonly dir: string | undefined;

  constructor(
    readonly parent: ModuleInstance,
    readonly name: string,
    readonly decl: Decl,
  ) {
    super();
    this.address = `${parent.prefix}module.${name}`;
    const source = decl.body['source'];
    this.source = typeof source === 'string' ? source : '';
    this.dir = this.resolveDir();
    parent.ev.calls.set(this.address, { block: decl.block, outer: parent.moduleCalls, source: this.source, dir: this.dir });
  }

  /** The folder the load resolved this call to (LoadResult.modules), when its files are loaded. */
  private resolveDir(): string | undefined {
    const ev = this.parent.ev;
    if (isLocalSource(this.source)) {
      const target = ev.modules.local.get(this.parent.config.dir)?.get(this.source);
      if (target?.loaded && ev.config(target.dir)) return target.dir;
      ev.diagnose(`${this.address}: the folder "${target?.dir ?? this.source}" of source "${this.source}" is not loaded`, rangeOf(this.decl.block, 'source'));
      this.unloaded(true);
      return undefined;
    }
    // Registry and git modules are evaluated only when `terraform init` has fetched them.
    const key = [...this.parent.callNames, this.name].join('.');
    const fetched = ev.modules.fetched.get(ev.root)?.get(key);
    if (fetched !== undefined && ev.config(fetched)) return fetched;
    ev.diagnose(
      `${this.address}: module "${this.source}" was not found (no "${key}" in .terraform/modules/modules.json; run terraform init, lblint never downloads modules): its resources are not linted and its outputs are unknown`,
      rangeOf(this.decl.block, 'source'),
    );
    this.unloaded(false);
    return undefined;
  }

  private unloaded(local: boolean): void {
    const range = rangeOf(this.decl.block, 'source') ?? this.decl.block.range;
    this.parent.ev.unloaded.push({ address: this.address, source: this.source, local, ...(range ? { range } : {}) });
  }

  private notFound(origin?: Range): Unknown {
    return new Unknown(`${this.address} (source "${this.source}") was not found`, origin ?? rangeOf(this.decl.block, 'source'));
  }

  expansion(): Expansion {
    if (this.exp) return this.exp;
    this.exp = this.dir === undefined ? { kind: 'count', count: 0 } : this.parent.expand(this.decl.body, this.decl.block, this.address, 'module');
    return this.exp;
  }

  instances(): ModuleInstance[] {
    if (this.children) return this.children;
    const exp = this.expansion();
    const config = this.dir === undefined ? undefined : this.parent.ev.config(this.dir);
    if (exp instanceof Unknown || !config) return (this.children = []);
    const make = (key: number | string | undefined, ctx: InstanceContext): ModuleInstance => {
      const step = `module.${this.name}${instanceSuffix(key)}`;
      const inputs: InputSource = (variable) => {
        if (MODULE_META.has(variable) || !(variable in this.decl.body)) return undefined;
        return evaluateJson(this.decl.body[variable], this.parent.scope(rangeOf(this.decl.block, variable), ctx));
      };
      return new ModuleInstance(
        this.parent.ev,
        config,
        `${this.parent.prefix}${step}.`,
        [...this.parent.modulePath, step],
        [...this.parent.moduleCalls, this.decl.block],
        [...this.parent.callNames, this.name],
        inputs,
      );
    };
    if (exp.kind === 'single') this.children = [make(undefined, {})];
    else if (exp.kind === 'count') this.children = Array.from({ length: exp.count }, (_, i) => make(i, { count: i }));
    else this.children = exp.items.map((item) => make(item.key, { each: item }));
    return this.children;
  }

  private keyOf(i: number): number | string | undefined {
    const exp = this.expansion();
    if (exp instanceof Unknown || exp.kind === 'single') return undefined;
    return exp.kind === 'count' ? i : exp.items[i]?.key;
  }

  attr(name: string, origin?: Range): Value | Handle {
    if (this.dir === undefined) return this.notFound(origin);
    const exp = this.expansion();
    if (exp instanceof Unknown) return exp;
    if (exp.kind === 'single') return (this.instances()[0] as ModuleInstance).output(name, origin);
    return error(`${this.address} has ${exp.kind}: use an index to read .${name}`, origin);
  }

  index(key: Value, origin?: Range): Value | Handle {
    if (this.dir === undefined) return this.notFound(origin);
    const exp = this.expansion();
    if (exp instanceof Unknown) return exp;
    if (exp.kind === 'single') return indexValue(this.materialize(), key, origin);
    const wanted = exp.kind === 'count' ? asNumber(key) : asString(key);
    const i = this.instances().findIndex((_, j) => this.keyOf(j) === wanted);
    const child = this.instances()[i];
    if (!child) return error(`${this.address} has no instance ${JSON.stringify(key)}`, origin);
    return new ModuleOutputs(child);
  }

  materialize(): Value {
    if (this.dir === undefined) return this.notFound();
    const exp = this.expansion();
    if (exp instanceof Unknown) return exp;
    const children = this.instances();
    if (exp.kind === 'single') return (children[0] as ModuleInstance).outputs();
    if (exp.kind === 'count') return children.map((c) => c.outputs());
    const out: ValueObject = {};
    children.forEach((c, i) => setKey(out, String(this.keyOf(i)), c.outputs()));
    return out;
  }
}

/** One instance of a module call with count/for_each: `module.x[0]`. */
class ModuleOutputs extends Handle {
  constructor(private readonly module: ModuleInstance) {
    super();
  }
  attr(name: string, origin?: Range): Value {
    return this.module.output(name, origin);
  }
  index(key: Value, origin?: Range): Value {
    return indexValue(this.materialize(), key, origin);
  }
  materialize(): Value {
    return this.module.outputs();
  }
}

/**
 * Evaluates the module in folder `root` (files with `dir === root`) and the local modules it
 * calls. `files` are all loaded files; `inputs` the -var/-var-file/TF_VAR_ values.
 */
export function evaluateRoot(root: string, files: ParsedFile[], inputs: EvalInputs): EvalResult {
  return evaluateConfiguration(root, files, inputs).result;
}

/** A module call met by an evaluation: its block, the calls above it, its `source`. */
export interface ModuleCallInfo {
  block: BlockNode;
  outer: BlockNode[];
  source: string;
  /** Folder of the called module's files, when they are loaded. */
  dir: string | undefined;
}

/** Module calls met by an evaluation, by address with instance keys (`module.a["k"].module.b`). */
export type ModuleCallIndex = ReadonlyMap<string, ModuleCallInfo>;

/** `evaluateRoot`, optionally with Terraform's planned instance keys; also returns the module calls met. */
export function evaluateConfiguration(root: string, files: ParsedFile[], inputs: EvalInputs, planned?: PlannedKeys): { result: EvalResult; calls: ModuleCallIndex } {
  const ev = new Evaluation(root, files, inputs.modules, planned);
  const result: EvalResult = { resources: [], skipped: [], diagnostics: ev.diagnostics, unloadedModules: ev.unloaded };
  const config = ev.config(root);
  if (!config) return { result, calls: ev.calls };
  result.undeclaredVars = [...new Set(inputs.vars.map((v) => v.name).filter((name) => !config.variables.has(name)))];
  const values = rootInputs(root, files, config, inputs);
  for (const [name, value] of inputs.placeholders ?? []) if (!values.has(name)) values.set(name, value);
  for (const [name, value] of Object.entries(inputs.values ?? {})) values.set(name, value);
  const module = new ModuleInstance(ev, config, '', [], [], [], (name) => values.get(name));
  module.collect(result);
  const moduleDirs = new Map<string, string>();
  for (const [address, call] of ev.calls) if (call.dir !== undefined) moduleDirs.set(address.replace(/\[[^\]]*\]/g, ''), call.dir);
  result.moduleDirs = moduleDirs;
  return { result, calls: ev.calls };
}
