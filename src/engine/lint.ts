// The pipeline: load → eval (per root) → model → rules → ignores. Returns findings and errors;
// never prints and never exits.
import path from 'node:path';
import { evaluatePlan, evaluateRoot, unknownOrigins } from '../eval/index.js';
import { loadPaths, loadPlan, loadVarFile, relativePath, type LoadStats } from '../load/index.js';
import { buildModel } from '../model/index.js';
import { DEFAULT_HEALTH_CHECK_SOURCES } from '../model/reach.js';
import type { ProviderFamily, Rule, RuleSettings } from '../rule.js';
import type { EvalResult, Finding, LoadError, ParsedFile, PlanInput, ResourceInstance, Severity } from '../types.js';
import { UNUSED_IGNORE_RULE, applyIgnores } from './ignores.js';
import { runRules } from './run-rules.js';
import { attachTopology } from './topology.js';
import { assignFingerprints } from '../fingerprint.js';
import { sortFindings } from '../report/sort.js';

export interface LintOptions {
  paths: string[];
  cwd: string;
  /** Parse worker threads (default: the number of CPUs; 1 parses on the main thread). */
  jobs?: number;
  /** false: parse every block, not only those that can affect a rule (tests compare the two). */
  selectiveParsing?: boolean;
  /** `--cache`: keep hcl2json results in `location` (default `.lblint-cache` in cwd). */
  cache?: { location?: string };
  env: Record<string, string | undefined>;
  vars: { name: string; value: string }[];
  varFiles: string[];
  exclude: string[];
  /** Every rule lblint knows (for ignore validation). */
  allRules: readonly Rule[];
  /** The rules to run. */
  rules: readonly Rule[];
  severityOverrides: ReadonlyMap<string, Severity>;
  healthCheckSources: Partial<Record<ProviderFamily, string[]>>;
  strict: boolean;
  inlineIgnores: boolean;
  /** YYYY-MM-DD, for `until=` on ignores. */
  today: string;
  /** `terraform show -json` output to lint instead of lblint's own evaluation (`--plan`); `paths` then name the configuration's folder. */
  plan?: string;
  /** Attach each finding's part of its load balancer's graph (`Finding.topology`); only the job summary draws it. */
  topology?: boolean;
  /** Called as the run advances (the CLI's progress line on a terminal). */
  onProgress?: (progress: { phase: 'load' | 'lint'; rootsDone: number; rootsTotal: number; root?: string }) => void;
}

export interface LintResult {
  findings: Finding[];
  errors: LoadError[];
  files: ParsedFile[];
  roots: string[];
  /** Lines for --verbose: what was skipped and why. */
  verbose: string[];
  /** What loading cost (hcl2json calls, cache hits, workers) and whether the cache could be written. */
  loadStats?: LoadStats;
}

