// Which folders are Terraform roots, found before anything is parsed, so each root can be loaded,
// evaluated and linted on its own (src/engine/root-pool.ts). A folder the walk found is a root
// unless a module call or a module manifest loads it as a module. Module calls are read from the
// scanner's blocks, without hcl2json, and their folders found, with the loader's own functions
// (module-calls.ts). Only a file that hcl2json rejects makes the loads differ (it loads nothing):
// the caller then gives a predicted module no job loaded a job of its own (src/engine/lint.ts).
import path from 'node:path';
import type { BlockNode } from '../types.js';
import { FileFacts } from './file-facts.js';
import { isConfigKind, isLocalSource, listModuleFolder, manifestEntries, manifestPath, realpathOrUndefined, relativePath, type FoundFile } from './files.js';
import type { Discovery } from './loader.js';
import { scanJson } from './json.js';
import { locateModuleFolder, moduleCallsOf } from './module-calls.js';
import { scanHcl, scanHclBlock } from './scanner.js';
import { splitTopLevel } from './select.js';
import { SourceText, stripBom } from './source.js';

export interface RootJob {
  /** The root folder, relative to cwd with `/` (as `LintResult.roots` names it). */
  dir: string;
  dirReal: string;
  /** The walked files of the root folder. */
  files: FoundFile[];
  /** Predicted bytes to load (the root's files and the walked module folders it calls): bigger jobs start first. */
  weight: number;
  /** Files of folders without configuration (only `.tfvars`): loaded for their errors and ignores, never evaluated. */
  loose?: boolean;
}

export interface RootPlan {
  jobs: RootJob[];
  /** Walked files in folders without `.tf` files (only `.tfvars`): loaded, never evaluated. */
  loose: FoundFile[];
  /** Walked files by real folder. */
  walkedByDir: Map<string, FoundFile[]>;
  /** Texts read, by absolute path (files that could not be read are left to the loader to report; files the facts knew unchanged are not read). */
  texts: Map<string, string>;
  /** Real folders predicted to be loaded as modules. */
  moduleDirs: Set<string>;
}

const MODULE_BLOCK = /(?:^|\n)[ \t]*module[ \t]*["\w]/;

/**
 * The `source` strings of the module blocks in one file's text, read as the loader reads them
 * (moduleCallsOf), or 'unsure' when the text does not show which folders they load.
 */
function moduleSources(kind: string, text: string): string[] | 'unsure' {
  let blocks: BlockNode[];
  if (kind === 'tf.json') {
    if (!text.includes('"module"')) return [];
    const scan = scanJson('', stripBom(text));
    // A file the scanner cannot read fails to load, and loads nothing.
    if (scan.errors.length > 0) return [];
    blocks = scan.blocks;
  } else {
    if (kind !== 'tf' || !text.includes('module') || !MODULE_BLOCK.test(text)) return [];
    const src = new SourceText('', text);
    const split = splitTopLevel(text);
    if (split === 'parse' || split === 'scan') {
      const scan = scanHcl('', text);
      if (scan.errors.length > 0) return 'unsure';
      blocks = scan.blocks;
    } else {
      blocks = [];
      for (const span of split) {
        if (span.type !== 'module') continue;
        const block = scanHclBlock(src, span.start, span.end);
        if (block === undefined) return 'unsure';
        blocks.push(block);
      }
    }
  }
  const { calls, unsure } = moduleCallsOf(blocks);
  return unsure ? 'unsure' : calls.map((c) => c.source);
}

/**
 * Plans one job per root folder of what `discover` found, or gives a reason to lint the whole
 * configuration at once instead. `facts` (the result cache's) spares reading unchanged files.
 */
export async function planRoots(discovery: Discovery, cwd: string, facts = new FileFacts()): Promise<RootPlan | { whole: string }> {
  if (discovery.fileArguments) return { whole: 'a path argument is a file' };
  const walkedByDir = new Map<string, FoundFile[]>();
  for (const f of discovery.walked) {
    const list = walkedByDir.get(f.dirReal);
    if (list === undefined) walkedByDir.set(f.dirReal, [f]);
    else list.push(f);
  }

  // Module folders each folder loads (real paths), from its files' module calls and manifest.
  const calls = new Map<string, Set<string>>();
  const moduleDirs = new Set<string>();
  const pending: { dirReal: string; files: readonly FoundFile[]; rootReal: string; dirAbs: string }[] = [];
  for (const [dirReal, files] of walkedByDir) {
    const first = files[0] as FoundFile;
    pending.push({ dirReal, files, rootReal: first.rootReal, dirAbs: path.dirname(first.abs) });
  }
  const seen = new Set(walkedByDir.keys());
  const cwdReal = (await realpathOrUndefined(cwd)) ?? cwd;
  for (let item = pending.shift(); item !== undefined; item = pending.shift()) {
    const targets = new Set<string>();
    calls.set(item.dirReal, targets);
    const from = item;
    const add = async (abs: string): Promise<void> => {
      // Found as the loader finds it (module-calls.ts): a folder it would not read is not a module.
      const found = await locateModuleFolder(abs, from.rootReal, cwdReal);
      if ('problem' in found) return;
      const real = found.real;
      targets.add(real);
      moduleDirs.add(real);
      if (seen.has(real)) return;
      seen.add(real);
      const files = await listModuleFolder(abs, real, [from.rootReal, cwdReal], cwd, []);
      pending.push({ dirReal: real, files, rootReal: from.rootReal, dirAbs: abs });
    };
    for (const f of item.files) {
      if (!isConfigKind(f.kind)) continue;
      const sources = facts.sources(f.abs, (text) => moduleSources(f.kind, text));
      if (sources === undefined) continue;
      if (sources === 'unsure') return { whole: `a module source in ${relativePath(cwd, f.abs)} is not a plain string` };
      for (const s of sources) if (isLocalSource(s)) await add(path.resolve(path.dirname(f.abs), s));
    }
    // Registry and git modules `terraform init` fetched (read for every folder with .tf files, as the loader does).
    if (walkedByDir.has(item.dirReal) && item.files.some((f) => isConfigKind(f.kind))) {
      // Through the facts: a missing manifest (a root before `terraform init`) costs a stat, not an exception.
      const manifest = manifestPath(item.dirReal);
      const text = facts.length(manifest) === undefined ? undefined : facts.text(manifest);
      if (text === undefined) continue;
      let entries: ReturnType<typeof manifestEntries>;
      try {
        entries = manifestEntries(text);
      } catch {
        continue; // one the loader reports
      }
      for (const e of entries) await add(path.resolve(item.dirAbs, e.dir));
    }
  }

  const jobs: RootJob[] = [];
  const loose: FoundFile[] = [];
  const weightOf = (dirReal: string, visited: Set<string>): number => {
    if (visited.has(dirReal)) return 0;
    visited.add(dirReal);
    let w = 0;
    for (const f of walkedByDir.get(dirReal) ?? []) if (isConfigKind(f.kind)) w += facts.length(f.abs) ?? 0;
    for (const t of calls.get(dirReal) ?? []) w += weightOf(t, visited);
    return w;
  };
  for (const [dirReal, files] of walkedByDir) {
    if (!files.some((f) => isConfigKind(f.kind))) {
      loose.push(...files);
      continue;
    }
    if (moduleDirs.has(dirReal)) continue;
    const first = files[0] as FoundFile;
    jobs.push({ dir: relativePath(cwd, path.dirname(first.abs)), dirReal, files, weight: weightOf(dirReal, new Set()) });
  }
  return { jobs, loose, walkedByDir, texts: facts.texts, moduleDirs };
}
