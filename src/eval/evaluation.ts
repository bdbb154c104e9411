// What one evaluation shares: the run (configurations by folder, diagnostics, the module calls
// met) and the face of a module instance that its resources and module calls see.

import type { BlockNode, EvalDiagnostic, EvalResult, ModuleCallTable, ParsedFile, Range, UnloadedModuleCall, Value } from '../types.js';
import type { Scope } from './expression.js';
import type { ValueObject } from './values.js';
import { filesByDir, readConfig, type Body, type ModuleConfig } from './config.js';
import type { Expansion, InstanceContext, PlannedKeys } from './expansion.js';

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

const NO_MODULES: ModuleCallTable = { local: new Map(), fetched: new Map() };

export class Evaluation {
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
export type InputSource = (name: string) => Value | undefined;

/**
 * A module instance (the root, or one instance of a module call) as its resource sets and module
 * calls see it. `ModuleInstance` (module-instance.ts) is the one implementation; the interface lets
 * resources.ts and modules.ts use it without importing that file, which imports them.
 */
export interface ModuleContext {
  readonly ev: Evaluation;
  readonly config: ModuleConfig;
  /** `''` at the root, else `module.a.` / `module.a["k"].module.b.` */
  readonly prefix: string;
  readonly modulePath: string[];
  readonly moduleCalls: BlockNode[];
  /** Call names from the root, for `.terraform/modules` keys. */
  readonly callNames: string[];
  scope(origin: Range | undefined, ctx?: InstanceContext): Scope;
  expand(body: Body, block: BlockNode, what: string, kind: 'managed' | 'data' | 'module'): Expansion;
  output(name: string, origin: Range | undefined): Value;
  outputs(): ValueObject;
  /** Adds this module's resource instances (and those of the modules it calls) to `result`. */
  collect(result: EvalResult): void;
}
