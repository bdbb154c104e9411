// How the result cache (src/load/result-cache.ts) keeps a root's result: compact, because a re-run
// with nothing changed reads every root's result back (tens of MB on a big repository). Files are
// kept without their text and empty parsed values; every source range is an array
// `[file, startLine, startColumn, endLine, endColumn]` instead of three objects. The cache file is
// not trusted: `unpackRootResult` checks the shape and answers undefined for anything else.
import path from 'node:path';
import type { IgnoreDirective, Finding, ParsedFile, Range, SourceKind } from '../types.js';
import type { RootJobResult } from './root-job.js';

type PackedRange = [file: string, startLine: number, startColumn: number, endLine: number, endColumn: number];

/**
 * The files of a result in columns: paths, kinds (index in KINDS), and only where there are any,
 * ignore comments and a folder other than the path's own (one array per column, not one per file).
 */
interface PackedFiles {
  paths: string[];
  kinds: number[];
  ignores: [index: number, ignores: PackedIgnore[]][];
  dirs: [index: number, dir: string][];
}

type PackedIgnore = Omit<IgnoreDirective, 'range' | 'covers'> & { range: PackedRange; covers?: PackedRange };

/** A finding with its ranges packed; any other field is kept as it is. */
type PackedFinding = Omit<Finding, 'range' | 'related' | 'fix' | 'suppression'> & {
  range: PackedRange;
  related: (Omit<Finding['related'][number], 'range'> & { range: PackedRange })[];
  fix?: Omit<NonNullable<Finding['fix']>, 'after'> & { after: PackedRange };
  suppression?: { justification: string; range: PackedRange };
};

export interface StoredRootResult {
  findings: PackedFinding[];
  verbose: string[];
  unloadedModules: RootJobResult['unloadedModules'];
  undeclaredVars: RootJobResult['undeclaredVars'];
  errors: RootJobResult['errors'];
  files: PackedFiles;
  roots: string[];
  moduleDirs: string[];
  reals: string[];
}

function packRange(r: Range): PackedRange {
  return [r.file, r.start.line, r.start.column, r.end.line, r.end.column];
}

function unpackRange(v: unknown): Range {
  if (!Array.isArray(v) || v.length !== 5 || typeof v[0] !== 'string') throw new TypeError('range');
  const [file, sl, sc, el, ec] = v as unknown[];
  if (typeof sl !== 'number' || typeof sc !== 'number' || typeof el !== 'number' || typeof ec !== 'number') throw new TypeError('range');
  return { file: file as string, start: { line: sl, column: sc }, end: { line: el, column: ec } };
}

