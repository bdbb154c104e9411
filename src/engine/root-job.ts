// A root job: load one root folder (and the modules it calls), then lint it. The same code runs in
// a root worker (src/engine/root-worker.ts) and, when no worker is left, on the main thread.
import path from 'node:path';
import { loadFound, type FoundFile, type ParseCacheStore, type RootJob, type SerializedBlocks } from '../load/index.js';
import type { RuleSettings } from '../rule.js';
import type { Finding, LoadError, ParsedFile, Severity, UnloadedModuleCall } from '../types.js';
import { rules as registry } from '../../rules/index.js';
import { coveredRange } from './ignores.js';
import { lintRoot } from './lint-root.js';

/** What every job of a run shares (structured-cloned into each worker once). */
export interface RootSetup {
  cwd: string;
  selective: boolean;
  walkedByDir: [string, FoundFile[]][];
  ruleIds: string[];
  severityOverrides: [string, Severity][];
  settings: RuleSettings;
  strict: boolean;
  topology: boolean;
  vars: { name: string; value: string }[];
  varFiles: ParsedFile[];
  env: Record<string, string | undefined>;
  cache: boolean;
}

/** A cache entry a job used: a new one with its JSON serialized, a reused one by its blocks only (`jsonText` ''). */
export type CacheUse = [key: string, entry: SerializedBlocks, isNew: boolean];

export interface RootJobResult {
  findings: Finding[];
  verbose: string[];
  /** Module calls no root of the job could follow (the CLI prints one notice about them). */
  unloadedModules: UnloadedModuleCall[];
  /** `[root, name]` for each --var name a root of the job does not declare. */
  undeclaredVars: [root: string, name: string][];
  errors: LoadError[];
  /** The files loaded, without their parsed values (the main thread needs paths, texts and ignore comments). */
  files: ParsedFile[];
  roots: string[];
  moduleDirs: string[];
  /** Each file's path as shown and its real path, one after the other (one array, not one per file). */
  reals: string[];
  hclCalls: number;
  fastParses: number;
  cacheHits: number;
  cacheUses: CacheUse[];
}

const registryById = new Map(registry.map((r) => [r.id, r]));

/** Whether the rules of a run can be found again by id in a worker. */
export function registryRules(ruleIds: readonly string[]): boolean {
  return ruleIds.every((id) => registryById.has(id));
}

export async function runRootJob(
  job: RootJob,
  texts: ReadonlyMap<string, string>,
  setup: RootSetup,
  walkedByDir: ReadonlyMap<string, readonly FoundFile[]>,
  cacheGet: ParseCacheStore['get'] | undefined,
): Promise<RootJobResult> {
  const cacheUses: CacheUse[] = [];
  const store: ParseCacheStore | undefined = cacheGet
    ? { get: cacheGet, keep: (key, entry, isNew) => cacheUses.push([key, isNew ? { parsed: entry.parsed, jsonText: JSON.stringify(entry.json) } : { parsed: entry.parsed, jsonText: '' }, isNew]) }
    : undefined;
  const loadedDirs = new Set(job.files.map((f) => f.dirReal));
  const loaded = await loadFound(
    { walked: job.files, errors: [], loadedDirs, fileArguments: false },
    { cwd: setup.cwd, selective: setup.selective, jobs: 1, texts, walkedByDir, ...(store ? { cache: store } : {}) },
  );
  const findings: Finding[] = [];
  const verbose: string[] = [];
  const unloadedModules: UnloadedModuleCall[] = [];
  const undeclaredVars: [string, string][] = [];
  if (job.loose !== true) {
    const ctx = {
      rules: setup.ruleIds.flatMap((id) => registryById.get(id) ?? []),
      severityOverrides: new Map(setup.severityOverrides),
      strict: setup.strict,
      settings: setup.settings,
      topology: setup.topology,
    };
    for (const root of loaded.roots) {
      const result = lintRoot(root, loaded.files, { vars: setup.vars, varFiles: setup.varFiles, env: setup.env, ...(loaded.modules ? { modules: loaded.modules } : {}) }, ctx);
      findings.push(...result.findings);
      verbose.push(...result.verbose);
      unloadedModules.push(...result.unloadedModules);
      for (const name of result.undeclaredVars) undeclaredVars.push([root, name]);
    }
  }
  return {
    findings,
    verbose,
    unloadedModules,
    undeclaredVars,
    errors: loaded.errors,
    // A text the main thread sent is not sent back (it fills it in): '' here. Neither are the
    // blocks: each ignore comment takes along the range it covers instead.
    files: loaded.files.map((f) => ({
      path: f.path,
      dir: f.dir,
      kind: f.kind,
      text: texts.has(path.resolve(setup.cwd, f.path)) ? '' : f.text,
      json: {},
      blocks: [],
      attributes: {},
      ignores: f.ignores.map((directive) => ({ ...directive, covers: coveredRange(f, directive) })),
    })),
    roots: job.loose === true ? [] : loaded.roots,
    moduleDirs: loaded.moduleDirs,
    reals: [...loaded.reals].flat(),
    hclCalls: loaded.stats.hclCalls,
    fastParses: loaded.stats.fastParses,
    cacheHits: loaded.stats.cacheHits,
    cacheUses,
  };
}
