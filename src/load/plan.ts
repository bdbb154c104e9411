// Reads `terraform show -json tfplan` output (the "JSON Output Format", format_version 0.x/1.x):
// planned_values (+ prior_state for data sources), resource_changes (after_unknown,
// after_sensitive) and configuration (module sources, expression references). Pure JSON
// reading: mapping to `.tf` code happens in src/eval/plan.ts.
import path from 'node:path';
import type { LoadError, PlanInput, PlannedResource, Range } from '../types.js';
import { relativePath } from './files.js';
import { scanJson } from './json.js';
import { readText } from './loader.js';
import { SourceText } from './source.js';

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class PlanError extends Error {
  constructor(
    message: string,
    readonly range?: Range,
  ) {
    super(message);
  }
}

/** Positions of keys and addresses in the plan text, for located errors and fallbacks. */
class Locator {
  private readonly src: SourceText;
  private addresses: Map<string, number> | undefined;

  constructor(file: string, text: string) {
    this.src = new SourceText(file, text);
  }

  /** The first `"key":` in the text (the whole file when absent). */
  key(key: string): Range {
    const i = this.src.text.indexOf(`${JSON.stringify(key)}`);
    return i < 0 ? this.src.range(0, 0) : this.src.range(i, i + key.length + 2);
  }

  /** The first `"address": "<address>"` in the text. */
  address(address: string): Range {
    if (!this.addresses) {
      this.addresses = new Map();
      const re = /"address"\s*:\s*("(?:[^"\\]|\\.)*")/g;
      for (let m = re.exec(this.src.text); m; m = re.exec(this.src.text)) {
        let value: unknown;
        try {
          value = JSON.parse(m[1] ?? '""');
        } catch {
          continue;
        }
        if (typeof value === 'string' && !this.addresses.has(value)) this.addresses.set(value, m.index);
      }
    }
    const at = this.addresses.get(address);
    return at === undefined ? this.key('planned_values') : this.src.range(at, at + 'address'.length + 2);
  }
}

/** Accepts `0.x` and `1.x`; Terraform promises to raise the major version for breaking changes. */
function checkVersion(plan: Json, at: Locator): string {
  const v = plan['format_version'];
  if (typeof v !== 'string') throw new PlanError('not a Terraform plan in JSON: "format_version" is missing (make it with `terraform show -json tfplan`)', at.key('format_version'));
  const major = /^(\d+)\./.exec(v)?.[1];
  if (major !== '0' && major !== '1') throw new PlanError(`unsupported plan format_version "${v}" (lblint reads 0.x and 1.x)`, at.key('format_version'));
  return v;
}

function resourceKey(v: unknown): number | string | undefined {
  return typeof v === 'number' || typeof v === 'string' ? v : undefined;
}

/** Walks a module of planned_values / prior_state.values: its resources and child modules. */
function walkModule(module: unknown, moduleAddress: string, out: Json[], at: Locator, where: string): void {
  if (module === undefined) return;
  if (!isObj(module)) throw new PlanError(`${where}: a module must be a JSON object`, at.key(where.split('.').pop() ?? where));
  const resources = module['resources'] ?? [];
  if (!Array.isArray(resources)) throw new PlanError(`${where}: "resources" must be a list`, at.key('resources'));
  for (const r of resources) {
    if (!isObj(r) || typeof r['address'] !== 'string' || typeof r['type'] !== 'string' || typeof r['name'] !== 'string') {
      throw new PlanError(`${where}: a resource needs a string "address", "type" and "name"`, isObj(r) && typeof r['address'] === 'string' ? at.address(r['address']) : at.key('resources'));
    }
    if (r['values'] !== undefined && !isObj(r['values'])) throw new PlanError(`${r['address']}: "values" must be a JSON object`, at.address(r['address']));
    out.push({ ...r, module_address: moduleAddress });
  }
  const children = module['child_modules'] ?? [];
  if (!Array.isArray(children)) throw new PlanError(`${where}: "child_modules" must be a list`, at.key('child_modules'));
  for (const child of children) {
    if (!isObj(child) || typeof child['address'] !== 'string') throw new PlanError(`${where}: a child module needs a string "address"`, at.key('child_modules'));
    walkModule(child, child['address'], out, at, `${where} ${child['address']}`);
  }
}

/** Module sources and expression references from the plan's `configuration` section. */
function walkConfiguration(module: unknown, prefix: string, sources: Record<string, string>, references: PlanInput['references'], expressions: NonNullable<PlanInput['expressions']>): void {
  if (!isObj(module)) return;
  for (const r of Array.isArray(module['resources']) ? module['resources'] : []) {
    if (!isObj(r) || typeof r['address'] !== 'string' || !isObj(r['expressions'])) continue;
    const refs: Record<string, string[]> = {};
    for (const [attr, expr] of Object.entries(r['expressions'])) {
      const list = isObj(expr) ? expr['references'] : undefined;
      if (Array.isArray(list)) refs[attr] = list.filter((x): x is string => typeof x === 'string');
    }
    references[`${prefix}${r['address']}`] = refs;
    expressions[`${prefix}${r['address']}`] = r['expressions'];
  }
  const calls = module['module_calls'];
  if (!isObj(calls)) return;
  for (const [name, call] of Object.entries(calls)) {
    if (!isObj(call)) continue;
    const address = `${prefix}module.${name}`;
    if (typeof call['source'] === 'string') sources[address] = call['source'];
    walkConfiguration(call['module'], `${address}.`, sources, references, expressions);
  }
}

