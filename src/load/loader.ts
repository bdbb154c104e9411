// Reads and parses the configuration: the only place below the CLI that touches the disk.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LoadError, LoadResult, ParsedFile, SourceKind } from '../types.js';
import {
  compileExcludes,
  describeFsError,
  explicitKind,
  isInside,
  listModuleFolder,
  relativePath,
  walkFolder,
  type FoundFile,
} from './files.js';
import { parseHcl } from './hcl.js';
import { scanJson } from './json.js';
import { scanHcl } from './scanner.js';
import { hclColumnToUtf16, SourceText, stripBom } from './source.js';

export interface LoadOptions {
  cwd: string;
  /** gitignore-style globs relative to cwd. */
  exclude?: string[];
}

const PARSE_CONCURRENCY = 8;

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

async function readTextAt(abs: string, rel: string): Promise<{ text?: string; error?: LoadError }> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(abs);
  } catch (err) {
    return { error: describeFsError(err, rel) };
  }
  if (buffer.includes(0)) return { error: { file: rel, message: `'${rel}' is not a text file (it contains NUL bytes)` } };
  // Invalid UTF-8 becomes U+FFFD; the parser then reports whatever it cannot read.
  return { text: stripBom(new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(buffer)) };
}

/** Reads a text file (config, plan JSON): `error` for a missing, unreadable or binary file. */
export async function readText(filePath: string, cwd: string = process.cwd()): Promise<{ text?: string; error?: LoadError }> {
  const abs = path.resolve(cwd, filePath);
  return readTextAt(abs, relativePath(cwd, abs));
}

function locatedHclErrors(rel: string, text: string, errors: { line: number; column: number; endLine?: number; endColumn?: number; message: string }[]): LoadError[] {
  const src = new SourceText(rel, text);
  const lineText = (line: number): string => src.text.slice(src.lineStart(line), src.lineStart(line + 1)).replace(/\r?\n$/, '');
  return errors.map((e) => {
    const endLine = e.endLine ?? e.line;
    const start = { line: e.line, column: hclColumnToUtf16(lineText(e.line), e.column) };
    const end = { line: endLine, column: hclColumnToUtf16(lineText(endLine), e.endColumn ?? e.column) };
    return { file: rel, range: { file: rel, start, end }, message: e.message };
  });
}

/** Reads and parses one file. Exactly one of `file` / `errors` is meaningful. */
export async function parseFile(abs: string, rel: string, kind: SourceKind): Promise<{ file?: ParsedFile; errors: LoadError[] }> {
  const read = await readTextAt(abs, rel);
  if (read.text === undefined) return { errors: [read.error ?? { file: rel, message: `cannot read '${rel}'` }] };
  const text = read.text;
  const base = { path: rel, dir: path.posix.dirname(rel), kind, text };
  if (kind === 'tf.json' || kind === 'tfvars.json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      const scan = scanJson(rel, text);
      const first = scan.errors[0];
      const detail = first?.message ?? (err instanceof Error ? err.message : String(err));
      return { errors: [{ file: rel, ...(first === undefined ? {} : { range: first.range }), message: `invalid JSON: ${detail}` }] };
    }
    const scan = scanJson(rel, text);
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      return { errors: [{ file: rel, message: `invalid ${kind} file: the top level must be a JSON object` }] };
    }
    return { errors: [], file: { ...base, json: json as Record<string, unknown>, blocks: scan.blocks, attributes: scan.attributes, ignores: scan.ignores } };
  }
  const parsed = await parseHcl(rel, text);
  if (!parsed.ok) return { errors: locatedHclErrors(rel, text, parsed.errors) };
  // hcl2json accepted the file, so any scanner complaint is the scanner's limitation: drop it.
  const scan = scanHcl(rel, text);
  const blocks = kind === 'tf' ? scan.blocks : [];
  return { errors: [], file: { ...base, json: parsed.json, blocks, attributes: scan.attributes, ignores: scan.ignores } };
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

interface ModuleCall {
  name: string;
  source: string;
}

