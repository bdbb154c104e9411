// Writes the plan JSON Terraform would write for a configuration (`terraform show -json` format
// 1.2, as testdata/plan/terraform-1.11-aws/plan.json shows a real Terraform 1.11 writing it):
// - `planned_values` / `resource_changes`: what is known goes to `after`, what is not to
//   `after_unknown` (object keys left out of `after`, list elements null);
// - Optional+Computed arguments the configuration leaves unset are `after_unknown` too: every
//   argument that some fixture sets on a resource of the same type stands for one;
// - `configuration`: each resource's `expressions` (`constant_value` or `references`, nested blocks
//   as lists, `dynamic` blocks left out, as Terraform does) and the module calls with their sources.
// The values are lblint's own evaluation of the `.tf` files, so a difference between the findings
// of the two modes is a difference in how lblint reads a plan.
import type { BlockNode, ParsedFile, ResourceInstance, Value } from '../../src/types.js';
import { isUnknown } from '../../src/types.js';

type Json = Record<string, unknown>;

function known(v: Value): { after: unknown; unknown: unknown } {
  if (isUnknown(v)) return { after: undefined, unknown: true };
  if (Array.isArray(v)) {
    const parts = v.map(known);
    const mask = parts.map((p) => p.unknown ?? false);
    return { after: parts.map((p) => (p.after === undefined ? null : p.after)), unknown: mask.some((m) => m !== false) ? mask : undefined };
  }
  if (v !== null && typeof v === 'object') {
    const after: Json = {};
    const mask: Json = {};
    for (const [k, x] of Object.entries(v)) {
      const p = known(x);
      if (p.after !== undefined) after[k] = p.after;
      if (p.unknown !== undefined) mask[k] = p.unknown;
    }
    return { after, unknown: Object.keys(mask).length ? mask : undefined };
  }
  return { after: v, unknown: undefined };
}

const REFERENCE = /(?<![\w.])((?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?(?:\.[A-Za-z_][\w-]*)?|var\.[A-Za-z_][\w-]*|local\.[A-Za-z_][\w-]*|module\.[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)?|each\.(?:key|value)|count\.index)/g;

/** Terraform lists `huaweicloud_elb_pool.web.id` and `huaweicloud_elb_pool.web` for `huaweicloud_elb_pool.web.id`. */
function references(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const ref = m[1] as string;
    if (ref.startsWith('each.') || ref.startsWith('count.')) continue;
    out.push(ref);
    const parts = ref.replace(/\[[^\]]*\]/g, '').split('.');
    const resource = parts[0] === 'data' ? parts.slice(0, 3) : parts.slice(0, 2);
    if (!['var', 'local', 'module'].includes(parts[0] as string) && resource.join('.') !== ref) out.push(resource.join('.'));
  }
  return [...new Set(out)];
}

function expressions(block: BlockNode, values: Value | undefined): Json {
  const out: Json = {};
  const obj = values !== null && typeof values === 'object' && !Array.isArray(values) && !isUnknown(values) ? (values as Record<string, Value>) : {};
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (['count', 'for_each', 'depends_on', 'provider', 'lifecycle'].includes(name)) continue;
    const refs = references(attr.exprText);
    if (refs.length) out[name] = { references: refs };
    else {
      const v = obj[name];
      out[name] = { constant_value: v === undefined || isUnknown(v) ? null : known(v).after };
    }
  }
  const byType = new Map<string, BlockNode[]>();
  for (const b of block.blocks) {
    if (b.type === 'dynamic' || b.type === 'lifecycle') continue;
    byType.set(b.type, [...(byType.get(b.type) ?? []), b]);
  }
  for (const [type, list] of byType) {
    const vals = obj[type];
    out[type] = list.map((b, i) => expressions(b, Array.isArray(vals) ? vals[i] : undefined));
  }
  return out;
}

/** Every argument name set on resources of each type, across `files` (the stand-in for the schema's Optional+Computed arguments). */
export function argumentsByType(files: readonly ParsedFile[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of files) {
    for (const b of f.blocks) {
      if (b.type !== 'resource' || !b.labels[0]) continue;
      const set = out.get(b.labels[0]) ?? new Set<string>();
      for (const name of Object.keys(b.attributes)) if (!['count', 'for_each', 'depends_on', 'provider'].includes(name)) set.add(name);
      out.set(b.labels[0], set);
    }
  }
  return out;
}

