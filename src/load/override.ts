// Terraform override files and OpenTofu's `.tofu` files.
//
// Override files (https://developer.hashicorp.com/terraform/language/files/override; OpenTofu:
// https://opentofu.org/docs/language/files/override/): `override.tf`, `*_override.tf` (and
// `.tf.json`, `.tofu`, `.tofu.json`) are set aside, then merged in lexicographical order, each
// block in file order, into the block of the same header (type and labels) in the folder's other
// files:
// - an argument of the override block replaces the argument of the same name;
// - nested blocks of a type the override block has replace *all* blocks of that type (a `dynamic
//   "x"` counts as type x); nested block contents are not merged, except a resource's or data
//   source's `lifecycle`, merged argument by argument;
// - `locals` merge value by value, whatever `locals` block holds them;
// - in `terraform`, settings merge one by one, `required_providers` entry by entry, and a
//   `backend` replaces a `cloud` block and the other way round;
// - an override block with no base block, and `depends_on` in an overriding resource, data or
//   output block, are errors in Terraform: here they are located load errors.
// Merged arguments keep the ranges of the override file, so a finding about an overridden value
// points at the override file; the merged block keeps the range of its base block.
//
// OpenTofu (https://opentofu.org/docs/language/files/#extension-precedence): when `x.tofu` and
// `x.tf` are in the same folder, only `x.tofu` is loaded; likewise `x.tofu.json` over `x.tf.json`.
import path from 'node:path';
import type { AttributeNode, BlockNode, LoadError, ParsedFile } from '../types.js';

type Body = Record<string, unknown>;

const OVERRIDE_NAME = /(^|_)override\.(tf|tofu)(\.json)?$/;

/** `override.tf`, `a_override.tofu.json`…: a file whose blocks are merged into the others'. */
export function isOverrideFile(filePath: string): boolean {
  return OVERRIDE_NAME.test(path.posix.basename(filePath.replace(/\\/g, '/')));
}

/** The `.tf`/`.tf.json` file name that `x.tofu`/`x.tofu.json` takes the place of, or undefined. */
function shadowedName(name: string): string | undefined {
  if (name.endsWith('.tofu')) return `${name.slice(0, -'.tofu'.length)}.tf`;
  if (name.endsWith('.tofu.json')) return `${name.slice(0, -'.tofu.json'.length)}.tf.json`;
  return undefined;
}

/** Drops each `x.tf` (`x.tf.json`) that an `x.tofu` (`x.tofu.json`) in the same folder takes the place of. */
export function withoutShadowedByTofu<T extends { abs: string }>(files: readonly T[]): T[] {
  const key = (dir: string, name: string) => `${dir}\0${name}`;
  const shadowed = new Set<string>();
  for (const f of files) {
    const name = shadowedName(path.basename(f.abs));
    if (name !== undefined) shadowed.add(key(path.dirname(f.abs), name));
  }
  return shadowed.size === 0 ? [...files] : files.filter((f) => !shadowed.has(key(path.dirname(f.abs), path.basename(f.abs))));
}

function isBody(v: unknown): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** hcl2json wraps each block body in an array; Terraform JSON syntax may or may not. */
function firstBody(v: unknown): Body | undefined {
  if (Array.isArray(v)) return v.find(isBody);
  return isBody(v) ? v : undefined;
}

/** Where a top-level block's body sits in a file's JSON: `json[type][label0][label1]…`. */
function bodyAt(json: Body, type: string, labels: readonly string[]): Body | undefined {
  let node: unknown = json[type];
  if (type === 'locals' || type === 'terraform') return firstBody(node);
  for (const label of labels) {
    if (!isBody(node)) return undefined;
    node = node[label];
  }
  return firstBody(node);
}

/** A copy of `json` with the body at `type`/`labels` replaced (the parse results are shared with caches: never mutated). */
function withBody(json: Body, type: string, labels: readonly string[], body: Body): Body {
  const put = (node: unknown, rest: readonly string[]): unknown => {
    if (rest.length === 0) return Array.isArray(node) ? [body, ...node.slice(1)] : [body];
    const obj = isBody(node) ? node : {};
    const [head, ...tail] = rest as [string, ...string[]];
    return { ...obj, [head]: put(obj[head], tail) };
  };
  return { ...json, [type]: put(json[type], type === 'locals' || type === 'terraform' ? [] : labels) };
}

/** The nested block type a nested block stands for: `dynamic "x"` generates blocks of type x. */
function generatedType(b: BlockNode): string {
  return b.type === 'dynamic' ? (b.labels[0] ?? 'dynamic') : b.type;
}

