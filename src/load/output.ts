// The only writes lblint makes: report files, baselines, the config written by `lblint init`, the
// Action's GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and (through writePieces) the cache files.
import { closeSync, openSync, promises as fs, writeFileSync } from 'node:fs';
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

/**
 * Writes `text` (or its pieces, one after another) to `file`; the parent folder must exist (lblint
 * never creates folders unasked).
 */
export async function writeTextFile(file: string, text: string | readonly string[], cwd: string, options: { exclusive?: boolean } = {}): Promise<string | undefined> {
  const abs = path.resolve(cwd, file);
  const flag = options.exclusive ? 'wx' : 'w';
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
