// The only writes lblint makes: report files and the config written by `lblint init`.
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Writes `text` to `file`; the parent folder must exist (lblint never creates folders unasked). */
export async function writeTextFile(file: string, text: string, cwd: string, options: { exclusive?: boolean } = {}): Promise<string | undefined> {
  const abs = path.resolve(cwd, file);
  try {
    await fs.writeFile(abs, text, { encoding: 'utf8', flag: options.exclusive ? 'wx' : 'w' });
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

/** `.lblint.json` in `startDir` or the nearest parent folder. */
export async function findConfigFile(startDir: string): Promise<string | undefined> {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of ['.lblint.json']) {
      const candidate = path.join(dir, name);
      try {
        const stat = await fs.stat(candidate);
        if (stat.isFile()) return candidate;
      } catch {
        // not here
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
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
