// Reads and parses the configuration: finds the files, reads and parses them (with the parse
// cache of cache.ts and the walk of files.ts), and resolves module calls.
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareLoadErrors } from '../order.js';
import type { LoadError, LoadResult, ModuleManifestEntry, ParsedFile, SourceKind } from '../types.js';
import { duplicateDeclarations } from './duplicates.js';
import { applyOverrides } from './override.js';
import {
  compileExcludes,
  describeFsError,
  explicitKind,
  isConfigKind,
  isLocalSource,
  listModuleFolder,
  manifestEntries,
  manifestPath,
  realpathOrUndefined,
  relativePath,
  UTF8,
  walkFolder,
  type FoundFile,
} from './files.js';
import { DEFAULT_CACHE_LOCATION, ParseCache } from './cache.js';
import { parseText, type ParseOutcome, type ParseTask, type ParsedBlocks } from './parse-file.js';
import { ParsePool } from './pool.js';
import { locateModuleFolder, moduleCallsOf, ModuleCallTableBuilder } from './module-calls.js';

export interface LoadOptions {
  cwd: string;
  /** gitignore-style globs relative to cwd. */
  exclude?: string[];
  /** Parse worker threads (default: the number of CPUs); 1 parses on the main thread. */
  jobs?: number;
  /** false: hand every block to hcl2json, not only those that can affect a rule (for comparisons). */
  selective?: boolean;
  /** Keep hcl2json results in a cache folder (`--cache`); `location` defaults to `.lblint-cache` in cwd. */
  cache?: { location?: string };
  /**
   * Texts to use instead of what is on disk, by absolute path (an editor's unsaved buffers, for
   * `lblint lsp`). Only files the walk finds are read, so a buffer never saved is not linted.
   */
  overlays?: ReadonlyMap<string, string>;
}

/** Where parse results are kept between runs: the cache file, or (in a root worker) the main thread's. */
export interface ParseCacheStore {
  get(key: string): ParsedBlocks[] | undefined | Promise<ParsedBlocks[] | undefined>;
  keep(key: string, entry: ParsedBlocks, isNew: boolean): void;
}

/** What a root worker's load starts from (src/engine/root-pool.ts): the walk the main thread made. */
export interface FoundLoadOptions {
  cwd: string;
  selective?: boolean;
  /** Parse worker threads for this load (a root worker parses inline: 1). */
  jobs?: number;
  cache?: ParseCacheStore;
  /** Files the main thread already read, by absolute path. */
  texts?: ReadonlyMap<string, string>;
  /** The walked files of every walked folder (real path → files): a module folder among them is loaded as the walk found it. */
  walkedByDir?: ReadonlyMap<string, readonly FoundFile[]>;
}

/** The files the path arguments name (folders walked), before anything is read. */
export interface Discovery {
  walked: FoundFile[];
  errors: LoadError[];
  /** Real folders whose files the walk found. */
  loadedDirs: Set<string>;
  /** Whether a path argument named a file (not a folder). */
  fileArguments: boolean;
}

/** What loading cost (the worker and cache tests) and whether the cache could be written (the CLI warns). */
export interface LoadStats {
  /** hcl2json calls made. */
  hclCalls: number;
  /** Files converted by the fast path (src/load/fast-hcl.ts) instead of hcl2json. */
  fastParses: number;
  /** Parses answered by the cache instead of hcl2json. */
  cacheHits: number;
  /** Parse workers started (0: everything parsed on the main thread). */
  workers: number;
  /** Root jobs run (each root loaded and linted on its own, src/engine/root-pool.ts); absent when the configuration was loaded at once. */
  rootJobs?: number;
  /** Root jobs answered by the result cache (`--cache`) without loading anything. */
  rootsFromCache?: number;
  /** Files the root planner read (with `--cache`, a file whose stat signature is unchanged is not read). */
  plannerReads?: number;
  /** The cache could not be written (the run is not affected). */
  cacheProblem?: string;
}

/** Files read and handed to the parser at once (bounds the memory of texts in flight). */
const PARSE_CONCURRENCY = 64;
/** Fewer files than this are parsed on the main thread: starting workers would cost more. */
const MIN_FILES_FOR_WORKERS = 48;

