// The pipeline: load → eval (per root) → model → rules → ignores. Returns findings and errors;
// never prints and never exits.
import path from 'node:path';
import {
  DEFAULT_CACHE_LOCATION,
  ParseCache,
  ResultCache,
  folderListing,
  readTextFileSync,
  isConfigKind,
  manifestPath,
  settingsHash,
  type ResultInputs,
  defaultJobs,
  discover,
  loadDiscovered,
  loadPlan,
  loadVarFile,
  planRoots,
  relativePath,
  type LoadStats,
} from '../load/index.js';
import { DEFAULT_HEALTH_CHECK_SOURCES } from '../analysis/index.js';
import type { ProviderFamily, Rule, RuleSettings } from '../rule.js';
import type { ProductSourceKey } from '../types.js';
import type { Finding, LoadError, ParsedFile, PlanInput, Severity, UnloadedModuleCall } from '../types.js';
import { UNUSED_IGNORE_RULE, applyIgnores } from './ignores.js';
import { lintRoot, type RootLintContext } from './lint-root.js';
import { registryRules, type RootJobResult, type RootSetup } from './root-job.js';
import type { Discovery, FileFacts, FoundFile, RootJob, RootPlan } from '../load/index.js';
import { rootWorkersAvailable, runRootJobs } from './root-pool.js';
import { assignFingerprints, assignLegacyFingerprints } from '../fingerprint.js';
import { packRootResult, unpackRootResult, type StoredRootResult } from './stored-result.js';
import { compareLoadErrors, compareStrings } from '../order.js';
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
  /** Folder the `exclude` globs are relative to (the config file's); default cwd. */
  excludeBase?: string;
  /** Every rule lblint knows (for ignore validation). */
  allRules: readonly Rule[];
  /** The rules to run. */
  rules: readonly Rule[];
  severityOverrides: ReadonlyMap<string, Severity>;
  healthCheckSources: Partial<Record<ProviderFamily | ProductSourceKey, string[]>>;
  strict: boolean;
  inlineIgnores: boolean;
  /** YYYY-MM-DD, for `until=` on ignores. */
  today: string;
  /** `terraform show -json` output to lint instead of lblint's own evaluation (`--plan`); `paths` then name the configuration's folder. */
  plan?: string;
  /** Attach each finding's part of its load balancer's graph (`Finding.topology`); only the job summary draws it. */
  topology?: boolean;
  /**
   * Load and lint each root folder in a worker of its own (default: with more than one job and
   * more than one root); false loads everything on the main thread first (tests compare the two).
   */
  rootWorkers?: boolean;
  /** Called as the run advances (the CLI's progress line on a terminal). */
  onProgress?: (progress: LintProgress) => void;
  /** Texts to lint instead of the files on disk, by absolute path (the editor's unsaved buffers, `lblint lsp`); loads on the main thread. */
  overlays?: ReadonlyMap<string, string>;
}

/** Where a run is: reading files, or linting roots (`rootsDone` finished, `root` the one under way when there is one). */
export interface LintProgress {
  phase: 'load' | 'lint';
  rootsDone: number;
  rootsTotal: number;
  root?: string;
}

export interface LintResult {
  findings: Finding[];
  errors: LoadError[];
  files: ParsedFile[];
  roots: string[];
  /** Lines for --verbose: what was skipped and why. */
  verbose: string[];
  /** Module calls that were not loaded, one per address (the CLI prints a notice; never silent). */
  unloadedModules: UnloadedModuleCall[];
  /** `--var` names that no linted root declares, with the roots (Terraform rejects an undeclared -var). */
  undeclaredVars: { name: string; roots: string[] }[];
  /** What loading cost (hcl2json calls, cache hits, workers) and whether the cache could be written. */
  loadStats?: LoadStats;
  /**
   * The text of one of `files`. Files linted in a worker or answered from the result cache come
   * without their text (`''`): it is read when first asked for (the text report's code frames), so
   * a run answered from the cache reads no file that no report shows.
   */
  sourceText(file: ParsedFile): string;
}

