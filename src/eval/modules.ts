// Module calls of a module instance: the set a `module` block declares (ModuleCallSet, what
// `module.x` refers to: its folder, its expansion, its instances' outputs) and one instance's
// outputs (ModuleOutputs, `module.x[0]`).

import { Unknown, isLocalSource, type BlockNode, type Range, type Value } from '../types.js';
import { Handle, indexValue } from './expression.js';
import { asNumber, asString, error, setKey, type ValueObject } from './values.js';
import { MODULE_META, rangeOf, type Decl, type ModuleConfig } from './config.js';
import { evaluateJson } from './json.js';
import { instanceSuffix, type Expansion, type InstanceContext } from './expansion.js';
import type { Evaluation, InputSource, ModuleContext } from './evaluation.js';

/**
 * Makes one instance of a called module (`ModuleInstance`'s constructor, handed in by
 * module-instance.ts so that this file need not import it).
 */
export type MakeModuleInstance = (
  ev: Evaluation,
  config: ModuleConfig,
  prefix: string,
  modulePath: string[],
  moduleCalls: BlockNode[],
  callNames: string[],
  inputs: InputSource,
) => ModuleContext;

export class ModuleCallSet extends Handle {
  private exp: Expansion | undefined;
  private children: ModuleContext[] | undefined;
  readonly address: string;
  readonly source: string;
  /** Folder of the called module's files, when they are loaded. */
  readonly dir: string | undefined;

  constructor(
    readonly parent: ModuleContext,
    readonly name: string,
    readonly decl: Decl,
    private readonly makeInstance: MakeModuleInstance,
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

  private notFound(origin?: Range, output?: string): Unknown {
    return new Unknown(`${this.address} (source "${this.source}") was not found`, origin ?? rangeOf(this.decl.block, 'source'), undefined, undefined, { originAddress: output === undefined ? this.address : `${this.address}.${output}` });
  }

  expansion(): Expansion {
    if (this.exp) return this.exp;
    this.exp = this.dir === undefined ? { kind: 'count', count: 0 } : this.parent.expand(this.decl.body, this.decl.block, this.address, 'module');
    return this.exp;
  }

  instances(): ModuleContext[] {
    if (this.children) return this.children;
    const exp = this.expansion();
    const config = this.dir === undefined ? undefined : this.parent.ev.config(this.dir);
    if (exp instanceof Unknown || !config) return (this.children = []);
    const make = (key: number | string | undefined, ctx: InstanceContext): ModuleContext => {
      const step = `module.${this.name}${instanceSuffix(key)}`;
      const inputs: InputSource = (variable) => {
        if (MODULE_META.has(variable) || !(variable in this.decl.body)) return undefined;
        return evaluateJson(this.decl.body[variable], this.parent.scope(rangeOf(this.decl.block, variable), ctx));
      };
      return this.makeInstance(
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
    if (this.dir === undefined) return this.notFound(origin, name);
    const exp = this.expansion();
    if (exp instanceof Unknown) return exp;
    if (exp.kind === 'single') return (this.instances()[0] as ModuleContext).output(name, origin);
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
    if (exp.kind === 'single') return (children[0] as ModuleContext).outputs();
    if (exp.kind === 'count') return children.map((c) => c.outputs());
    const out: ValueObject = {};
    children.forEach((c, i) => setKey(out, String(this.keyOf(i)), c.outputs()));
    return out;
  }
}

/** One instance of a module call with count/for_each: `module.x[0]`. */
export class ModuleOutputs extends Handle {
  constructor(private readonly module: ModuleContext) {
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
