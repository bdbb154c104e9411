// The pipeline: load → eval (per root) → model → rules → ignores. Returns findings and errors;
// never prints and never exits.
import { evaluateRoot } from '../eval/index.js';
import { loadPaths, loadVarFile } from '../load/index.js';
import { buildModel } from '../model/index.js';
import { DEFAULT_HEALTH_CHECK_SOURCES } from '../model/reach.js';
import type { ProviderFamily, Rule, RuleSettings } from '../rule.js';
import type { Finding, LoadError, ParsedFile, ResourceInstance, Severity } from '../types.js';
import { UNUSED_IGNORE_RULE, applyIgnores } from './ignores.js';
import { runRules } from './run-rules.js';

export interface LintOptions {
  paths: string[];
  cwd: string;
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
}

export interface LintResult {
  findings: Finding[];
  errors: LoadError[];
  files: ParsedFile[];
  roots: string[];
  /** Lines for --verbose: what was skipped and why. */
  verbose: string[];
}

export async function lint(options: LintOptions): Promise<LintResult> {
  const loaded = await loadPaths(options.paths, { cwd: options.cwd, exclude: options.exclude });
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
  for (const root of loaded.roots) {
    const evaluated = evaluateRoot(root, loaded.files, { vars: options.vars, varFiles, env: options.env });
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
    addModuleCalls(result.findings, evaluated.resources);
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
  return { findings: withIgnores, errors, files: loaded.files, roots: loaded.roots, verbose: [...new Set(verbose)].sort() };
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
