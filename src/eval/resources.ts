// Resources of a module instance: the set a `resource`/`data` block declares (ResourceSet, what
// `aws_x.name` refers to) and each of its instances (InstanceHandle, `aws_x.name[0]`).

import { Unknown, type Range, type ResourceInstance, type Value } from '../types.js';
import { afterApply, Handle, indexValue, markComputed, markObject, withIdentity } from './expression.js';
import { asNumber, asString, error, setKey, type ValueObject } from './values.js';
import { RESOURCE_META, rangeOf, type Body, type ResourceDecl } from './config.js';
import { Memo, instanceSuffix, type Expansion, type InstanceContext } from './expansion.js';
import { dynamicEntries, evaluateBodyEntry } from './bodies.js';
import type { ModuleContext } from './evaluation.js';

export class ResourceSet extends Handle {
  private exp: Expansion | undefined;
  private insts: InstanceHandle[] | undefined;
  private byKey: Map<number | string | undefined, InstanceHandle> | undefined;
  readonly baseAddress: string;

  constructor(
    readonly module: ModuleContext,
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

export class InstanceHandle extends Handle {
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
        return markComputed(evaluateBodyEntry(this.body, name, scope, block), this.address, [name]);
      },
      () => new Unknown(`${this.address}.${name} depends on itself`, origin, undefined, undefined, { originAddress: `${this.address}.${name}` }),
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

