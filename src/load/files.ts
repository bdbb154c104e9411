// Finding the files to lint: which names count, excludes, and symlinks that must not lead out of the root.
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { isLocalSource, type LoadError, type SourceKind } from '../types.js';
import { stripBom } from './source.js';
import { withoutShadowedByTofu } from './override.js';

/** Folders never walked: provider caches, VCS data, JS dependencies. */
const SKIPPED_DIRS = new Set(['.terraform', '.git', 'node_modules']);

export function toPosix(p: string): string {
  return p.split(path.sep).join('/').replace(/\\/g, '/');
}

/** Path relative to cwd with `/` ('.' for the cwd itself). */
export function relativePath(cwd: string, abs: string): string {
  const rel = toPosix(path.relative(cwd, abs));
  return rel === '' ? '.' : rel;
}

/** `dir` joined with an entry name from its listing (`dir` is already normalized: no path.join needed). */
function childPath(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

export function isInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  const prefix = parent.endsWith(path.sep) ? parent : parent + path.sep;
  return child.startsWith(prefix);
}

/** Terraform itself skips editor leftovers: dot files, `name~`, `#name#`. */
function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || (name.startsWith('#') && name.endsWith('#'));
}

/** Kind of a file met while walking a folder, or undefined if lblint does not read it. */
export function walkedKind(name: string): SourceKind | undefined {
  if (isIgnoredName(name)) return undefined;
  if (name.endsWith('.tf') || name.endsWith('.tofu')) return 'tf';
  if (name.endsWith('.tf.json') || name.endsWith('.tofu.json')) return 'tf.json';
  if (name === 'terraform.tfvars' || name.endsWith('.auto.tfvars')) return 'tfvars';
  if (name === 'terraform.tfvars.json' || name.endsWith('.auto.tfvars.json')) return 'tfvars.json';
  return undefined;
}

/** Kind of a file named on the command line: any `.tfvars` counts there. */
export function explicitKind(name: string): SourceKind | undefined {
  if (name.endsWith('.tf') || name.endsWith('.tofu')) return 'tf';
  if (name.endsWith('.tf.json') || name.endsWith('.tofu.json')) return 'tf.json';
  if (name.endsWith('.tfvars')) return 'tfvars';
  if (name.endsWith('.tfvars.json')) return 'tfvars.json';
  return undefined;
}

/** Whether a file is configuration (`.tf`, `.tf.json`, `.tofu`, `.tofu.json`), not variable values. */
export function isConfigKind(kind: SourceKind | undefined): boolean {
  return kind === 'tf' || kind === 'tf.json';
}

/** Kind of a file in a module folder: only configuration, no variable files. */
export function moduleKind(name: string): SourceKind | undefined {
  const kind = walkedKind(name);
  return isConfigKind(kind) ? kind : undefined;
}

/** A module `source` Terraform reads from the local disk. */
export { isLocalSource };

/** `.terraform/modules/modules.json` of a root folder: the modules `terraform init` fetched. */
export function manifestPath(dir: string): string {
  return path.join(dir, '.terraform', 'modules', 'modules.json');
}

/** The usable entries of a module manifest's text (the root's own entry left out). Throws on bad JSON. */
export function manifestEntries(text: string): { key: string; source: string; dir: string }[] {
  const parsed = JSON.parse(stripBom(text)) as { Modules?: unknown };
  const entries = Array.isArray(parsed.Modules) ? (parsed.Modules as { Key?: unknown; Source?: unknown; Dir?: unknown }[]) : [];
  const out: { key: string; source: string; dir: string }[] = [];
  for (const e of entries) {
    if (typeof e.Key !== 'string' || e.Key === '' || typeof e.Dir !== 'string' || e.Dir === '.') continue;
    out.push({ key: e.Key, source: typeof e.Source === 'string' ? e.Source : '', dir: e.Dir });
  }
  return out;
}

export async function realpathOrUndefined(p: string): Promise<string | undefined> {
  try {
    return await fs.realpath(p);
  } catch {
    return undefined;
  }
}