function toPlanned(r: Json, changes: Map<string, Json>, at: Locator, fromState: boolean): PlannedResource {
  const address = r['address'] as string;
  const mode = r['mode'] === 'data' ? 'data' : 'managed';
  const change = changes.get(address);
  const after = isObj(change?.['change']) ? (change['change'] as Json) : undefined;
  const planned: PlannedResource = {
    address,
    moduleAddress: typeof r['module_address'] === 'string' ? r['module_address'] : '',
    mode,
    type: r['type'] as string,
    name: r['name'] as string,
    values: isObj(r['values']) ? r['values'] : {},
    // planned_values omit what is unknown; resource_changes say which attributes those are.
    unknown: fromState ? {} : (after?.['after_unknown'] ?? {}),
    sensitive: r['sensitive_values'] ?? after?.['after_sensitive'] ?? {},
    range: at.address(address),
  };
  const key = resourceKey(r['index']);
  if (key !== undefined) planned.key = key;
  return planned;
}

/** Reads a plan JSON file. Errors are located in the plan (exit 2 in the CLI). */
export async function loadPlan(filePath: string, cwd: string): Promise<{ plan?: PlanInput; errors: LoadError[] }> {
  const read = await readText(filePath, cwd);
  if (read.text === undefined) return { errors: [read.error ?? { message: `cannot read the plan '${filePath}'` }] };
  return parsePlan(relativePath(cwd, path.resolve(cwd, filePath)), read.text);
}

/** Parses plan JSON text; `file` is the path relative to cwd used in ranges. */
export function parsePlan(file: string, text: string): { plan?: PlanInput; errors: LoadError[] } {
  const at = new Locator(file, text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const first = scanJson(file, text).errors[0];
    const detail = first?.message ?? (err instanceof Error ? err.message : String(err));
    return { errors: [{ file, ...(first ? { range: first.range } : {}), message: `invalid plan JSON: ${detail}` }] };
  }
  try {
    if (!isObj(json)) throw new PlanError('not a Terraform plan in JSON: the top level must be a JSON object');
    const formatVersion = checkVersion(json, at);
    if (json['planned_values'] === undefined) {
      const what = json['values'] !== undefined ? 'a Terraform state, not a plan' : 'not a Terraform plan';
      throw new PlanError(`${what}: "planned_values" is missing (run \`terraform plan -out=tfplan\` then \`terraform show -json tfplan\`)`, at.key('format_version'));
    }
    if (json['errored'] === true) throw new PlanError('the plan is incomplete: `terraform plan` failed ("errored": true)', at.key('errored'));
    const planned = json['planned_values'];
    if (!isObj(planned)) throw new PlanError('"planned_values" must be a JSON object', at.key('planned_values'));

    const rawChanges = json['resource_changes'] ?? [];
    if (!Array.isArray(rawChanges)) throw new PlanError('"resource_changes" must be a list', at.key('resource_changes'));
    const changes = new Map<string, Json>();
    for (const c of rawChanges) {
      if (!isObj(c) || typeof c['address'] !== 'string') throw new PlanError('resource_changes: an entry needs a string "address"', at.key('resource_changes'));
      if (c['change'] !== undefined && !isObj(c['change'])) throw new PlanError(`resource_changes ${c['address']}: "change" must be a JSON object`, at.address(c['address']));
      changes.set(c['address'], c);
    }

    const found: Json[] = [];
    walkModule(planned['root_module'], '', found, at, 'planned_values.root_module');
    const resources = found.map((r) => toPlanned(r, changes, at, false));
    const seen = new Set(resources.map((r) => r.address));
    // Data sources read while planning are in the prior state, not in planned_values.
    const prior = json['prior_state'];
    if (isObj(prior) && isObj(prior['values'])) {
      const fromState: Json[] = [];
      walkModule(prior['values']['root_module'], '', fromState, at, 'prior_state.values.root_module');
      for (const r of fromState) if (r['mode'] === 'data' && !seen.has(r['address'] as string)) resources.push(toPlanned(r, changes, at, true));
    }

    const variables: Record<string, unknown> = {};
    if (isObj(json['variables'])) {
      for (const [name, v] of Object.entries(json['variables'])) if (isObj(v) && 'value' in v) variables[name] = v['value'];
    }
    const moduleSources: Record<string, string> = {};
    const references: PlanInput['references'] = {};
    const expressions: NonNullable<PlanInput['expressions']> = {};
    const configuration = json['configuration'];
    if (isObj(configuration)) walkConfiguration(configuration['root_module'], '', moduleSources, references, expressions);
    const deferred: string[] = [];
    for (const d of Array.isArray(json['deferred_changes']) ? json['deferred_changes'] : []) {
      const rc = isObj(d) ? d['resource_change'] : undefined;
      if (isObj(rc) && typeof rc['address'] === 'string') deferred.push(rc['address']);
    }
    const plan: PlanInput = { file, formatVersion, variables, resources, moduleSources, references, deferred };
    if (isObj(configuration)) plan.expressions = expressions;
    if (typeof json['terraform_version'] === 'string') plan.terraformVersion = json['terraform_version'];
    return { plan, errors: [] };
  } catch (err) {
    if (!(err instanceof PlanError)) throw err;
    return { errors: [{ file, ...(err.range ? { range: err.range } : {}), message: `plan: ${err.message}` }] };
  }
}