/** Attributes merge one by one; nested block types of the override replace all of the base's (`dynamic` by the type it makes). */
function mergeNode(base: BlockNode, over: BlockNode, argumentWise: ReadonlySet<string>): BlockNode {
  const replaced = new Set(over.blocks.filter((b) => !argumentWise.has(b.type)).map(generatedType));
  const blocks = base.blocks.filter((b) => !replaced.has(generatedType(b)));
  for (const b of over.blocks) {
    if (!argumentWise.has(b.type)) {
      blocks.push(b);
      continue;
    }
    const i = blocks.findIndex((x) => x.type === b.type);
    if (i < 0) blocks.push(b);
    else blocks[i] = mergeNode(blocks[i] as BlockNode, b, new Set());
  }
  return { ...base, attributes: { ...base.attributes, ...over.attributes }, blocks };
}

/** The same merge on hcl2json bodies, told apart by the override's BlockNode (which keys are nested blocks). */
function mergeBody(base: Body, over: Body, overNode: BlockNode, argumentWise: ReadonlySet<string>): Body {
  const nestedTypes = new Set(overNode.blocks.map((b) => b.type));
  const out: Body = { ...base };
  const replacedDynamic = new Set(overNode.blocks.filter((b) => b.type !== 'dynamic' && !argumentWise.has(b.type)).map((b) => b.type));
  for (const [key, value] of Object.entries(over)) {
    if (key === '//') continue;
    if (argumentWise.has(key) && nestedTypes.has(key)) {
      const baseInner = firstBody(out[key]);
      const overInner = firstBody(value);
      out[key] = baseInner && overInner ? [{ ...baseInner, ...overInner }] : value;
    } else if (key === 'dynamic' && isBody(value)) {
      // `dynamic "x"` in the override replaces static and dynamic x blocks alike.
      const baseDynamic = isBody(out['dynamic']) ? { ...out['dynamic'] } : {};
      for (const [label, inner] of Object.entries(value)) {
        delete out[label];
        baseDynamic[label] = inner;
      }
      out['dynamic'] = baseDynamic;
    } else out[key] = value;
  }
  // A static block type in the override replaces the base's dynamic blocks of that type too.
  if (isBody(out['dynamic']) && replacedDynamic.size > 0 && over['dynamic'] === undefined) {
    const kept = Object.fromEntries(Object.entries(out['dynamic']).filter(([label]) => !replacedDynamic.has(label)));
    if (Object.keys(kept).length > 0) out['dynamic'] = kept;
    else delete out['dynamic'];
  }
  return out;
}

const ARGUMENT_WISE: Record<string, ReadonlySet<string>> = {
  resource: new Set(['lifecycle']),
  data: new Set(['lifecycle']),
  terraform: new Set(['required_providers']),
};

function describe(b: BlockNode): string {
  return [b.type, ...b.labels.map((l) => JSON.stringify(l))].join(' ');
}

interface Folder {
  base: ParsedFile[];
  overrides: ParsedFile[];
}

/**
 * Merges the override files of each folder into its other files. Returns the files in the same
 * order: changed base files are copies, and each override file keeps its text, ranges and ignore
 * comments but no longer declares anything itself (its JSON is empty), so nothing is declared twice.
 */
export function applyOverrides(files: readonly ParsedFile[]): { files: ParsedFile[]; errors: LoadError[] } {
  const folders = new Map<string, Folder>();
  for (const f of files) {
    if (f.kind !== 'tf' && f.kind !== 'tf.json') continue;
    let folder = folders.get(f.dir);
    if (!folder) folders.set(f.dir, (folder = { base: [], overrides: [] }));
    (isOverrideFile(f.path) ? folder.overrides : folder.base).push(f);
  }
  const replaced = new Map<ParsedFile, ParsedFile>();
  const errors: LoadError[] = [];
  for (const folder of folders.values()) {
    if (folder.overrides.length === 0) continue;
    // Working copies of the base files, changed as overrides apply.
    const current = new Map<ParsedFile, ParsedFile>(folder.base.map((f) => [f, { ...f, blocks: [...f.blocks] }]));
    const overrides = [...folder.overrides].sort((a, b) => {
      const [na, nb] = [path.posix.basename(a.path), path.posix.basename(b.path)];
      return na < nb ? -1 : na > nb ? 1 : 0;
    });
    for (const over of overrides) {
      for (const block of over.blocks) errors.push(...mergeBlock(over, block, [...current.values()]));
      replaced.set(over, { ...over, json: {} });
    }
    for (const [original, copy] of current) if (copy.json !== original.json || copy.blocks.some((b, i) => b !== original.blocks[i])) replaced.set(original, copy);
  }
  return { files: files.map((f) => replaced.get(f) ?? f), errors };
}