export async function isDirectory(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isDirectory(), () => false);
}

/** Invalid UTF-8 becomes U+FFFD; a leading byte order mark is dropped. */
export const UTF8 = new TextDecoder('utf-8', { fatal: false });

/** A text file as the loader reads it, or undefined when it cannot be read or is not text (NUL bytes). */
export function readTextFileSync(abs: string): string | undefined {
  try {
    const buffer = readFileSync(abs);
    return buffer.includes(0) ? undefined : UTF8.decode(buffer);
  } catch {
    return undefined;
  }
}

function globToRegExp(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i] ?? '';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        if (glob[i + 2] === '/') {
          out += '(?:.*/)?';
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

export interface ExcludeMatcher {
  (relPath: string, isDir: boolean): boolean;
}

/**
 * gitignore-style globs relative to the folder `base` (the config file's, as in ESLint; cwd when
 * not given): `*`, `**`, `?`; a trailing `/` matches folders only; a pattern without `/` matches a
 * name at any depth. A matched folder excludes all below it. Negation (`!`) is not supported. The
 * matcher takes paths relative to `cwd` (those of the walk); nothing outside `base` matches.
 */
export function compileExcludes(patterns: readonly string[], where?: { cwd: string; base: string }): ExcludeMatcher {
  const match = compilePatterns(patterns);
  if (patterns.length === 0) return () => false;
  if (where === undefined || path.resolve(where.base) === path.resolve(where.cwd)) return (relPath, isDir) => !relPath.startsWith('../') && match(relPath, isDir);
  const base = path.resolve(where.base);
  const cwd = path.resolve(where.cwd);
  return (relPath, isDir) => {
    const fromBase = relativePath(base, path.resolve(cwd, relPath));
    return fromBase !== '..' && !fromBase.startsWith('../') && !path.isAbsolute(fromBase) && match(fromBase, isDir);
  };
}

function compilePatterns(patterns: readonly string[]): ExcludeMatcher {
  const compiled = patterns
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('#') && !p.startsWith('!'))
    .map((p) => {
      const dirOnly = p.endsWith('/');
      let body = dirOnly ? p.slice(0, -1) : p;
      const anchored = body.includes('/');
      body = body.replace(/^\.?\//, '');
      const re = new RegExp(`^${anchored ? '' : '(?:.*/)?'}${globToRegExp(body)}$`);
      return { re, dirOnly };
    });
  return (relPath, isDir) => compiled.some(({ re, dirOnly }) => (!dirOnly || isDir) && re.test(relPath));
}

export interface FoundFile {
  /** Absolute path as reached (through symlinks, not resolved). */
  abs: string;
  real: string;
  kind: SourceKind;
  /** Real path of the folder the file was found in (not of a link's target). */
  dirReal: string;
  /** Real path of the root argument the file was found under. */
  rootReal: string;
}

function fsErrorMessage(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${what}: permission denied`;
  if (code === 'ENOENT') return `cannot read ${what}: it does not exist`;
  if (code === 'EISDIR') return `cannot read ${what}: it is a folder`;
  return `cannot read ${what}: ${err instanceof Error ? err.message : String(err)}`;
}

export function describeFsError(err: unknown, rel: string, what = 'file'): LoadError {
  return { file: rel, message: fsErrorMessage(err, `${what} '${rel}'`) };
}

/**
 * Walks a folder argument. Symlinks are followed only while their real path stays inside the real
 * path of the root; `visitedDirs` (real paths) stops loops and double reads.
 */
export async function walkFolder(
  rootAbs: string,
  rootReal: string,
  cwd: string,
  isExcluded: ExcludeMatcher,
  visitedDirs: Set<string>,
  errors: LoadError[],
): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  if (visitedDirs.has(rootReal)) return found;
  visitedDirs.add(rootReal);
  const queue: { abs: string; real: string }[] = [{ abs: rootAbs, real: rootReal }];
  // Links are taken last, so a folder or file reached both directly and through a link is read
  // under its own name.
  const linkedDirs: { abs: string; real: string }[] = [];
  const linkedFiles: FoundFile[] = [];
  const nextFolder = (): { abs: string; real: string } | undefined => {
    const direct = queue.shift();
    if (direct !== undefined) return direct;
    for (let link = linkedDirs.shift(); link !== undefined; link = linkedDirs.shift()) {
      if (visitedDirs.has(link.real)) continue;
      visitedDirs.add(link.real);
      return link;
    }
    return undefined;
  };
  for (let item = nextFolder(); item !== undefined; item = nextFolder()) {
    let entries: import('node:fs').Dirent[];
    // Synchronous: the walk comes before any other work, and one folder after another it is
    // faster than a round trip through the thread pool per folder.
    const relDir = relativePath(cwd, item.abs);
    try {
      entries = readdirSync(item.abs, { withFileTypes: true });
    } catch (err) {
      errors.push(describeFsError(err, relDir, 'folder'));
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      // Most files of a repository are not Terraform: left before any path is built.
      if (entry.isFile() && walkedKind(entry.name) === undefined) continue;
      const abs = childPath(item.abs, entry.name);
      let real = childPath(item.real, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          real = await fs.realpath(abs);
          const stat = await fs.stat(real);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          continue; // dangling link
        }
        if (!isInside(real, rootReal)) continue; // never leave the root through a link
      }
      const rel = relDir === '.' ? entry.name : `${relDir}/${entry.name}`;
      if (isDir) {
        if (SKIPPED_DIRS.has(entry.name) || isExcluded(rel, true) || visitedDirs.has(real)) continue;
        if (entry.isSymbolicLink()) {
          linkedDirs.push({ abs, real });
          continue;
        }
        visitedDirs.add(real);
        queue.push({ abs, real });
      } else if (isFile) {
        const kind = walkedKind(entry.name);
        if (kind === undefined || isExcluded(rel, false)) continue;
        (entry.isSymbolicLink() ? linkedFiles : found).push({ abs, real, kind, dirReal: item.real, rootReal });
      }
    }
  }
  return withoutShadowedByTofu([...found, ...linkedFiles]);
}

/** The `.tf` / `.tf.json` files of one module folder, not recursive. */
export async function listModuleFolder(
  dirAbs: string,
  dirReal: string,
  allowedReals: readonly string[],
  cwd: string,
  errors: LoadError[],
): Promise<FoundFile[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dirAbs, { withFileTypes: true });
  } catch (err) {
    errors.push(describeFsError(err, relativePath(cwd, dirAbs), 'folder'));
    return [];
  }
  const found: FoundFile[] = [];
  for (const entry of entries) {
    const kind = moduleKind(entry.name);
    if (kind === undefined) continue;
    const abs = path.join(dirAbs, entry.name);
    let real = path.join(dirReal, entry.name);
    if (entry.isSymbolicLink()) {
      try {
        real = await fs.realpath(abs);
        if (!(await fs.stat(real)).isFile()) continue;
      } catch {
        continue;
      }
      if (!allowedReals.some((r) => isInside(real, r))) continue;
    } else if (!entry.isFile()) continue;
    found.push({ abs, real, kind, dirReal, rootReal: allowedReals[0] ?? dirReal });
  }
  return withoutShadowedByTofu(found);
}

/** The first of `candidates` that exists (compiled worker scripts: the engine must not touch the disk itself). */
export function firstExisting(candidates: readonly URL[]): URL | undefined {
  return candidates.find((u) => existsSync(fileURLToPath(u)));
}

/**
 * The script worker threads run: the bundle (dist/lblint-bundle.cjs, made by `npm run dist`), which
 * starts a parse or root worker when workerData asks for one (src/main.ts). That is this very file
 * when this code runs from the bundle; running the TypeScript sources (as the tests do), it is the
 * bundle in dist/, two folders up from src/load/. Undefined when there is none: everything then
 * runs on the main thread.
 */
export function workerBundle(): URL | undefined {
  return firstExisting([new URL('./lblint-bundle.cjs', import.meta.url), new URL('../../dist/lblint-bundle.cjs', import.meta.url)]);
}