/** The default --jobs: the CPUs this process may use. */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next;
      next += 1;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function readTextAt(abs: string, rel: string, sync = false): Promise<{ text?: string; error?: LoadError }> {
  let buffer: Buffer;
  try {
    // Many small files: a synchronous read is several times cheaper than fs.promises' open/stat/read/close.
    buffer = sync ? readFileSync(abs) : await fs.readFile(abs);
  } catch (err) {
    return { error: describeFsError(err, rel) };
  }
  const nul = buffer.indexOf(0);
  if (nul >= 0) {
    // Located at the first NUL byte, so an editor jumps to it.
    const before = UTF8.decode(buffer.subarray(0, nul));
    const lines = before.split('\n');
    const at = { line: lines.length, column: (lines[lines.length - 1] ?? '').replace(/\r$/, '').length + 1 };
    const range = { file: rel, start: at, end: { line: at.line, column: at.column + 1 } };
    return { error: { file: rel, range, message: `'${rel}' is not a text file (it contains NUL bytes)` } };
  }
  // The parser reports whatever it cannot read.
  return { text: UTF8.decode(buffer) };
}

/** Reads a text file (config, plan JSON): `error` for a missing, unreadable or binary file. */
export async function readText(filePath: string, cwd: string = process.cwd()): Promise<{ text?: string; error?: LoadError }> {
  const abs = path.resolve(cwd, filePath);
  return readTextAt(abs, relativePath(cwd, abs));
}

/** Reads and parses one file. Exactly one of `file` / `errors` is meaningful. */
export async function parseFile(abs: string, rel: string, kind: SourceKind): Promise<{ file?: ParsedFile; errors: LoadError[] }> {
  const read = await readTextAt(abs, rel);
  if (read.text === undefined) return { errors: [read.error ?? { file: rel, message: `cannot read '${rel}'` }] };
  const outcome = await parseText({ rel, kind, text: read.text });
  return outcome.file === undefined ? { errors: outcome.errors } : { file: outcome.file, errors: outcome.errors };
}

/** Loads a `--var-file` (`.tfvars` HCL or `.tfvars.json`). */
export async function loadVarFile(filePath: string, cwd: string): Promise<{ file?: ParsedFile; error?: LoadError }> {
  const abs = path.resolve(cwd, filePath);
  const rel = relativePath(cwd, abs);
  const kind: SourceKind = filePath.endsWith('.json') ? 'tfvars.json' : 'tfvars';
  const result = await parseFile(abs, rel, kind);
  if (result.file !== undefined) return { file: result.file };
  return { error: result.errors[0] ?? { file: rel, message: `cannot load '${rel}'` } };
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Walks the path arguments. Never throws. */
export async function discover(paths: string[], options: { cwd: string; exclude?: string[]; excludeBase?: string }): Promise<Discovery> {
  const cwd = path.resolve(options.cwd);
  const isExcluded = compileExcludes(options.exclude ?? [], { cwd, base: path.resolve(cwd, options.excludeBase ?? '.') });
  const errors: LoadError[] = [];
  const visitedDirs = new Set<string>();
  const walked: FoundFile[] = [];
  /** Real folders whose files were loaded (by the walk, or as a module), so a module folder is read once; a file argument does not read its folder. */
  const loadedDirs = new Set<string>();
  let fileArguments = false;

  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let stat: import('node:fs').Stats;
    let real: string;
    try {
      real = await fs.realpath(abs);
      stat = await fs.stat(real);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException | undefined)?.code;
      errors.push(
        code === 'ENOENT' || code === 'ENOTDIR'
          ? { message: `lblint: path '${p}' does not exist` }
          : describeFsError(err, relativePath(cwd, abs), 'path'),
      );
      continue;
    }
    if (stat.isDirectory()) {
      const found = await walkFolder(abs, real, cwd, isExcluded, visitedDirs, errors);
      for (const f of found) loadedDirs.add(f.dirReal);
      walked.push(...found);
    } else {
      fileArguments = true;
      const kind = explicitKind(path.basename(abs));
      if (kind === undefined) {
        errors.push({
          file: relativePath(cwd, abs),
          message: `lblint: '${p}' is not a Terraform file (expected .tf, .tf.json, .tofu, .tofu.json, .tfvars or .tfvars.json)`,
        });
        continue;
      }
      walked.push({ abs, real, kind, dirReal: path.dirname(real), rootReal: path.dirname(real) });
    }
  }
  return { walked, errors, loadedDirs, fileArguments };
}