export async function lint(options: LintOptions): Promise<LintResult> {
  options.onProgress?.({ phase: 'load', rootsDone: 0, rootsTotal: 0 });
  const loaded = await loadPaths(options.paths, {
    cwd: options.cwd,
    exclude: options.exclude,
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.cache !== undefined ? { cache: options.cache } : {}),
    ...(options.selectiveParsing === false ? { selective: false } : {}),
  });
  const errors: LoadError[] = [...loaded.errors];
  const varFiles: ParsedFile[] = [];
  for (const path of options.varFiles) {
    const result = await loadVarFile(path, options.cwd);
    if (result.error) errors.push(result.error);
    if (result.file) varFiles.push(result.file);
  }
  const settings: RuleSettings = {
    healthCheckSources: { ...DEFAULT_HEALTH_CHECK_SOURCES, ...options.healthCheckSources },
  };

  const verbose: string[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let rootsDone = 0;
  const planned = options.plan === undefined ? undefined : await selectPlanRoot(options, loaded.roots, errors, verbose);
  const roots = planned ? [planned.root] : options.plan === undefined ? loaded.roots : [];
  for (const root of roots) {
    options.onProgress?.({ phase: 'lint', rootsDone: rootsDone++, rootsTotal: roots.length, root });
    const inputs = { vars: options.vars, varFiles, env: options.env, manifest: loaded.manifest ?? [] };
    const evaluated: EvalResult = planned ? evaluatePlan(root, loaded.files, inputs, planned.plan) : evaluateRoot(root, loaded.files, inputs);
    for (const s of evaluated.skipped) verbose.push(`${root}: skipped ${s.address}: ${s.reason}`);
    for (const d of evaluated.diagnostics) {
      const where = d.range ? `${d.range.file}:${d.range.start.line}:${d.range.start.column}: ` : `${root}: `;
      verbose.push(`${where}${d.message}`);
    }
    const model = buildModel(evaluated.resources, evaluated.skipped);
    const result = runRules(model, options.rules, {
      severityOverrides: options.severityOverrides,
      strict: options.strict,
      settings,
    });
    for (const u of result.unknowns) verbose.push(`${root}: ${u.ruleId} skipped ${u.address}: ${u.what}`);
    if (options.strict) addUnknownOrigins(result.findings, evaluated);
    addModuleCalls(result.findings, evaluated.resources);
    if (options.topology) attachTopology(result.findings, model);
    // A module shared by several roots yields the same finding once.
    for (const f of result.findings) {
      const key = [f.ruleId, f.address, f.range.file, f.range.start.line, f.range.start.column, f.message].join('\0');
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(f);
    }
  }

  const knownRules = new Set([...options.allRules.map((r) => r.id), UNUSED_IGNORE_RULE]);
  const withIgnores = applyIgnores(findings, loaded.files, {
    knownRules,
    enabledRules: new Set(options.rules.map((r) => r.id)),
    today: options.today,
    enabled: options.inlineIgnores,
  });
  // Fingerprints are numbered over every finding in report order, before any filtering (baseline,
  // --quiet), so a finding keeps its fingerprint whatever else is shown.
  const fingerprints = assignFingerprints(sortFindings(withIgnores));
  for (const f of withIgnores) f.fingerprint = fingerprints.get(f);
  return { findings: withIgnores, errors, files: loaded.files, roots, verbose: [...new Set(verbose)].sort(), loadStats: loaded.stats };
}

/** Reads `--plan` and picks the root folder whose `.tf` files it was planned from. */
async function selectPlanRoot(options: LintOptions, roots: readonly string[], errors: LoadError[], verbose: string[]): Promise<{ plan: PlanInput; root: string } | undefined> {
  const read = await loadPlan(options.plan ?? '', options.cwd);
  errors.push(...read.errors);
  if (!read.plan) return undefined;
  const wanted = relativePath(options.cwd, path.resolve(options.cwd, options.paths[0] ?? '.'));
  const root = roots.length === 1 ? roots[0] : roots.includes(wanted) ? wanted : undefined;
  if (root === undefined && roots.length > 1) {
    errors.push({ file: read.plan.file, message: `--plan: the paths hold ${roots.length} Terraform roots (${roots.join(', ')}); name the folder the plan was made in` });
    return undefined;
  }
  const plan = read.plan;
  verbose.push(
    `${plan.file}: plan format ${plan.formatVersion}${plan.terraformVersion ? ` (Terraform ${plan.terraformVersion})` : ''}, ${plan.resources.length} planned resource instances, ` +
      (root === undefined ? `no .tf files in '${wanted}': findings point at the plan` : `source in '${root}'`),
  );
  return { plan, root: root ?? wanted };
}

/** With --strict, a note about an unknown value also says where that value comes from. */
function addUnknownOrigins(findings: Finding[], evaluated: EvalResult): void {
  let origins: Map<string, import('../types.js').Range> | undefined;
  for (const f of findings) {
    if (f.severity !== 'note' || !f.attribute?.startsWith('unknown:')) continue;
    origins ??= unknownOrigins(evaluated);
    const what = f.attribute.slice('unknown:'.length);
    let origin = origins.get(what);
    if (!origin) {
      // The rule may have wrapped the reason ("for_each of x is unknown: var.y has no value").
      let best = '';
      for (const reason of origins.keys()) if (reason.length > best.length && what.includes(reason)) best = reason;
      origin = best ? origins.get(best) : undefined;
    }
    if (!origin) continue;
    f.message = `${f.message.replace(/\.$/, '')} (${origin.file}:${origin.start.line}).`;
    f.related.push({ range: origin, message: `the unknown value comes from here: ${what}` });
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