/** `module` blocks with a literal string `source`, from the parsed values. */
function moduleCalls(file: ParsedFile): ModuleCall[] {
  const modules = file.json['module'];
  if (modules === null || typeof modules !== 'object' || Array.isArray(modules)) return [];
  const calls: ModuleCall[] = [];
  for (const [name, bodies] of Object.entries(modules as Record<string, unknown>)) {
    for (const body of Array.isArray(bodies) ? bodies : [bodies]) {
      const source: unknown = (body as Record<string, unknown> | null)?.['source'];
      if (typeof source === 'string' && !source.includes('${')) calls.push({ name, source });
    }
  }
  return calls;
}

function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source.startsWith('.\\') || source.startsWith('..\\');
}

function moduleSourceRange(file: ParsedFile, name: string) {
  const block = file.blocks.find((b) => b.type === 'module' && b.labels[0] === name);
  return block?.attributes['source']?.valueRange ?? block?.headerRange;
}

interface ManifestEntry {
  Key?: unknown;
  Source?: unknown;
  Dir?: unknown;
}

async function realpathOrUndefined(p: string): Promise<string | undefined> {
  try {
    return await fs.realpath(p);
  } catch {
    return undefined;
  }
}

function compareErrors(a: LoadError, b: LoadError): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.range?.start.line ?? 0;
  const lb = b.range?.start.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.range?.start.column ?? 0;
  const cb = b.range?.start.column ?? 0;
  if (ca !== cb) return ca - cb;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/**
 * Finds, reads and parses the Terraform files under `paths`, then the local modules they call and
 * the modules recorded in `.terraform/modules/modules.json`. Never throws; output order does not
 * depend on the file system.
 */