export type LoadPathsResult = LoadResult & {
  roots: string[];
  stats: LoadStats;
  /** Real paths of the folders loaded as modules (a candidate root among them is not a root). */
  moduleDirs: string[];
  /** Real path of each file, by its path (a file reached under two names is read once). */
  reals: Map<string, string>;
};

/**
 * Finds, reads and parses the Terraform files under `paths`, then the local modules they call and
 * the modules recorded in `.terraform/modules/modules.json`. Never throws; output order does not
 * depend on the file system.
 */
export async function loadPaths(paths: string[], options: LoadOptions): Promise<LoadPathsResult> {
  return loadDiscovered(await discover(paths, options), options);
}

/** `loadPaths` after `discover`, with the cache file of `options.cache`. */
export async function loadDiscovered(found: Discovery, options: LoadOptions): Promise<LoadPathsResult> {
  const cwd = path.resolve(options.cwd);
  const cache = options.cache === undefined ? undefined : await ParseCache.open(path.resolve(cwd, options.cache.location ?? DEFAULT_CACHE_LOCATION));
  const result = await loadFound(found, {
    cwd,
    ...(options.selective === undefined ? {} : { selective: options.selective }),
    ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
    ...(cache === undefined ? {} : { cache }),
    ...(options.overlays === undefined ? {} : { texts: options.overlays }),
  });
  if (cache !== undefined) {
    const problem = await cache.save();
    if (problem !== undefined) result.stats.cacheProblem = problem;
  }
  return result;
}

