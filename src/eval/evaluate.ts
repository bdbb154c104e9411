// Evaluates a root module (and the local modules it calls) into resource instances:
// variables, locals, references, count/for_each, dynamic blocks and module outputs.
// The entry points; the work is in evaluation.ts (the run), module-instance.ts (variables,
// locals, outputs, scopes), expansion.ts (count/for_each), resources.ts, bodies.ts (dynamic
// blocks) and modules.ts (module calls).

import type { EvalResult, ParsedFile } from '../types.js';
import { evaluateJson, literalJson } from './json.js';
import { rootInputs, type EvalInputs } from './root-inputs.js';
import { instanceSuffix, type PlannedKeys } from './expansion.js';
import { Evaluation, type ModuleCallIndex, type ModuleCallInfo } from './evaluation.js';
import { ModuleInstance } from './module-instance.js';

export { evaluateJson, literalJson, instanceSuffix, type EvalInputs, type PlannedKeys, type ModuleCallIndex, type ModuleCallInfo };

/**
 * Evaluates the module in folder `root` (files with `dir === root`) and the local modules it
 * calls. `files` are all loaded files; `inputs` the -var/-var-file/TF_VAR_ values.
 */
export function evaluateRoot(root: string, files: ParsedFile[], inputs: EvalInputs): EvalResult {
  return evaluateConfiguration(root, files, inputs).result;
}

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