export async function lint(options: LintOptions): Promise<LintResult> {
  options.onProgress?.({ phase: 'load', rootsDone: 0, rootsTotal: 0 });
  const varFiles: ParsedFile[] = [];
  const varFileErrors: LoadError[] = [];
  for (const path of options.varFiles) {
    const result = await loadVarFile(path, options.cwd);
    if (result.error) varFileErrors.push(result.error);
    if (result.file) varFiles.push(result.file);
  }
  const settings: RuleSettings = {
    healthCheckSources: { ...DEFAULT_HEALTH_CHECK_SOURCES, ...options.healthCheckSources },
  };
  const discovery = await discover(options.paths, { cwd: options.cwd, exclude: options.exclude, ...(options.excludeBase !== undefined ? { excludeBase: options.excludeBase } : {}) });
  const byRoot = options.plan === undefined ? await lintByRoot(options, discovery, varFiles, settings) : undefined;
  let files: ParsedFile[];
  let roots: string[];
  let errors: LoadError[];
  let loadStats: LoadStats;
  let sourceText = (file: ParsedFile): string => file.text;
  const verbose: string[] = [];
  const unloadedModules: UnloadedModuleCall[] = [];
  const undeclared: [string, string][] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  /** A module shared by several roots yields the same finding once. */
  const add = (list: readonly Finding[]): void => {
    for (const f of list) {
      const key = `${f.ruleId}\0${f.address}\0${f.range.file}\0${f.range.start.line}\0${f.range.start.column}\0${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(f);
    }
  };
  if (byRoot !== undefined) {
    ({ files, roots, errors, stats: loadStats, sourceText } = byRoot);
    errors.push(...varFileErrors);
    for (const r of byRoot.results) {
      add(r.findings);
      verbose.push(...r.verbose);
      unloadedModules.push(...r.unloadedModules);
      undeclared.push(...r.undeclaredVars);
    }
  } else {
    const loaded = await loadDiscovered(discovery, {
      cwd: options.cwd,
      ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
      ...(options.cache !== undefined ? { cache: options.cache } : {}),
      ...(options.selectiveParsing === false ? { selective: false } : {}),
      ...(options.overlays !== undefined ? { overlays: options.overlays } : {}),
    });
    files = loaded.files;
    loadStats = loaded.stats;
    errors = [...loaded.errors, ...varFileErrors];
    const ctx: RootLintContext = { rules: options.rules, severityOverrides: options.severityOverrides, strict: options.strict, settings, topology: options.topology === true };
    let rootsDone = 0;
    const planned = options.plan === undefined ? undefined : await selectPlanRoot(options, loaded.roots, errors, verbose);
    roots = planned ? [planned.root] : options.plan === undefined ? loaded.roots : [];
    for (const root of roots) {
      options.onProgress?.({ phase: 'lint', rootsDone: rootsDone++, rootsTotal: roots.length, root });
      const inputs = { vars: options.vars, varFiles, env: options.env, ...(loaded.modules ? { modules: loaded.modules } : {}) };
      const result = lintRoot(root, loaded.files, inputs, ctx, planned?.plan);
      verbose.push(...result.verbose);
      unloadedModules.push(...result.unloadedModules);
      for (const name of result.undeclaredVars) undeclared.push([root, name]);
      add(result.findings);
    }
  }

  const knownRules = new Set([...options.allRules.map((r) => r.id), UNUSED_IGNORE_RULE]);
  const withIgnores = applyIgnores(findings, files, {
    knownRules,
    enabledRules: new Set(options.rules.map((r) => r.id)),
    today: options.today,
    enabled: options.inlineIgnores,
  });
  // Fingerprints are numbered over every finding in report order, before any filtering (baseline,
  // --quiet), so a finding keeps its fingerprint whatever else is shown.
  const sorted = sortFindings(withIgnores);
  const fingerprints = assignFingerprints(sorted);
  const legacy = assignLegacyFingerprints(sorted);
  for (const f of withIgnores) {
    f.fingerprint = fingerprints.get(f);
    const old = legacy.get(f);
    if (old !== undefined && old !== f.fingerprint) f.legacyFingerprint = old;
  }
  const byAddress = new Map(unloadedModules.map((m) => [m.address, m]));
  return { findings: withIgnores, errors, files, roots, verbose: [...new Set(verbose)].sort(), undeclaredVars: undeclaredEverywhere(options.vars, roots, undeclared), unloadedModules: [...byAddress.values()].sort((a, b) => compareStrings(a.address, b.address)), loadStats, sourceText };
}

/** The --var names that every linted root leaves undeclared, in command-line order. */
function undeclaredEverywhere(vars: readonly { name: string }[], roots: readonly string[], undeclared: readonly [string, string][]): { name: string; roots: string[] }[] {
  if (roots.length === 0) return [];
  const names = [...new Set(vars.map((v) => v.name))];
  return names.flatMap((name) => {
    const lacking = new Set(undeclared.filter(([, n]) => n === name).map(([root]) => root));
    return lacking.size >= new Set(roots).size ? [{ name, roots: [...new Set(roots)].sort() }] : [];
  });
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


/** Fewer walked files than this are linted in one piece: starting workers would cost more. */
const MIN_FILES_FOR_ROOT_WORKERS = 48;

/**
 * Loads and lints each root in a worker of its own; undefined when the configuration should be
 * linted in one piece (one root, few files, one job, or a root plan the loads did not confirm).
 */
async function lintByRoot(
  options: LintOptions,
  discovery: Discovery,
  varFiles: ParsedFile[],
  settings: RuleSettings,
): Promise<{ files: ParsedFile[]; roots: string[]; errors: LoadError[]; stats: LoadStats; results: RootJobResult[]; sourceText: (file: ParsedFile) => string } | undefined> {
  const forced = options.rootWorkers === true;
  // Root workers read the files themselves; unsaved editor texts are applied by the main-thread load.
  if (options.rootWorkers === false || options.overlays !== undefined || !rootWorkersAvailable()) return undefined;
  const workers = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  if (!forced && (workers < 2 || discovery.walked.length < MIN_FILES_FOR_ROOT_WORKERS)) return undefined;
  // Each job is a folder with configuration files: with fewer than two there is nothing to plan.
  if (!forced && new Set(discovery.walked.filter((f) => isConfigKind(f.kind)).map((f) => f.dirReal)).size < 2) return undefined;
  const ruleIds = options.rules.map((r) => r.id);
  if (!registryRules(ruleIds)) return undefined;
  const cwd = path.resolve(options.cwd);
  const cacheDir = options.cache === undefined ? undefined : path.resolve(cwd, options.cache.location ?? DEFAULT_CACHE_LOCATION);
  // Roots whose inputs did not change since the last run with --cache are not loaded again, and
  // files whose stat signature did not change are not even read (the cache keeps their facts).
  const resultCache = cacheDir === undefined ? undefined : await ResultCache.open<StoredRootResult>(cacheDir);
  const plan = await planRoots(discovery, cwd, resultCache?.facts);
  if ('whole' in plan) return undefined;
  if (!forced && plan.jobs.length < 2) return undefined;

  const jobs = [...plan.jobs].sort((a, b) => compareStrings(a.dir, b.dir));
  const all: RootJob[] = plan.loose.length > 0 ? [...jobs, { dir: '', dirReal: '', files: plan.loose, weight: 0, loose: true }] : jobs;
  const setup: RootSetup = {
    cwd,
    selective: options.selectiveParsing !== false,
    walkedByDir: [...plan.walkedByDir],
    ruleIds,
    severityOverrides: [...options.severityOverrides],
    settings,
    strict: options.strict,
    topology: options.topology === true,
    vars: options.vars,
    varFiles,
    env: options.env,
    cache: cacheDir !== undefined,
  };

  const setupHash =
    resultCache === undefined
      ? ''
      : settingsHash({
          ...setup,
          walkedByDir: undefined,
          env: Object.entries(options.env).filter(([k]) => k.startsWith('TF_VAR_')).sort(),
          varFiles: varFiles.map((f) => [f.path, f.text]),
        });
  const jobKey = (job: RootJob): string => (job.loose === true ? '\0loose' : job.dir);
  const results: (RootJobResult | undefined)[] = all.map((job) => {
    const hit = resultCache?.lookup(jobKey(job), setupHash, plan.walkedByDir);
    return hit === undefined ? undefined : unpackRootResult(hit);
  });
  const todo = all.flatMap((job, i) => (results[i] === undefined ? [i] : []));
  const plannerReads = plan.texts.size;
  let parseCache: Promise<ParseCache> | undefined;
  const openParseCache = (): Promise<ParseCache> => (parseCache ??= ParseCache.open(cacheDir as string));
  options.onProgress?.({ phase: 'lint', rootsDone: 0, rootsTotal: todo.length });
  const run = (indices: readonly number[], progress: boolean): Promise<RootJobResult[]> =>
    indices.length === 0
      ? Promise.resolve([])
      : runRootJobs(
          indices.map((i) => all[i] as RootJob),
          {
            workers: Math.min(workers, indices.length),
            setup,
            texts: plan.texts,
            cacheGet: cacheDir === undefined ? undefined : async (key) => (await openParseCache()).get(key),
            // Several roots are under way at once, and `job` is one that has just finished: no name is
            // shown, and nothing once the last one is done ("root N+1 of N").
            onDone: (done, total) => {
              if (progress && done < total) options.onProgress?.({ phase: 'lint', rootsDone: done, rootsTotal: total });
            },
          },
        );
  const fresh = await run(todo, true);
  todo.forEach((i, k) => (results[i] = fresh[k]));

  // The jobs must be the roots one load of everything finds. The planner reads module calls and
  // finds their folders as the loader does (load/module-calls.ts), but cannot see what only
  // hcl2json rejects (a file that fails to parse loads nothing): a folder predicted to be a module
  // that no job loaded gets a job of its own, and a job whose folder another job loaded as a
  // module is dropped (that job has linted it as the module it is). Nothing is loaded twice.
  const kept = new Set(all.keys());
  const ran = new Set(todo);
  for (;;) {
    const actual = new Set<string>();
    for (const i of kept) for (const d of (results[i] as RootJobResult).moduleDirs) actual.add(d);
    for (const i of kept) if (all[i]?.loose !== true && actual.has((all[i] as RootJob).dirReal)) kept.delete(i);
    const jobDirs = new Set(all.map((job) => job.dirReal));
    const orphans: number[] = [];
    for (const [dirReal, found] of plan.walkedByDir) {
      if (actual.has(dirReal) || jobDirs.has(dirReal) || !found.some((f) => isConfigKind(f.kind))) continue;
      const first = found[0] as FoundFile;
      orphans.push(all.push({ dir: relativePath(cwd, path.dirname(first.abs)), dirReal, files: found, weight: 0 }) - 1);
    }
    if (orphans.length === 0) break;
    const more = await run(orphans, false);
    orphans.forEach((i, k) => {
      results[i] = more[k];
      kept.add(i);
      ran.add(i);
    });
  }
  // In the order of the roots' folders (the loose files last), as the planned jobs were.
  const order = [...kept].sort((a, b) => ((all[a] as RootJob).loose === true ? 1 : (all[b] as RootJob).loose === true ? -1 : compareStrings((all[a] as RootJob).dir, (all[b] as RootJob).dir)));
  const done = order.map((i) => results[i] as RootJobResult);
  for (const i of kept) {
    const job = all[i] as RootJob;
    const result = results[i] as RootJobResult;
    // A root with load errors is loaded again next time (a file that failed is not an input).
    if (resultCache === undefined || !ran.has(i) || result.errors.length > 0) continue;
    resultCache.record(jobKey(job), resultInputs(job, result, setupHash, plan, cwd, resultCache.facts), packRootResult(result));
  }

  // No file was read under two names.
  const realOf = new Map<string, string>();
  const pathOf = new Map<string, string>();
  for (const r of done) {
    for (let i = 0; i < r.reals.length; i += 2) {
      const p = r.reals[i] as string;
      const real = r.reals[i + 1] as string;
      if ((realOf.get(p) ?? real) !== real || (pathOf.get(real) ?? p) !== p) return undefined;
      realOf.set(p, real);
      pathOf.set(real, p);
    }
  }

  // Saved only now: results of jobs read under two names are not kept.
  const cacheProblems: string[] = [];
  if (resultCache !== undefined) {
    const problem = await resultCache.save();
    if (problem !== undefined) cacheProblems.push(problem);
  }

  const files = new Map<string, ParsedFile>();
  const errors = new Map<string, LoadError>();
  for (const e of discovery.errors) errors.set(JSON.stringify(e), e);
  const roots = new Set<string>();
  const stats: LoadStats = { hclCalls: 0, fastParses: 0, cacheHits: 0, workers: todo.length === 0 ? 0 : Math.min(workers, todo.length), rootJobs: all.length, rootsFromCache: all.length - ran.size, plannerReads };
  for (const r of done) {
    for (const f of r.files) if (!files.has(f.path)) files.set(f.path, f);
    for (const e of r.errors) errors.set(JSON.stringify(e), e);
    for (const root of r.roots) roots.add(root);
    stats.hclCalls += r.hclCalls;
    stats.fastParses += r.fastParses;
    stats.cacheHits += r.cacheHits;
  }
  // Opened only if a worker asked for an entry; then it keeps what this run used.
  if (parseCache !== undefined) {
    const cache = await parseCache;
    for (const i of ran) cache.keepUses((results[i] as RootJobResult).cacheUses);
    if (ran.size < all.length) cache.retainStored();
    const problem = await cache.save();
    if (problem !== undefined) cacheProblems.push(problem);
  }
  if (cacheProblems.length > 0) stats.cacheProblem = cacheProblems[0];
  return {
    files: [...files.values()].sort((a, b) => compareStrings(a.path, b.path)),
    roots: [...roots].sort(),
    errors: [...errors.values()].sort(compareLoadErrors),
    stats,
    results: order.flatMap((i) => (all[i]?.loose === true ? [] : [results[i] as RootJobResult])),
    // A worker sends the text of a file only when the main thread has not read it, and the main
    // thread hands each text it read over to the job that needs it.
    sourceText: (file) => {
      if (file.text !== '') return file.text;
      const abs = path.resolve(cwd, file.path);
      return plan.texts.get(abs) ?? readTextFileSync(abs) ?? '';
    },
  };
}

/** What a root's result was made from: every file its load read, every folder it loaded, its module manifest. */
function resultInputs(job: RootJob, result: RootJobResult, setup: string, plan: RootPlan, cwd: string, facts: FileFacts): ResultInputs {
  const files = result.files.map((f) => path.resolve(cwd, f.path));
  if (job.loose !== true) files.push(manifestPath(path.dirname((job.files[0] as FoundFile).abs)));
  const folders = [...new Set([...job.files.map((f) => f.dirReal), ...result.moduleDirs])].sort();
  return { setup, files, hashes: files.map((abs) => facts.hash(abs)), folders: folders.map((d): [string, string] => [d, folderListing(d, plan.walkedByDir)]) };
}
