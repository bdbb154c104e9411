// What a linted folder is, by HashiCorp's conventions, and what it hands on to others. The rules
// that report an absence need it: what a reusable module exports or leaves to its inputs may be
// completed by its caller, and a load balancer handed to Kubernetes gets its listeners from the
// cloud controller. Pure: reads the parsed files and evaluated resources, never the disk.
import { Unknown, unknownAbout, type BlockNode, type ParsedFile, type ResourceInstance, type Value } from '../types.js';
import { bodies, filesByDir } from '../eval/config.js';
import { collectRefs, modulePrefix } from './graph.js';

/**
 * - `deployment-root`: configures a provider or a backend, has a tfvars file, or lives under
 *   `examples/`: defaults are values and what is absent is absent.
 * - `reusable-module`: configures no provider and has required inputs: its callers complete it.
 */
export type FolderKind = 'deployment-root' | 'reusable-module';

export interface FolderFacts {
  kind: FolderKind;
  /** Why the folder is what it is ("provider \"huaweicloud\" block at main.tf:1"). */
  why: string;
  /** Root variables whose empty default is a placeholder its caller fills (reusable modules only). */
  placeholders: Map<string, Value>;
}

/** Resources whose absence of listeners, pools or members may be made good elsewhere, with the reason. */
export interface HandedOn {
  /** Base address (no instance keys) → "exported by output.id". */
  exported: Map<string, string>;
  /** Base address → "its id goes to helm_release.ingress (Kubernetes)". */
  kubernetes: Map<string, string>;
}

const RESOURCE_REF = /(?<![\w.])(?:data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)/g;
const MODULE_REF = /(?<![\w.])module\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?\.([A-Za-z_][\w-]*)/g;
const LOCAL_REF = /(?<![\w.])local\.([A-Za-z_][\w-]*)/g;
const VAR_REF = /(?<![\w.])var\.([A-Za-z_][\w-]*)/g;

/**
 * Kubernetes hands a Service's load balancer to the cloud controller, which adds listeners and
 * pools: Helm releases, Kubernetes objects (annotations such as `kubernetes.io/elb.id`) and the
 * clouds' container services (CCE / CCI add-ons and services, ACK add-ons) take its id.
 */
const KUBERNETES_CONSUMER = /^(?:helm_|kubernetes_|kubectl_|[a-z]+_(?:cce|cci[a-z0-9]*|cs)_)/;

/** Instance keys dropped: `module.a["x"].t.n[0]` → `module.a.t.n`. */
export function baseOf(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

function blocksOf(files: readonly ParsedFile[], type: string): { file: ParsedFile; block: BlockNode }[] {
  return files.flatMap((file) => file.blocks.filter((b) => b.type === type).map((block) => ({ file, block })));
}

/** Every expression of a block and its nested blocks, with the attribute name. */
function expressions(block: BlockNode, out: { name: string; text: string }[] = []): { name: string; text: string }[] {
  for (const [name, a] of Object.entries(block.attributes)) out.push({ name, text: a.exprText });
  for (const b of block.blocks) expressions(b, out);
  return out;
}

/** `local.x` replaced by the text of its definition, transitively (cycles stop). */
function localsExpander(files: readonly ParsedFile[]): (text: string) => string {
  const defs = new Map<string, string>();
  for (const { block } of blocksOf(files, 'locals')) for (const [name, a] of Object.entries(block.attributes)) defs.set(name, a.exprText);
  const expand = (text: string, seen: Set<string>): string =>
    text.replace(LOCAL_REF, (whole, name: string) => {
      const def = defs.get(name);
      if (def === undefined || seen.has(name)) return whole;
      return `(${expand(def, new Set([...seen, name]))})`;
    });
  return (text) => expand(text, new Set());
}

function isEmptyValue(v: unknown): boolean {
  return v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
}

/**
 * The placeholder of a variable default, or undefined when it has none: an empty default (`[]`,
 * `{}`, `null`, or `0` driving a count) is left to the caller, and so are the empty attributes of
 * an object default (`{ listeners = [], name = "web" }` keeps `name`).
 */
function placeholderOf(name: string, def: unknown, drivesCount: boolean): Value | undefined {
  const reason = (what: string) => unknownAbout(`var.${name}${what}`, `var.${name}${what} is an input left to the module's caller (its default is empty)`);
  if (isEmptyValue(def) || (def === 0 && drivesCount)) return reason('');
  if (typeof def !== 'object' || def === null || Array.isArray(def)) return undefined;
  let changed = false;
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(def as Record<string, unknown>)) {
    if (isEmptyValue(v)) {
      out[k] = reason(`.${k}`);
      changed = true;
    } else out[k] = v as Value;
  }
  return changed ? out : undefined;
}

/** The `default` of a variable, from its declaration as eval reads it. */
function defaultOf(file: ParsedFile, name: string): { has: boolean; value?: unknown } {
  const body = bodies((file.json as { variable?: Record<string, unknown> }).variable?.[name])[0];
  return body && 'default' in body ? { has: true, value: body.default } : { has: false };
}

