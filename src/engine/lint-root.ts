// One root's part of the pipeline: eval → model → rules, with the notes and related locations the
// reports show. Runs on the main thread or in a root worker (src/engine/root-worker.ts).
import { evaluatePlan, evaluateRoot, type EvalInputs } from '../eval/index.js';
import { describeFolder, handedOn } from '../model/folder.js';
import { buildModel } from '../model/index.js';
import { attachOpenWorld } from '../model/open-world.js';
import type { Rule, RuleSettings } from '../rule.js';
import { originRangeOf, type EvalResult, type Finding, type ParsedFile, type PlanInput, type ResourceInstance, type Severity, type UnloadedModuleCall } from '../types.js';
import { runRules, type RunResult } from './run-rules.js';
import { attachTopology } from './topology.js';

export interface RootLintContext {
  rules: readonly Rule[];
  severityOverrides: ReadonlyMap<string, Severity>;
  strict: boolean;
  settings: RuleSettings;
  topology: boolean;
}

/** Lints one root folder of `files`; `verbose` holds the --verbose lines, `unloadedModules` the module calls it could not follow. */
export function lintRoot(
  root: string,
  files: ParsedFile[],
  inputs: EvalInputs,
  ctx: RootLintContext,
  plan?: PlanInput,
): { findings: Finding[]; verbose: string[]; unloadedModules: UnloadedModuleCall[]; undeclaredVars: string[] } {
  const verbose: string[] = [];
  // A reusable module linted on its own leaves its empty-default inputs to its caller (plans have real values).
  const folder = describeFolder(root, files);
  if (folder.kind === 'reusable-module') {
    const left = [...folder.placeholders.keys()].map((n) => `var.${n}`);
    verbose.push(`${root}: a reusable module: ${folder.why}${left.length && !plan ? `; left to its caller: ${left.join(', ')}` : ''}`);
  }
  const evalInputs = !plan && folder.placeholders.size ? { ...inputs, placeholders: folder.placeholders } : inputs;
  const evaluated: EvalResult = plan ? evaluatePlan(root, files, inputs, plan) : evaluateRoot(root, files, evalInputs);
  for (const s of evaluated.skipped) verbose.push(`${root}: skipped ${s.address}: ${s.reason}`);
  for (const d of evaluated.diagnostics) {
    const where = d.range ? `${d.range.file}:${d.range.start.line}:${d.range.start.column}: ` : `${root}: `;
    verbose.push(`${where}${d.message}`);
  }
  const model = buildModel(evaluated.resources, evaluated.skipped);
  attachOpenWorld(model, { folder, skipped: evaluated.skipped, ...handedOn(root, files, evaluated.resources, evaluated.moduleDirs ?? new Map()) });
  const result = runRules(model, ctx.rules, { severityOverrides: ctx.severityOverrides, strict: ctx.strict, settings: ctx.settings });
  for (const u of result.unknowns) verbose.push(`${root}: ${u.ruleId} skipped ${u.address}: ${u.what}`);
  if (ctx.strict) addUnknownOrigins(result.unknowns);
  addModuleCalls(result.findings, evaluated.resources);
  if (ctx.topology) attachTopology(result.findings, model);
  return { findings: result.findings, verbose, unloadedModules: evaluated.unloadedModules ?? [], undeclaredVars: evaluated.undeclaredVars ?? [] };
}

/** With --strict, a note about an unknown value also says where that value comes from (the Unknown's own origin, through its causes). */
function addUnknownOrigins(unknowns: RunResult['unknowns']): void {
  for (const { note, unknown, what } of unknowns) {
    const origin = note && originRangeOf(unknown);
    if (!note || !origin) continue;
    note.message = `${note.message.replace(/\.$/, '')} (${origin.file}:${origin.start.line}).`;
    note.related.push({ range: origin, message: `the unknown value comes from here: ${what}` });
  }
}

/** Findings inside a module list the calling `module` blocks (outermost first) as related locations. */
function addModuleCalls(findings: Finding[], resources: readonly ResourceInstance[]): void {
  const calls = new Map<string, ResourceInstance>();
  for (const r of resources) if (r.moduleCalls.length) calls.set(r.address, r);
  for (const f of findings) {
    if (!f.address.startsWith('module.')) continue;
    let resource = calls.get(f.address);
    for (let a = f.address; !resource && a.includes('.'); a = a.slice(0, a.lastIndexOf('.'))) resource = calls.get(a);
    if (!resource) continue;
    resource.moduleCalls.forEach((call, i) => {
      const address = resource.modulePath[i] ?? `module.${call.labels[0] ?? ''}`;
      f.related.push({ range: call.headerRange, address, message: `calls module "${call.labels[0] ?? address}"` });
    });
  }
}