function moduleAddressOf(r: ResourceInstance): string {
  return r.modulePath.join('.');
}

/** The plan JSON of evaluated `resources`; `root` is the folder of the root module's files. */
export function planJson(resources: readonly ResourceInstance[], files: readonly ParsedFile[], root: string, args: Map<string, Set<string>>): Json {
  const changes: Json[] = [];
  const modules = new Map<string, Json[]>();
  const prior = new Map<string, Json[]>();
  for (const r of resources) {
    const { after, unknown } = known(r.values);
    const mask: Json = (unknown as Json | undefined) ?? {};
    const afterObj = after as Json;
    if (r.mode === 'managed') {
      // Unset Optional+Computed arguments: unknown until apply.
      for (const name of args.get(r.type) ?? []) if (!(name in r.values)) mask[name] = true;
      mask['id'] = true;
    }
    const entry: Json = { address: r.address, mode: r.mode, type: r.type, name: r.name, provider_name: `registry.terraform.io/x/${r.type.split('_')[0]}`, schema_version: 0, values: afterObj, sensitive_values: {} };
    if (r.key !== undefined) entry['index'] = r.key;
    const moduleAddress = moduleAddressOf(r);
    if (r.mode === 'data') {
      prior.set(moduleAddress, [...(prior.get(moduleAddress) ?? []), entry]);
      continue;
    }
    modules.set(moduleAddress, [...(modules.get(moduleAddress) ?? []), entry]);
    const change: Json = { address: r.address, mode: r.mode, type: r.type, name: r.name, provider_name: entry['provider_name'], change: { actions: ['create'], before: null, after: afterObj, after_unknown: mask, before_sensitive: false, after_sensitive: {} } };
    if (moduleAddress) change['module_address'] = moduleAddress;
    if (r.key !== undefined) change['index'] = r.key;
    changes.push(change);
  }
  const tree = (byModule: Map<string, Json[]>): Json => {
    const node = (address: string): Json => {
      const out: Json = { resources: byModule.get(address) ?? [] };
      if (address) out['address'] = address;
      const children = [...byModule.keys()].filter((a) => a !== address && a.startsWith(address ? `${address}.` : 'module.') && !a.slice(address ? address.length + 1 : 0).includes('.module.'));
      if (children.length) out['child_modules'] = children.sort().map(node);
      return out;
    };
    return node('');
  };
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: tree(modules) },
    resource_changes: changes,
    prior_state: { format_version: '1.0', terraform_version: '1.11.4', values: { root_module: tree(prior) } },
    configuration: { root_module: configurationOf(root, files, resources, '') },
    timestamp: '2026-12-07T00:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}

function configurationOf(dir: string, files: readonly ParsedFile[], resources: readonly ResourceInstance[], prefix: string): Json {
  const own = files.filter((f) => f.dir === dir && (f.kind === 'tf' || f.kind === 'tf.json'));
  const out: Json[] = [];
  const calls: Json = {};
  for (const f of own) {
    for (const b of f.blocks) {
      if ((b.type === 'resource' || b.type === 'data') && b.labels.length === 2) {
        const address = `${b.type === 'data' ? 'data.' : ''}${b.labels[0]}.${b.labels[1]}`;
        const sample = resources.find((r) => r.block === b || (r.file === f.path && r.block.range.start.line === b.range.start.line));
        out.push({ address, mode: b.type === 'data' ? 'data' : 'managed', type: b.labels[0], name: b.labels[1], provider_config_key: (b.labels[0] ?? '').split('_')[0], expressions: expressions(b, sample?.values), schema_version: 0 });
      }
      if (b.type === 'module' && b.labels[0]) {
        const source = b.attributes['source']?.exprText.replace(/^"|"$/g, '') ?? '';
        const target = source.startsWith('.') ? normalize(`${dir}/${source}`) : undefined;
        calls[b.labels[0]] = { source, ...(target ? { module: configurationOf(target, files, resources, `${prefix}module.${b.labels[0]}.`) } : {}) };
      }
    }
  }
  return { resources: out, ...(Object.keys(calls).length ? { module_calls: calls } : {}) };
}

function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.length ? out.join('/') : '.';
}
