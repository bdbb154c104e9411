// Module calls, resolved once. The root planner (roots.ts) and the loader (loader.ts) read a file's
// `module` blocks with moduleCallsOf and find a call's folder with locateModuleFolder, so that what
// the planner predicts is what the loads do; the loader records what each call loaded in a
// ModuleCallTable, which it hands to eval: eval never resolves a source itself.
import type { BlockNode, ModuleCallTable, Range } from '../types.js';
import { isDirectory, isInside, realpathOrUndefined } from './files.js';

/** A `module` block with a literal `source`. */
export interface ModuleCall {
  name: string;
  source: string;
  /** The `source` value (else the block header), for errors. */
  range: Range;
}

/** A plain string without interpolation, escapes or template directives (HCL and JSON spell it alike). */
const LITERAL_STRING = /^"([^"\\$%\n]*)"$/;

/**
 * The module calls of a file's top-level blocks (`.tf` or `.tf.json`, from the scanners), and
 * whether a `source` is not a plain string (then which folder it loads is not known from the text).
 */
export function moduleCallsOf(blocks: readonly BlockNode[]): { calls: ModuleCall[]; unsure: boolean } {
  const calls: ModuleCall[] = [];
  let unsure = false;
  for (const block of blocks) {
    if (block.type !== 'module') continue;
    const attribute = block.attributes['source'];
    if (attribute === undefined) continue;
    const literal = LITERAL_STRING.exec(attribute.exprText.trim());
    if (literal === null) unsure = true;
    else calls.push({ name: block.labels[0] ?? '', source: literal[1] as string, range: attribute.valueRange ?? block.headerRange });
  }
  return { calls, unsure };
}

/**
 * Where a module folder is on disk: its real path, or why it is not read (missing; outside both the
 * linted root and cwd, which lblint never reads).
 */
export async function locateModuleFolder(abs: string, rootReal: string, cwdReal: string): Promise<{ real: string } | { problem: 'missing' | 'outside' }> {
  const real = await realpathOrUndefined(abs);
  if (real === undefined || !(await isDirectory(real))) return { problem: 'missing' };
  if (!isInside(real, rootReal) && !isInside(real, cwdReal)) return { problem: 'outside' };
  return { real };
}

/** Builds the table of what each module call loaded (see ModuleCallTable). */
export class ModuleCallTableBuilder {
  private readonly local = new Map<string, Map<string, { dir: string; loaded: boolean }>>();
  private readonly fetched = new Map<string, Map<string, string>>();

  /** A local call in folder `caller` (as files name it) of `source`: the folder `dir`, loaded or not. */
  addLocal(caller: string, source: string, dir: string, loaded: boolean): void {
    let bySource = this.local.get(caller);
    if (bySource === undefined) this.local.set(caller, (bySource = new Map()));
    if (!bySource.get(source)?.loaded) bySource.set(source, { dir, loaded });
  }

  /** A module `terraform init` fetched for root `root` under manifest key `key` (`a.b`), loaded as `dir`. */
  addFetched(root: string, key: string, dir: string): void {
    let byKey = this.fetched.get(root);
    if (byKey === undefined) this.fetched.set(root, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, dir);
  }

  build(): ModuleCallTable {
    return { local: this.local, fetched: this.fetched };
  }
}
