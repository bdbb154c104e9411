// A module instance (the root, or one instance of a module call): its variables, locals and
// outputs, the scope its expressions are evaluated in (what `var.x`, `local.x`, `count.index`,
// `each`, `module.x`, `T.N` refer to), and its resource sets and module calls.

import { Unknown, type BlockNode, type EvalResult, type Range, type Value } from '../types.js';
import { Handle, type Scope } from './expression.js';
import { convertToType } from './convert.js';
import { error, setKey, type ValueObject } from './values.js';
import { rangeOf, variableType, type Body, type ModuleConfig } from './config.js';
import { constantScope, evaluateJson, literalJson } from './json.js';
import { Memo, expandBlock, type Expansion, type InstanceContext } from './expansion.js';
import type { Evaluation, InputSource, ModuleContext } from './evaluation.js';
import { ResourceSet } from './resources.js';
import { ModuleCallSet, type MakeModuleInstance } from './modules.js';

export class ModuleInstance implements ModuleContext {
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
          return { value: new Unknown(`terraform.${first ?? ''} is not evaluated`, origin, undefined, undefined, { originAddress: `terraform.${first ?? ''}` }), consumed: first === undefined ? 0 : 1 };
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
      set = new ModuleCallSet(this, name, decl, makeModuleInstance);
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
          if (!('default' in decl.body)) return new Unknown(`var.${name} has no value`, decl.block.range, undefined, undefined, { originAddress: `${this.prefix}var.${name}` });
          const def = decl.body['default'];
          value = decl.isJson ? literalJson(def) : evaluateJson(def, constantScope(rangeOf(decl.block, 'default')));
        }
        return type ? convertToType(value, type) : value;
      },
      () => new Unknown(`var.${name} depends on itself`, origin, undefined, undefined, { originAddress: `${this.prefix}var.${name}` }),
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
        return new Unknown(`local.${name} depends on itself`, decl.range, undefined, undefined, { originAddress: `${this.prefix}local.${name}` });
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
      () => new Unknown(`output ${name} depends on itself`, origin, undefined, undefined, { originAddress: this.prefix ? `${this.prefix}${name}` : `output.${name}` }),
    );
  }

  outputs(): ValueObject {
    const out: ValueObject = {};
    for (const name of [...this.config.outputs.keys()].sort()) setKey(out, name, this.output(name, undefined));
    return out;
  }

  /** Expands count/for_each of a resource or module block, in this module's scope (`expandBlock`). */
  expand(body: Body, block: BlockNode, what: string, kind: 'managed' | 'data' | 'module'): Expansion {
    return expandBlock({ planned: this.ev.planned, scope: (origin) => this.scope(origin), diagnose: (message, range) => this.ev.diagnose(message, range) }, body, block, what, kind);
  }

  /** Adds this module's resource instances (and those of the modules it calls) to `result`. */
  collect(result: EvalResult): void {
    for (const key of this.config.resources.keys()) {
      const set = this.resourceSet(key) as ResourceSet;
      const exp = set.expansion();
      if (exp instanceof Unknown) {
        result.skipped.push({ address: set.baseAddress, reason: exp.reason, range: exp.origin ?? set.decl.block.range, unknown: exp });
        continue;
      }
      for (const inst of set.instances()) result.resources.push(inst.toResourceInstance());
    }
    for (const name of this.config.moduleCalls.keys()) {
      const call = this.callSet(name) as ModuleCallSet;
      if (call.dir === undefined) {
        // Its resources are missing: the model must not take what they would add as absent.
        const reason = `${call.address} (source "${call.source}") was not found`;
        const range = rangeOf(call.decl.block, 'source') ?? call.decl.block.range;
        // What the notes about what it may hide point at: its `source`.
        result.skipped.push({ address: call.address, reason, range, unknown: new Unknown(reason, range, undefined, undefined, { originAddress: call.address }) });
        continue;
      }
      const exp = call.expansion();
      if (exp instanceof Unknown) {
        result.skipped.push({ address: `${this.prefix}module.${name}`, reason: exp.reason, range: exp.origin ?? call.decl.block.range, unknown: exp });
        continue;
      }
      for (const child of call.instances()) child.collect(result);
    }
  }
}

/** Handed to each ModuleCallSet, which makes its instances with it (modules.ts does not import this file). */
const makeModuleInstance: MakeModuleInstance = (...args) => new ModuleInstance(...args);
