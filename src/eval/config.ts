// Reading a module's configuration from its parsed files: the declarations of variables, locals,
// outputs, resources and module calls (JSON from hcl2json, or Terraform JSON syntax), with the
// source block of each, and the files of each folder.
import {
  type BlockNode,
  type ParsedFile,
  type Range,
} from '../types.js';
import { parseExpression, parseTemplate, type Expr } from './parser.js';

export type Body = Record<string, unknown>;

/** Arguments that configure Terraform itself, not the resource. */
export const RESOURCE_META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);
export const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

export interface Decl {
  file: ParsedFile;
  block: BlockNode;
  body: Body;
  /** From a `.tf.json` file: variable defaults and types are literal there. */
  isJson: boolean;
}

export interface ResourceDecl extends Decl {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `T.N` or `data.T.N`. */
  key: string;
}

export interface LocalDecl {
  value: unknown;
  file: ParsedFile;
  range: Range;
}

/** The declarations of one module folder. */
export interface ModuleConfig {
  dir: string;
  variables: Map<string, Decl>;
  locals: Map<string, LocalDecl>;
  /** In source order. */
  resources: Map<string, ResourceDecl>;
  /** In source order. */
  moduleCalls: Map<string, Decl>;
  outputs: Map<string, Decl>;
}

export function isBody(v: unknown): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** hcl2json wraps every block body in an array; Terraform JSON syntax may or may not. */
export function bodies(v: unknown): Body[] {
  if (Array.isArray(v)) return v.filter(isBody);
  return isBody(v) ? [v] : [];
}

export function entries(v: unknown): [string, unknown][] {
  return isBody(v) ? Object.entries(v).filter(([k]) => k !== '//') : [];
}

export function syntheticBlock(file: ParsedFile, type: string, labels: string[]): BlockNode {
  const range: Range = { file: file.path, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return { type, labels, range, headerRange: range, attributes: {}, blocks: [] };
}

export const blockIndexes = new WeakMap<ParsedFile, Map<string, BlockNode>>();

export function findBlock(file: ParsedFile, type: string, labels: string[]): BlockNode {
  let index = blockIndexes.get(file);
  if (!index) {
    index = new Map();
    for (const b of file.blocks) {
      const key = JSON.stringify([b.type, ...b.labels]);
      if (!index.has(key)) index.set(key, b);
    }
    blockIndexes.set(file, index);
  }
  return index.get(JSON.stringify([type, ...labels])) ?? syntheticBlock(file, type, labels);
}

/** Where an argument or nested block of `block` is written (falls back to the block). */
export function rangeOf(block: BlockNode | undefined, name: string, index = 0): Range | undefined {
  if (!block) return undefined;
  const attr = block.attributes[name];
  if (attr) return attr.valueRange;
  const nested = block.blocks.filter((b) => b.type === name)[index] ?? block.blocks.find((b) => b.type === 'dynamic' && b.labels[0] === name);
  return nested?.range ?? block.range;
}

export function nestedBlock(block: BlockNode | undefined, type: string, index: number): BlockNode | undefined {
  return block?.blocks.filter((b) => b.type === type)[index];
}

export function readConfig(dir: string, files: ParsedFile[]): ModuleConfig {
  const config: ModuleConfig = { dir, variables: new Map(), locals: new Map(), resources: new Map(), moduleCalls: new Map(), outputs: new Map() };
  for (const file of files) {
    const isJson = file.kind === 'tf.json';
    const json = file.json;
    for (const [mode, prefix] of [['managed', ''], ['data', 'data.']] as const) {
      for (const [type, named] of entries(json[mode === 'managed' ? 'resource' : 'data'])) {
        for (const [name, raw] of entries(named)) {
          const body = bodies(raw)[0];
          if (!body) continue;
          const block = findBlock(file, mode === 'managed' ? 'resource' : 'data', [type, name]);
          config.resources.set(`${prefix}${type}.${name}`, { file, block, body, isJson, mode, type, name, key: `${prefix}${type}.${name}` });
        }
      }
    }
    const named: [string, Map<string, Decl>][] = [
      ['variable', config.variables],
      ['module', config.moduleCalls],
      ['output', config.outputs],
    ];
    for (const [kind, map] of named) {
      for (const [name, raw] of entries(json[kind])) {
        const body = bodies(raw)[0];
        if (body) map.set(name, { file, block: findBlock(file, kind, [name]), body, isJson });
      }
    }
    const localBlocks = file.blocks.filter((b) => b.type === 'locals');
    for (const body of bodies(json['locals'])) {
      for (const [name, value] of entries(body)) {
        const block = localBlocks.find((b) => b.attributes[name]) ?? localBlocks[0] ?? syntheticBlock(file, 'locals', []);
        config.locals.set(name, { value, file, range: rangeOf(block, name) ?? block.range });
      }
    }
  }
  // hcl2json sorts object keys; report resources and module calls in source order.
  const fileOrder = new Map(files.map((f, i) => [f, i]));
  const position = (d: Decl): [number, number, number] => [fileOrder.get(d.file) ?? -1, d.block.range.start.line, d.block.range.start.column];
  const bySource = <T extends Decl>(m: Map<string, T>): Map<string, T> =>
    new Map(
      [...m].sort(([, a], [, b]) => {
        const [pa, pb] = [position(a), position(b)];
        return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
      }),
    );
  config.resources = bySource(config.resources);
  config.moduleCalls = bySource(config.moduleCalls);
  return config;
}


export const groupedFiles = new WeakMap<readonly ParsedFile[], { config: Map<string, ParsedFile[]>; variables: Map<string, ParsedFile[]> }>();

/** The `.tf`/`.tf.json` and the tfvars files of each folder, in the order of `files` (computed once per file list). */
export function filesByDir(files: readonly ParsedFile[]): { config: Map<string, ParsedFile[]>; variables: Map<string, ParsedFile[]> } {
  let grouped = groupedFiles.get(files);
  if (grouped) return grouped;
  grouped = { config: new Map(), variables: new Map() };
  for (const f of files) {
    const map = f.kind === 'tf' || f.kind === 'tf.json' ? grouped.config : grouped.variables;
    const list = map.get(f.dir);
    if (list) list.push(f);
    else map.set(f.dir, [f]);
  }
  groupedFiles.set(files, grouped);
  return grouped;
}

/** State shared by every module instance of one evaluation. */

export function variableType(decl: Decl): Expr | undefined {
  const raw = decl.body['type'];
  if (typeof raw !== 'string') return undefined;
  const e = decl.isJson ? parseExpression(raw) : parseTemplate(raw);
  return e.kind === 'literal' && typeof e.value === 'string' ? parseExpression(e.value) : e;
}
