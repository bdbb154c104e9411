// The only writes lblint makes: report files, baselines, the config written by `lblint init`, the
// Action's GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and (through writePieces) the cache files.
import { closeSync, openSync, promises as fs, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Pieces are written in batches of about this many characters (fewer system calls, no giant string). */
const WRITE_BATCH = 1 << 19;

/**
 * Writes `pieces` one after another to `file` (opened with `flag`), synchronously: for tens of MB
 * that is much faster than async writes. Throws what the file system throws.
 */
export function writePieces(file: string, pieces: readonly string[], flag = 'w'): void {
  const fd = openSync(file, flag);
  try {
    let batch: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      batch.push(piece);
      size += piece.length;
      if (size < WRITE_BATCH) continue;
      writeFileSync(fd, batch.join(''), 'utf8');
      batch = [];
      size = 0;
    }
    if (batch.length > 0) writeFileSync(fd, batch.join(''), 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** What lblint writes to a file: a report (any format), a baseline, or a new config (`init`, never over anything). */
export type WrittenKind = 'report' | 'baseline' | 'config';

/** Files that belong to Terraform / OpenTofu: lblint never writes over one, whatever it holds. */
const TERRAFORM_FILE = /\.(tf|tf\.json|tofu|tofu\.json|tfvars|tfvars\.json)$/i;

/**
 * Whether `p` names something to lint rather than a file to write: a Terraform file (existing or
 * not) or an existing folder. `--write-baseline`'s optional value must not take such a path.
 */
export function isLintTarget(p: string, cwd: string): boolean {
  if (TERRAFORM_FILE.test(p)) return true;
  try {
    return statSync(path.resolve(cwd, p)).isDirectory();
  } catch {
    return false;
  }
}

/** ANSI colour codes (a text report written to a file has none, but one redirected by hand may). */
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Whether `text` is a report lblint wrote, in any format. JSON, SARIF, JUnit, checkstyle, text and
 * GitHub annotations say so themselves; GitLab and compact reports are lblint's when every rule
 * they name is one of `ownRuleIds` (without them, those two are not recognised).
 */
export function isLblintReport(text: string, ownRuleIds?: ReadonlySet<string>): boolean {
  if (/^<\?xml[^>]*\?>\s*<testsuites>\s*<testsuite package="lblint"/.test(text)) return true;
  if (/^<\?xml[^>]*\?>\s*<checkstyle version="[^"]*">/.test(text)) {
    const sources = [...text.matchAll(/<error [^>]*?source="([^"]*)"/g)].map((m) => m[1]!);
    return [...text.matchAll(/<error /g)].length === sources.length && sources.every((s) => s.startsWith('lblint.'));
  }
  if (ownRuleIds !== undefined && text.trimStart().startsWith('[')) {
    try {
      const items: unknown = JSON.parse(text);
      return Array.isArray(items) && items.every((i) => i !== null && typeof i === 'object' && (i as { type?: unknown }).type === 'issue' && ownRuleIds.has(String((i as { check_name?: unknown }).check_name)));
    } catch {
      return false;
    }
  }
  if (ownRuleIds !== undefined) {
    const compact = text.split(/\r?\n/).filter((l) => l !== '');
    if (compact.length > 0 && compact.every((l) => ownRuleIds.has(/^.*?:\d+:\d+: (?:error|warning|note) (\S+) /.exec(l)?.[1] ?? ''))) return true;
  }
  if (/^\{\s*"version":\s*\d+,\s*"findings":\s*\[/.test(text)) return true;
  if (/^\{\s*"\$schema":\s*"[^"]*sarif[^"]*",\s*"version":\s*"2\.1\.0",\s*"runs":\s*\[\s*\{\s*"tool":\s*\{\s*"driver":\s*\{\s*"name":\s*"lblint"/.test(text)) return true;
  const lines = text.replace(ANSI, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const last = lines[lines.length - 1] ?? '';
  if (/^(✔ No (problems|errors) found in \d+ files?|✖ \d+ problems? \(.*\) in \d+ files?)/.test(last)) return true;
  return lines.length > 0 && lines.every((l) => /^::(error|warning|notice) [^:]*title=[^:]*::/.test(l) || /^::(error|warning|notice) title=lblint::/.test(l));
}

/** Whether `text` is a baseline lblint wrote (`--write-baseline`). */
export function isLblintBaseline(text: string): boolean {
  return /^\{\s*"version":\s*\d+,\s*"fingerprintKey":\s*"/.test(text);
}

/**
 * Why lblint must not write a `kind` file at `file`, or undefined when it may: never over a
 * Terraform file or a folder, and never over an existing file that is not lblint's own of the same
 * kind (recognised by its content; an empty file holds nothing to lose).
 */
export function refusedWrite(file: string, cwd: string, kind: WrittenKind, ownRuleIds?: ReadonlySet<string>): string | undefined {
  const abs = path.resolve(cwd, file);
  if (TERRAFORM_FILE.test(file)) return `refusing to write '${file}': it is a Terraform file (lblint never writes over .tf, .tf.json, .tofu, .tfvars or .tfvars.json files)`;
  let stat;
  try {
    stat = statSync(abs);
  } catch {
    return undefined; // does not exist (or cannot be seen): the write itself says what is wrong
  }
  if (stat.isDirectory()) return `refusing to write '${file}': it is a folder`;
  if (kind === 'config') return `'${file}' already exists; lblint does not overwrite it`;
  // A device or a pipe (/dev/null, /dev/stdout, a shell's >(…)) holds nothing that a write could lose.
  if (!stat.isFile()) return undefined;
  let text: string;
  try {
    text = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    return `cannot write '${file}': ${(error as Error).message}`;
  }
  if (text.trim() === '') return undefined;
  if (kind === 'report' ? isLblintReport(text, ownRuleIds) : isLblintBaseline(text)) return undefined;
  return kind === 'report'
    ? `refusing to write '${file}': it exists and is not a report lblint wrote; remove it or choose another file`
    : `refusing to write '${file}': it exists and is not a baseline lblint wrote; remove it or choose another file`;
}

/**
 * Writes `text` (or its pieces, one after another) to `file`, unless refusedWrite says no; the
 * parent folder must exist (lblint never creates folders unasked).
 */
export async function writeTextFile(file: string, text: string | readonly string[], cwd: string, kind: WrittenKind, ownRuleIds?: ReadonlySet<string>): Promise<string | undefined> {
  const abs = path.resolve(cwd, file);
  const refusal = refusedWrite(file, cwd, kind, ownRuleIds);
  if (refusal) return refusal;
  const flag = kind === 'config' ? 'wx' : 'w';
  try {
    // Synchronous writes: for a report of tens of MB they are much faster than async ones.
    if (typeof text === 'string') writeFileSync(abs, text, { encoding: 'utf8', flag });
    else writePieces(abs, text, flag);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `cannot write '${file}': the folder '${path.dirname(file)}' does not exist`;
    if (code === 'EEXIST') return `'${file}' already exists; lblint does not overwrite it`;
    if (code === 'EACCES' || code === 'EPERM') return `cannot write '${file}': permission denied`;
    if (code === 'EISDIR') return `cannot write '${file}': it is a folder`;
    return `cannot write '${file}': ${(error as Error).message}`;
  }
}

/** Every file of `names` in the nearest folder (from `startDir` upward) that has at least one. */
export async function findConfigFiles(startDir: string, names: readonly string[]): Promise<string[]> {
  let dir = path.resolve(startDir);
  for (;;) {
    const found: string[] = [];
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        const stat = await fs.stat(candidate);
        if (stat.isFile()) found.push(candidate);
      } catch {
        // not here
      }
    }
    if (found.length) return found;
    const parent = path.dirname(dir);
    if (parent === dir) return [];
    dir = parent;
  }
}

/** Appends to `file` (GitHub's GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), creating it if needed. */
export async function appendTextFile(file: string, text: string, cwd: string): Promise<string | undefined> {
  try {
    await fs.appendFile(path.resolve(cwd, file), text, 'utf8');
    return undefined;
  } catch (error) {
    return `cannot append to '${file}': ${(error as Error).message}`;
  }
}

/** Folder to start the config search from: the first path (its folder when it is a file). */
export async function configSearchStart(firstPath: string, cwd: string): Promise<string> {
  const abs = path.resolve(cwd, firstPath);
  try {
    const stat = await fs.stat(abs);
    return stat.isDirectory() ? abs : path.dirname(abs);
  } catch {
    return cwd;
  }
}

/** The folder of `p` relative to `cwd` with `/` ('.' for cwd): `p` itself when it is a folder, else its parent (also when it was deleted). */
export async function folderOfPath(p: string, cwd: string): Promise<string> {
  const abs = path.resolve(cwd, p);
  let dir = path.dirname(abs);
  try {
    if ((await fs.stat(abs)).isDirectory()) dir = abs;
  } catch {
    // a deleted file: lint its folder
  }
  const rel = path.relative(cwd, dir).split(path.sep).join('/');
  return rel === '' ? '.' : rel;
}