/** Merges one top-level block of an override file into `bases` (working copies, changed in place). */
function mergeBlock(over: ParsedFile, block: BlockNode, bases: ParsedFile[]): LoadError[] {
  const at = { file: over.path, range: block.headerRange };
  const overBody = bodyAt(over.json, block.type, block.labels);
  const errors: LoadError[] = [];
  if ((block.type === 'resource' || block.type === 'data' || block.type === 'output') && block.attributes['depends_on']) {
    errors.push({ file: over.path, range: block.attributes['depends_on'].range, message: `${describe(block)}: depends_on may not be used in an override file (Terraform rejects it)` });
  }
  if (block.type === 'locals') {
    for (const [name, attr] of Object.entries(block.attributes)) {
      const base = bases.find((f) => f.blocks.some((b) => b.type === 'locals' && b.attributes[name]));
      if (!base) {
        errors.push({ file: over.path, range: attr.nameRange, message: `local.${name}: no local value of that name to override in this folder (Terraform rejects the override)` });
        continue;
      }
      overrideLocal(base, name, attr, overBody?.[name]);
    }
    return errors;
  }
  const key = JSON.stringify([block.type, ...block.labels]);
  const base = bases.find((f) => f.blocks.some((b) => JSON.stringify([b.type, ...b.labels]) === key));
  if (!base) {
    // Only a `terraform` block may be new in an override file (its settings then stand alone, and
    // lblint reads none of them); any other block must override one.
    if (block.type === 'terraform') return errors;
    return [...errors, { ...at, message: `${describe(block)}: no block of that name to override in this folder (Terraform rejects the override file)` }];
  }
  const index = base.blocks.findIndex((b) => JSON.stringify([b.type, ...b.labels]) === key);
  const baseNode = base.blocks[index] as BlockNode;
  const argumentWise = ARGUMENT_WISE[block.type] ?? new Set<string>();
  let mergedNode = mergeNode(baseNode, block, argumentWise);
  if (block.type === 'terraform') mergedNode = backendOrCloud(mergedNode, block);
  base.blocks[index] = mergedNode;
  const baseBody = bodyAt(base.json, block.type, block.labels);
  // A block src/load did not hand to the parser (nothing of lblint's reads it) has no body to merge.
  if (baseBody !== undefined && overBody !== undefined) {
    let body = mergeBody(baseBody, overBody, block, argumentWise);
    if (block.type === 'terraform') {
      if (overBody['backend'] !== undefined) delete body['cloud'];
      if (overBody['cloud'] !== undefined) delete body['backend'];
      body = { ...body };
    }
    base.json = withBody(base.json, block.type, block.labels, body);
  } else if (baseBody === undefined && overBody !== undefined && block.type !== 'terraform') {
    base.json = withBody(base.json, block.type, block.labels, overBody);
  }
  return errors;
}

/** `terraform { backend … }` in an override replaces a `cloud` block of the base, and the other way round. */
function backendOrCloud(merged: BlockNode, over: BlockNode): BlockNode {
  const has = (t: string) => over.blocks.some((b) => b.type === t);
  if (!has('backend') && !has('cloud')) return merged;
  const drop = has('backend') ? 'cloud' : 'backend';
  return { ...merged, blocks: merged.blocks.filter((b) => b.type !== drop || over.blocks.includes(b)) };
}

/** Replaces one local value wherever in `base` it is declared (value by value, whatever `locals` block holds it). */
function overrideLocal(base: ParsedFile, name: string, attr: AttributeNode, value: unknown): void {
  const index = base.blocks.findIndex((b) => b.type === 'locals' && b.attributes[name]);
  const node = base.blocks[index] as BlockNode;
  base.blocks[index] = { ...node, attributes: { ...node.attributes, [name]: attr } };
  if (value === undefined) return;
  const locals = base.json['locals'];
  const list = Array.isArray(locals) ? locals : isBody(locals) ? [locals] : [];
  const at = list.findIndex((b) => isBody(b) && name in b);
  if (at < 0) return;
  const next = [...list];
  next[at] = { ...(list[at] as Body), [name]: value };
  base.json = { ...base.json, locals: next };
}