export function describeFolder(root: string, files: readonly ParsedFile[]): FolderFacts {
  const own = filesByDir(files).config.get(root) ?? [];
  const placeholders = new Map<string, Value>();
  const provider = blocksOf(own, 'provider')[0];
  if (provider) return { kind: 'deployment-root', why: `provider "${provider.block.labels[0] ?? ''}" block at ${at(provider.block)}`, placeholders };
  for (const { block } of blocksOf(own, 'terraform')) {
    const backend = block.blocks.find((b) => b.type === 'backend' || b.type === 'cloud');
    if (backend) return { kind: 'deployment-root', why: `${backend.type} block at ${at(backend)}`, placeholders };
  }
  const tfvars = filesByDir(files).variables.get(root)?.find((f) => f.kind === 'tfvars' || f.kind === 'tfvars.json');
  if (tfvars) return { kind: 'deployment-root', why: `variable values in ${tfvars.path}`, placeholders };
  if (/(^|\/)examples?(\/|$)/.test(root)) return { kind: 'deployment-root', why: `it is under examples/`, placeholders };
  const variables = blocksOf(own, 'variable');
  const required = variables.filter(({ file, block }) => !defaultOf(file, block.labels[0] ?? '').has).map(({ block }) => block.labels[0] ?? '');
  if (required.length === 0) return { kind: 'deployment-root', why: 'it configures no provider but has no required input either', placeholders };

  // Inputs that drive count/for_each or fill a link attribute (`*_id`, `*_ids`), directly or
  // through locals, or that pass on to another module.
  const expand = localsExpander(own);
  const countSinks: string[] = [];
  const linkSinks: string[] = [];
  for (const { block } of [...blocksOf(own, 'resource'), ...blocksOf(own, 'data'), ...blocksOf(own, 'module')]) {
    for (const { name, text } of expressions(block)) {
      if (name === 'count') countSinks.push(expand(text));
      else if (name === 'for_each' || /_ids?$/.test(name) || block.type === 'module') linkSinks.push(expand(text));
    }
  }
  const used = (sinks: string[]) => new Set(sinks.flatMap((t) => [...t.matchAll(VAR_REF)].map((m) => m[1] as string)));
  const inCount = used(countSinks);
  const inLinks = used(linkSinks);
  for (const { file, block } of variables) {
    const name = block.labels[0] ?? '';
    if (!inCount.has(name) && !inLinks.has(name)) continue;
    const def = defaultOf(file, name);
    if (!def.has) continue;
    const placeholder = placeholderOf(name, def.value, inCount.has(name));
    if (placeholder !== undefined) placeholders.set(name, placeholder);
  }
  return { kind: 'reusable-module', why: `it configures no provider and has required inputs (${required.map((n) => `var.${n}`).join(', ')})`, placeholders };
}

function at(block: BlockNode): string {
  return `${block.range.file}:${block.range.start.line}`;
}

/**
 * Resources a folder hands on: those its `output`s export (through locals and the outputs of
 * local modules), and load balancers whose id goes to Kubernetes.
 */
export function handedOn(root: string, allFiles: readonly ParsedFile[], resources: readonly ResourceInstance[], moduleDirs: ReadonlyMap<string, string>): HandedOn {
  // Only the root's folder and the folders of the modules it loaded matter.
  const byDir = filesByDir(allFiles).config;
  const inDir = (dir: string): readonly ParsedFile[] => byDir.get(dir) ?? [];
  const expanders = new Map<string, (text: string) => string>();
  const expanderOf = (dir: string): ((text: string) => string) => {
    let e = expanders.get(dir);
    if (!e) expanders.set(dir, (e = localsExpander(inDir(dir))));
    return e;
  };
  const exported = new Map<string, string>();
  const visit = (dir: string, prefix: string, text: string, why: string, depth: number): void => {
    const expanded = expanderOf(dir)(text);
    for (const m of expanded.matchAll(RESOURCE_REF)) {
      const [, type, name] = m as unknown as [string, string, string];
      if (type === 'module' || type === 'var' || type === 'local' || type === 'each' || type === 'count' || type === 'path' || type === 'terraform') continue;
      const address = `${prefix}${type}.${name}`;
      if (!exported.has(address)) exported.set(address, why);
    }
    if (depth > 8) return;
    for (const m of expanded.matchAll(MODULE_REF)) {
      const [, call, output] = m as unknown as [string, string, string];
      // The folder the evaluation loaded for that call (local, or fetched by terraform init).
      const target = moduleDirs.get(`${prefix}module.${call}`);
      if (target === undefined) continue;
      for (const { block } of blocksOf(inDir(target), 'output')) {
        if (block.labels[0] !== output) continue;
        for (const { text: t } of expressions(block)) visit(target, `${prefix}module.${call}.`, t, why, depth + 1);
      }
    }
  };
  for (const { block } of blocksOf(inDir(root), 'output')) {
    const value = block.attributes.value;
    if (value) visit(root, '', value.exprText, `exported by output.${block.labels[0] ?? ''}`, 0);
  }

  // Read from the source text too: lblint does not parse a Helm release that names no load
  // balancer itself (its values go through locals).
  const kubernetes = new Map<string, string>();
  const prefixOf = new Map(resources.map((r) => [`${r.file}:${r.block.range.start.line}`, modulePrefix(r)]));
  const dirs = new Set([root, ...resources.map((r) => (r.file.includes('/') ? r.file.slice(0, r.file.lastIndexOf('/')) : '.'))]);
  for (const file of [...dirs].flatMap(inDir)) {
    let lines: string[] | undefined;
    for (const block of file.blocks) {
      const type = block.labels[0] ?? '';
      if (block.type !== 'resource' || !KUBERNETES_CONSUMER.test(type)) continue;
      const prefix = prefixOf.get(`${file.path}:${block.range.start.line}`) ?? (file.dir === root ? '' : undefined);
      if (prefix === undefined) continue;
      lines ??= file.text.split('\n');
      const text = lines.slice(block.range.start.line - 1, block.range.end.line).join('\n');
      const why = `its id goes to ${prefix}${type}.${block.labels[1] ?? ''} (Kubernetes)`;
      for (const m of expanderOf(file.dir)(text).matchAll(RESOURCE_REF)) kubernetes.set(baseOf(`${prefix}${m[1]}.${m[2]}`), why);
    }
  }
  return { exported, kubernetes };
}