/** Ranges are replaced where they are: the finding keeps its key order. */
function packFinding(f: Finding): PackedFinding {
  const packed = { ...f } as unknown as PackedFinding;
  packed.range = packRange(f.range);
  packed.related = f.related.map((r) => ({ ...r, range: packRange(r.range) }));
  if (f.fix !== undefined) packed.fix = { ...f.fix, after: packRange(f.fix.after) };
  if (f.suppression !== undefined) packed.suppression = { ...f.suppression, range: packRange(f.suppression.range) };
  return packed;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function unpackFinding(v: unknown): Finding {
  if (!isRecord(v) || typeof v['ruleId'] !== 'string' || typeof v['message'] !== 'string' || typeof v['address'] !== 'string') throw new TypeError('finding');
  const related = v['related'];
  const trace = v['trace'];
  if (!Array.isArray(related) || !Array.isArray(trace)) throw new TypeError('finding');
  const f = { ...v, range: unpackRange(v['range']) } as unknown as Finding;
  f.related = related.map((r: unknown) => {
    if (!isRecord(r) || typeof r['message'] !== 'string') throw new TypeError('related');
    return { ...r, range: unpackRange(r['range']) } as unknown as Finding['related'][number];
  });
  const fix = v['fix'];
  if (fix !== undefined) {
    if (!isRecord(fix)) throw new TypeError('fix');
    f.fix = { ...fix, after: unpackRange(fix['after']) } as unknown as NonNullable<Finding['fix']>;
  }
  const suppression = v['suppression'];
  if (suppression !== undefined) {
    if (!isRecord(suppression)) throw new TypeError('suppression');
    f.suppression = { ...suppression, range: unpackRange(suppression['range']) } as unknown as NonNullable<Finding['suppression']>;
  }
  return f;
}

function packIgnore(d: IgnoreDirective): PackedIgnore {
  const packed = { ...d } as unknown as PackedIgnore;
  packed.range = packRange(d.range);
  if (d.covers !== undefined) packed.covers = packRange(d.covers);
  return packed;
}

function unpackIgnore(v: unknown): IgnoreDirective {
  if (!isRecord(v) || typeof v['targetLine'] !== 'number' || !Array.isArray(v['rules']) || !Array.isArray(v['problems'])) throw new TypeError('ignore');
  const d = { ...v, range: unpackRange(v['range']) } as unknown as IgnoreDirective;
  if (v['covers'] !== undefined) d.covers = unpackRange(v['covers']);
  return d;
}

const KINDS: readonly SourceKind[] = ['tf', 'tf.json', 'tfvars', 'tfvars.json'];

/** The parsed values of every file read back: none, shared (they are only ever read). */
const NO_JSON: Record<string, unknown> = Object.freeze({});
const NO_BLOCKS: ParsedFile['blocks'] = Object.freeze([]) as unknown as ParsedFile['blocks'];
const NO_ATTRIBUTES: ParsedFile['attributes'] = Object.freeze({});
const NO_IGNORES: IgnoreDirective[] = Object.freeze([]) as unknown as IgnoreDirective[];

function packFiles(files: readonly ParsedFile[]): PackedFiles {
  const packed: PackedFiles = { paths: [], kinds: [], ignores: [], dirs: [] };
  files.forEach((f, i) => {
    packed.paths.push(f.path);
    packed.kinds.push(KINDS.indexOf(f.kind));
    if (f.ignores.length > 0) packed.ignores.push([i, f.ignores.map(packIgnore)]);
    if (f.dir !== path.posix.dirname(f.path)) packed.dirs.push([i, f.dir]);
  });
  return packed;
}

function isIndexed(v: unknown, n: number): v is [number, unknown] {
  return Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && (v[0] as number) >= 0 && (v[0] as number) < n;
}

function unpackFiles(v: unknown): ParsedFile[] {
  if (!isRecord(v)) throw new TypeError('files');
  const { paths, kinds, ignores, dirs } = v;
  if (!Array.isArray(paths) || !Array.isArray(kinds) || !Array.isArray(ignores) || !Array.isArray(dirs) || kinds.length !== paths.length) throw new TypeError('files');
  const n = paths.length;
  const ignoresOf = new Map<number, IgnoreDirective[]>();
  for (const e of ignores) {
    if (!isIndexed(e, n) || !Array.isArray(e[1])) throw new TypeError('files');
    ignoresOf.set(e[0], e[1].map(unpackIgnore));
  }
  const dirOf = new Map<number, string>();
  for (const e of dirs) {
    if (!isIndexed(e, n) || typeof e[1] !== 'string') throw new TypeError('files');
    dirOf.set(e[0], e[1]);
  }
  const out: ParsedFile[] = [];
  for (let i = 0; i < n; i += 1) {
    const p = paths[i];
    const kind = KINDS[kinds[i] as number];
    if (typeof p !== 'string' || kind === undefined) throw new TypeError('files');
    out.push({ path: p, dir: dirOf.get(i) ?? path.posix.dirname(p), kind, text: '', json: NO_JSON, blocks: NO_BLOCKS, attributes: NO_ATTRIBUTES, ignores: ignoresOf.get(i) ?? NO_IGNORES });
  }
  return out;
}

/** What the result cache keeps of a root's result (files without texts; the run's costs are not kept). */
export function packRootResult(r: RootJobResult): StoredRootResult {
  return {
    findings: r.findings.map(packFinding),
    verbose: r.verbose,
    unloadedModules: r.unloadedModules,
    undeclaredVars: r.undeclaredVars,
    errors: r.errors,
    files: packFiles(r.files),
    roots: r.roots,
    moduleDirs: r.moduleDirs,
    reals: r.reals,
  };
}

/** A root result from the result cache, or undefined when the stored value is not of the expected shape. */
export function unpackRootResult(v: unknown): RootJobResult | undefined {
  if (!isRecord(v)) return undefined;
  const { findings, verbose, unloadedModules, undeclaredVars, errors, files, roots, moduleDirs, reals } = v;
  if (![findings, verbose, unloadedModules, undeclaredVars, errors, roots, moduleDirs, reals].every(Array.isArray) || (reals as unknown[]).length % 2 !== 0) return undefined;
  try {
    return {
      findings: (findings as unknown[]).map(unpackFinding),
      verbose: verbose as string[],
      unloadedModules: unloadedModules as RootJobResult['unloadedModules'],
      undeclaredVars: undeclaredVars as RootJobResult['undeclaredVars'],
      errors: errors as RootJobResult['errors'],
      files: unpackFiles(files),
      roots: roots as string[],
      moduleDirs: moduleDirs as string[],
      reals: reals as string[],
      hclCalls: 0,
      fastParses: 0,
      cacheHits: 0,
      cacheUses: [],
    };
  } catch {
    return undefined;
  }
}