export async function loadPaths(paths: string[], options: LoadOptions): Promise<LoadResult & { roots: string[] }> {
  const cwd = path.resolve(options.cwd);
  const cwdReal = (await realpathOrUndefined(cwd)) ?? cwd;
  const isExcluded = compileExcludes(options.exclude ?? []);
  const errors: LoadError[] = [];
  const visitedDirs = new Set<string>();
  const walked: FoundFile[] = [];
  /** Real folders read whole by the walk (a file argument does not read its folder). */
  const walkedDirs = new Set<string>();

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
      for (const f of found) walkedDirs.add(f.dirReal);
      walked.push(...found);
    } else {
      const kind = explicitKind(path.basename(abs));
      if (kind === undefined) {
        errors.push({
          file: relativePath(cwd, abs),
          message: `lblint: '${p}' is not a Terraform file (expected .tf, .tf.json, .tfvars or .tfvars.json)`,
        });
        continue;
      }
      walked.push({ abs, real, kind, dirReal: path.dirname(real), rootReal: path.dirname(real) });
    }
  }

  const files: ParsedFile[] = [];
  const seenFiles = new Set<string>();
  /** Real folder → the files of it that were loaded, so a module folder is read once. */
  const loadedDirs = walkedDirs;
  const moduleTargets = new Set<string>();
  const fileInfo = new Map<ParsedFile, FoundFile>();

  const parseAll = async (found: FoundFile[]): Promise<ParsedFile[]> => {
    const fresh = found.filter((f) => {
      if (seenFiles.has(f.real)) return false;
      seenFiles.add(f.real);
      return true;
    });
    const parsed = await mapLimit(fresh, PARSE_CONCURRENCY, (f) => parseFile(f.abs, relativePath(cwd, f.abs), f.kind));
    const out: ParsedFile[] = [];
    parsed.forEach((r, i) => {
      errors.push(...r.errors);
      const f = fresh[i];
      if (r.file !== undefined && f !== undefined) {
        out.push(r.file);
        fileInfo.set(r.file, f);
      }
    });
    out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    files.push(...out);
    return out;
  };

  const walkedFiles = await parseAll(walked);
  const candidateRoots = new Map<string, string>(); // real dir → relative dir
  for (const f of walked) {
    if (f.kind === 'tf' || f.kind === 'tf.json') candidateRoots.set(f.dirReal, relativePath(cwd, path.dirname(f.abs)));
  }

  /** Loads one module folder unless already loaded; returns the new files. */
  const loadModuleFolder = async (dirAbs: string, dirReal: string, rootReal: string): Promise<ParsedFile[]> => {
    moduleTargets.add(dirReal);
    if (loadedDirs.has(dirReal)) return [];
    loadedDirs.add(dirReal);
    const found = await listModuleFolder(dirAbs, dirReal, [rootReal, cwdReal], cwd, errors);
    found.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
    return parseAll(found.map((f) => ({ ...f, rootReal })));
  };

  let wave: ParsedFile[] = walkedFiles;
  // modules.json of each root folder: registry and git modules that `terraform init` fetched.
  const manifestFiles: ParsedFile[] = [];
  for (const [dirReal] of [...candidateRoots].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))) {
    const manifestPath = path.join(dirReal, '.terraform', 'modules', 'modules.json');
    let text: string;
    try {
      text = await fs.readFile(manifestPath, 'utf8');
    } catch {
      continue;
    }
    const dirAbs = path.resolve(cwd, candidateRoots.get(dirReal) ?? dirReal);
    const manifestRel = relativePath(cwd, path.join(dirAbs, '.terraform', 'modules', 'modules.json'));
    let entries: ManifestEntry[];
    try {
      const parsed = JSON.parse(stripBom(text)) as { Modules?: unknown };
      entries = Array.isArray(parsed.Modules) ? (parsed.Modules as ManifestEntry[]) : [];
    } catch (err) {
      errors.push({ file: manifestRel, message: `cannot read the module manifest: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    const rootReal = walked.find((f) => f.dirReal === dirReal)?.rootReal ?? dirReal;
    for (const entry of entries) {
      if (typeof entry.Key !== 'string' || entry.Key === '' || typeof entry.Dir !== 'string' || entry.Dir === '.') continue;
      const modAbs = path.resolve(dirAbs, entry.Dir);
      const modReal = await realpathOrUndefined(modAbs);
      if (modReal === undefined) continue; // stale manifest: terraform init will refetch it
      if (!isInside(modReal, rootReal) && !isInside(modReal, cwdReal)) {
        errors.push({ file: manifestRel, message: `module source outside the linted root is not read: '${entry.Dir}' (module ${entry.Key})` });
        continue;
      }
      manifestFiles.push(...(await loadModuleFolder(modAbs, modReal, rootReal)));
    }
  }
  wave = [...wave, ...manifestFiles];

  while (wave.length > 0) {
    const next: ParsedFile[] = [];
    for (const file of wave) {
      if (file.kind !== 'tf' && file.kind !== 'tf.json') continue;
      const info = fileInfo.get(file);
      if (info === undefined) continue;
      for (const call of moduleCalls(file)) {
        if (!isLocalSource(call.source)) continue;
        const modAbs = path.resolve(path.dirname(info.abs), call.source);
        const range = moduleSourceRange(file, call.name);
        const at = range === undefined ? { file: file.path } : { file: file.path, range };
        const modReal = await realpathOrUndefined(modAbs);
        let isDir = false;
        if (modReal !== undefined) isDir = await fs.stat(modReal).then((s) => s.isDirectory(), () => false);
        if (modReal === undefined || !isDir) {
          errors.push({ ...at, message: `module "${call.name}": source folder '${call.source}' does not exist` });
          continue;
        }
        if (!isInside(modReal, info.rootReal) && !isInside(modReal, cwdReal)) {
          errors.push({ ...at, message: `module source outside the linted root is not read: '${call.source}' (module "${call.name}")` });
          continue;
        }
        next.push(...(await loadModuleFolder(modAbs, modReal, info.rootReal)));
      }
    }
    wave = next;
  }

  const roots = [...new Set([...candidateRoots].filter(([real]) => !moduleTargets.has(real)).map(([, rel]) => rel))].sort();
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  errors.sort(compareErrors);
  return { files, errors, roots };
}