/** Reads and parses what `discover` found, and the modules it calls. Never throws. */
export async function loadFound(discovery: Discovery, options: FoundLoadOptions): Promise<LoadPathsResult> {
  const cwd = path.resolve(options.cwd);
  const cwdReal = (await realpathOrUndefined(cwd)) ?? cwd;
  const errors: LoadError[] = [...discovery.errors];
  const walked = discovery.walked;
  const loadedDirs = new Set(discovery.loadedDirs);

  const files: ParsedFile[] = [];
  const seenFiles = new Set<string>();
  const moduleTargets = new Set<string>();
  const fileInfo = new Map<ParsedFile, FoundFile>();

  const stats: LoadStats = { hclCalls: 0, fastParses: 0, cacheHits: 0, workers: 0 };
  const jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  const cache = options.cache;
  let pool: ParsePool | undefined;

  /** Parses one text (in a worker when there is a pool), with the cache. */
  const parseTask = async (task: ParseTask, key: string | undefined): Promise<ParseOutcome> => {
    const cached = key === undefined ? undefined : await cache?.get(key);
    const withCache: ParseTask = { ...task, ...(cached === undefined ? {} : { cached }), ...(options.selective === false ? { everything: true } : {}) };
    const outcome = pool === undefined ? await parseText(withCache) : await pool.run(withCache);
    stats.hclCalls += outcome.hclCalls;
    stats.fastParses += outcome.fastParses ?? 0;
    if (key !== undefined && cache !== undefined) {
      const reused = outcome.reused === undefined ? undefined : cached?.[outcome.reused];
      if (outcome.fresh !== undefined) cache.keep(key, outcome.fresh, true);
      else if (reused !== undefined) {
        cache.keep(key, reused, false);
        stats.cacheHits += 1;
      }
    }
    return outcome;
  };

  /**
   * Blocks left out of a file must be parsed after all when a parsed block of the same module
   * folder names them (`huaweicloud_lb_member.address = aws_instance.x.private_ip`). Per folder:
   * the addresses parsed blocks name, and the left-out blocks by address.
   */
  interface Loaded {
    file: ParsedFile;
    key: string | undefined;
    include: Set<number>;
  }
  const folders = new Map<string, { wanted: Set<string>; skipped: Map<string, { loaded: Loaded; index: number }[]> }>();
  const folderOf = (dir: string) => {
    let folder = folders.get(dir);
    if (folder === undefined) {
      folder = { wanted: new Set(), skipped: new Map() };
      folders.set(dir, folder);
    }
    return folder;
  };
  const record = (loaded: Loaded, meta: ParseOutcome['meta']): void => {
    const folder = folderOf(loaded.file.dir);
    for (const a of meta?.wanted ?? []) folder.wanted.add(a);
    for (const s of meta?.skipped ?? []) {
      const list = folder.skipped.get(s.address);
      if (list === undefined) folder.skipped.set(s.address, [{ loaded, index: s.index }]);
      else list.push({ loaded, index: s.index });
    }
  };
  /** Parses the left-out blocks that parsed blocks name, until nothing more is named. */
  const closeOver = async (dirs: Set<string>): Promise<void> => {
    for (;;) {
      const again = new Set<Loaded>();
      for (const dir of dirs) {
        const folder = folders.get(dir);
        if (folder === undefined) continue;
        for (const [address, list] of folder.skipped) {
          if (!folder.wanted.has(address)) continue;
          folder.skipped.delete(address);
          for (const { loaded, index } of list) {
            loaded.include.add(index);
            again.add(loaded);
          }
        }
      }
      if (again.size === 0) return;
      const list = [...again].sort((a, b) => byPath(a.file, b.file));
      const outcomes = await Promise.all(
        list.map((l) => parseTask({ rel: l.file.path, kind: l.file.kind, text: l.file.text, include: [...l.include].sort((a, b) => a - b) }, l.key)),
      );
      outcomes.forEach((outcome, i) => {
        const loaded = list[i] as Loaded;
        // The same text parsed before, so this cannot fail; keep the earlier result if it does.
        if (outcome.file === undefined) return;
        Object.assign(loaded.file, outcome.file);
        const folder = folderOf(loaded.file.dir);
        for (const [address, entries] of folder.skipped) {
          const rest = entries.filter((e) => e.loaded !== loaded);
          if (rest.length === 0) folder.skipped.delete(address);
          else if (rest.length !== entries.length) folder.skipped.set(address, rest);
        }
        record(loaded, outcome.meta);
      });
    }
  };

  const parseAll = async (found: FoundFile[]): Promise<ParsedFile[]> => {
    const fresh = found.filter((f) => {
      if (seenFiles.has(f.real)) return false;
      seenFiles.add(f.real);
      return true;
    });
    if (pool === undefined && jobs > 1 && fresh.length >= MIN_FILES_FOR_WORKERS) {
      pool = ParsePool.create(Math.min(jobs, Math.ceil(fresh.length / (MIN_FILES_FOR_WORKERS / 2))));
      stats.workers = Math.max(stats.workers, pool?.size ?? 0);
    }
    const parsed = await mapLimit(fresh, PARSE_CONCURRENCY, async (f): Promise<{ outcome: ParseOutcome; key?: string }> => {
      const rel = relativePath(cwd, f.abs);
      const known = options.texts?.get(f.abs);
      const read = known === undefined ? await readTextAt(f.abs, rel, true) : { text: known };
      if (read.text === undefined) return { outcome: { errors: [read.error ?? { file: rel, message: `cannot read '${rel}'` }], hclCalls: 0 } };
      const key = cache === undefined ? undefined : ParseCache.key(f.kind, read.text);
      return { outcome: await parseTask({ rel, kind: f.kind, text: read.text }, key), ...(key === undefined ? {} : { key }) };
    });
    const out: ParsedFile[] = [];
    const dirs = new Set<string>();
    parsed.forEach(({ outcome: r, key }, i) => {
      errors.push(...r.errors);
      const f = fresh[i];
      if (r.file !== undefined && f !== undefined) {
        out.push(r.file);
        fileInfo.set(r.file, f);
        if (r.file.kind === 'tf') {
          record({ file: r.file, key, include: new Set() }, r.meta);
          dirs.add(r.file.dir);
        }
      }
    });
    await closeOver(dirs);
    out.sort(byPath);
    files.push(...out);
    return out;
  };

  try {
    return await loadAll();
  } finally {
    await pool?.close();
  }

  async function loadAll(): Promise<LoadPathsResult> {
  const walkedFiles = await parseAll(walked);
  const candidateRoots = new Map<string, string>(); // real dir → relative dir
  const rootOfDir = new Map<string, string>(); // real dir → real root it was walked from (first file's)
  for (const f of walked) if (!rootOfDir.has(f.dirReal)) rootOfDir.set(f.dirReal, f.rootReal);
  for (const f of walked) {
    if (isConfigKind(f.kind)) candidateRoots.set(f.dirReal, relativePath(cwd, path.dirname(f.abs)));
  }

  // The name each loaded folder's files have (a folder reached under two names is loaded once, under the first).
  const folderName = new Map<string, string>();
  for (const f of walked) if (!folderName.has(f.dirReal)) folderName.set(f.dirReal, relativePath(cwd, path.dirname(f.abs)));
  const table = new ModuleCallTableBuilder();

  /** Loads one module folder unless already loaded; returns the new files. */
  const loadModuleFolder = async (dirAbs: string, dirReal: string, rootReal: string): Promise<ParsedFile[]> => {
    moduleTargets.add(dirReal);
    if (loadedDirs.has(dirReal)) return [];
    loadedDirs.add(dirReal);
    const walkedHere = options.walkedByDir?.get(dirReal);
    const first = walkedHere?.[0];
    if (!folderName.has(dirReal)) folderName.set(dirReal, relativePath(cwd, first === undefined ? dirAbs : path.dirname(first.abs)));
    if (walkedHere !== undefined) return parseAll([...walkedHere]);
    const found = await listModuleFolder(dirAbs, dirReal, [rootReal, cwdReal], cwd, errors);
    found.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
    return parseAll(found.map((f) => ({ ...f, rootReal })));
  };

  let wave: ParsedFile[] = walkedFiles;
  // modules.json of each root folder: registry and git modules that `terraform init` fetched.
  const manifestFiles: ParsedFile[] = [];
  const manifest: ModuleManifestEntry[] = [];
  for (const [dirReal] of [...candidateRoots].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))) {
    let text: string;
    try {
      text = await fs.readFile(manifestPath(dirReal), 'utf8');
    } catch {
      continue;
    }
    const dirAbs = path.resolve(cwd, candidateRoots.get(dirReal) ?? dirReal);
    const manifestRel = relativePath(cwd, manifestPath(dirAbs));
    let entries: ReturnType<typeof manifestEntries>;
    try {
      entries = manifestEntries(text);
    } catch (err) {
      errors.push({ file: manifestRel, message: `cannot read the module manifest: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    const rootReal = rootOfDir.get(dirReal) ?? dirReal;
    for (const entry of entries) {
      const modAbs = path.resolve(dirAbs, entry.dir);
      const found = await locateModuleFolder(modAbs, rootReal, cwdReal);
      if ('problem' in found) {
        // A missing folder is a stale manifest: terraform init will refetch it.
        if (found.problem === 'outside') errors.push({ file: manifestRel, message: `module source outside the linted root is not read: '${entry.dir}' (module ${entry.key})` });
        continue;
      }
      const root = candidateRoots.get(dirReal) ?? '.';
      manifest.push({ root, key: entry.key, source: entry.source, dir: relativePath(cwd, modAbs) });
      manifestFiles.push(...(await loadModuleFolder(modAbs, found.real, rootReal)));
      table.addFetched(root, entry.key, folderName.get(found.real) ?? relativePath(cwd, modAbs));
    }
  }
  wave = [...wave, ...manifestFiles];

  while (wave.length > 0) {
    const next: ParsedFile[] = [];
    for (const file of wave) {
      if (!isConfigKind(file.kind)) continue;
      const info = fileInfo.get(file);
      if (info === undefined) continue;
      for (const call of moduleCallsOf(file.blocks).calls) {
        if (!isLocalSource(call.source)) continue;
        const modAbs = path.resolve(path.dirname(info.abs), call.source);
        const at = { file: file.path, range: call.range };
        const found = await locateModuleFolder(modAbs, info.rootReal, cwdReal);
        if ('problem' in found) {
          table.addLocal(file.dir, call.source, relativePath(cwd, modAbs), false);
          errors.push({
            ...at,
            message:
              found.problem === 'missing'
                ? `module "${call.name}": source folder '${call.source}' does not exist`
                : `module source outside the linted root is not read: '${call.source}' (module "${call.name}")`,
          });
          continue;
        }
        next.push(...(await loadModuleFolder(modAbs, found.real, info.rootReal)));
        table.addLocal(file.dir, call.source, folderName.get(found.real) ?? relativePath(cwd, modAbs), true);
      }
    }
    wave = next;
  }

  const roots = [...new Set([...candidateRoots].filter(([real]) => !moduleTargets.has(real)).map(([, rel]) => rel))].sort();
  files.sort(byPath);
  const reals = new Map<string, string>();
  for (const f of files) reals.set(f.path, fileInfo.get(f)?.real ?? f.path);
  // Override files merge into the other files of their folder (changed files are copies).
  const merged = applyOverrides(files);
  files.splice(0, files.length, ...merged.files);
  errors.push(...merged.errors, ...duplicateDeclarations(files));
  errors.sort(compareLoadErrors);
  return { files, errors, roots, manifest, modules: table.build(), stats, moduleDirs: [...moduleTargets].sort(), reals };
  }
}
