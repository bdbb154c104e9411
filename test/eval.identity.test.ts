import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRoot } from '../src/eval/index.js';
import { parseHcl, scanHcl } from '../src/load/index.js';
import { loadTree } from './helpers/load-tree.js';
import { OneOf, isUnknown, type EvalResult, type ParsedFile, type Value } from '../src/types.js';

async function parsed(path: string, text: string): Promise<ParsedFile> {
  const result = await parseHcl(path, text);
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.errors)}`);
  const scan = scanHcl(path, text);
  return { path, dir: posix.dirname(path), kind: 'tf', text, ignores: [], json: result.json, blocks: scan.blocks, attributes: scan.attributes };
}

async function run(sources: Record<string, string>): Promise<EvalResult> {
  if (Object.keys(sources).some((p) => p.includes('/'))) {
    // Module folders: loaded from disk, so that the calls are resolved as the loader does.
    const { files, modules } = await loadTree(sources);
    return evaluateRoot('.', files, { vars: [], varFiles: [], env: {}, modules });
  }
  const files = await Promise.all(Object.entries(sources).map(([p, t]) => parsed(p, t)));
  return evaluateRoot('.', files, { vars: [], varFiles: [], env: {} });
}

function valueAt(result: EvalResult, address: string, ...path: (string | number)[]): Value {
  const r = result.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address} in ${result.resources.map((x) => x.address).join(', ')}`);
  let v: Value = r.values;
  for (const step of path) v = (v as Record<string, Value>)[step as string] as Value;
  return v;
}

/** `address.path` named by an unknown value, or a description of what it is instead. */
function identity(v: Value): string {
  if (!isUnknown(v)) return `known: ${JSON.stringify(v)}`;
  if (!v.ref) return `no identity: ${v.reason}`;
  return `${v.ref.address}.${v.ref.path.join('.')}`;
}

const GROUP = `
variable "security_group_name" {}
resource "huaweicloud_networking_secgroup" "test" {
  name = var.security_group_name
}
resource "huaweicloud_networking_secgroup" "other" {
  name = "other"
}
`;

describe('a reference keeps its identity when its value is unknown', () => {
  it.each([
    ['a direct reference', 'security_groups = [huaweicloud_networking_secgroup.test.name]', ''],
    ['through a local', 'security_groups = [local.group_name]', 'locals {\n  group_name = huaweicloud_networking_secgroup.test.name\n}'],
    ['through a local holding the whole resource', 'security_groups = [local.group.name]', 'locals {\n  group = huaweicloud_networking_secgroup.test\n}'],
    ['through [*] over a count resource', 'security_groups = huaweicloud_networking_secgroup.counted[*].name', ''],
    ['through a for expression', 'security_groups = [for g in huaweicloud_networking_secgroup.counted : g.name]', ''],
    ['through values() of a for_each resource', 'security_groups = values(huaweicloud_networking_secgroup.each)[*].name', ''],
  ])('%s', async (_name, attribute, extra) => {
    const result = await run({
      'main.tf': `${GROUP}
resource "huaweicloud_networking_secgroup" "counted" {
  count = 1
  name  = var.security_group_name
}
resource "huaweicloud_networking_secgroup" "each" {
  for_each = toset(["a"])
  name     = var.security_group_name
}
${extra}
resource "huaweicloud_compute_instance" "web" {
  ${attribute}
}
`,
    });
    const v = valueAt(result, 'huaweicloud_compute_instance.web', 'security_groups', 0);
    expect(identity(v)).toMatch(/^huaweicloud_networking_secgroup\.(test|counted\[0\]|each\["a"\])\.name$/);
    // The reason stays what was unknown; the group itself keeps its own unknown name.
    expect(isUnknown(v) && v.reason).toBe('var.security_group_name has no value');
    expect(identity(valueAt(result, 'huaweicloud_networking_secgroup.test', 'name'))).toBe('no identity: var.security_group_name has no value');
  });

  it('through module inputs and outputs, with full addresses', async () => {
    const result = await run({
      'main.tf': `${GROUP}
module "app" {
  source     = "./app"
  group_name = huaweicloud_networking_secgroup.test.name
}
module "sg" {
  source = "./sg"
}
resource "huaweicloud_compute_instance" "web" {
  security_groups = [module.sg.group_name]
}
`,
      'app/main.tf': `
variable "group_name" {}
resource "huaweicloud_compute_instance" "app" {
  security_groups = [var.group_name]
}
`,
      'sg/main.tf': `
variable "name" {}
resource "huaweicloud_networking_secgroup" "this" {
  name = var.name
}
output "group_name" {
  value = huaweicloud_networking_secgroup.this.name
}
`,
    });
    expect(identity(valueAt(result, 'module.app.huaweicloud_compute_instance.app', 'security_groups', 0))).toBe('huaweicloud_networking_secgroup.test.name');
    expect(identity(valueAt(result, 'huaweicloud_compute_instance.web', 'security_groups', 0))).toBe('module.sg.huaweicloud_networking_secgroup.this.name');
  });

  it('a known value stays a plain value, and an attribute computed by the provider keeps its reference', async () => {
    const result = await run({
      'main.tf': `${GROUP}
resource "huaweicloud_compute_instance" "web" {
  security_groups    = [huaweicloud_networking_secgroup.other.name]
  security_group_ids = [huaweicloud_networking_secgroup.test.id]
}
`,
    });
    expect(identity(valueAt(result, 'huaweicloud_compute_instance.web', 'security_groups', 0))).toBe('known: "other"');
    expect(identity(valueAt(result, 'huaweicloud_compute_instance.web', 'security_group_ids', 0))).toBe('huaweicloud_networking_secgroup.test.id');
  });

  it('a conditional with an unknown condition keeps both references', async () => {
    const result = await run({
      'main.tf': `${GROUP}
variable "public" {
  type = bool
}
locals {
  group = var.public ? huaweicloud_networking_secgroup.other : huaweicloud_networking_secgroup.test
}
resource "huaweicloud_compute_instance" "web" {
  security_groups = [var.public ? huaweicloud_networking_secgroup.test.name : huaweicloud_networking_secgroup.other.name]
  security_group_ids = [local.group.id]
  name = "web-\${var.public ? "a" : "b"}"
}
`,
    });
    const name = valueAt(result, 'huaweicloud_compute_instance.web', 'security_groups', 0);
    expect(name).toBeInstanceOf(OneOf);
    expect((name as OneOf).reason).toBe('var.public has no value');
    expect((name as OneOf).choices.map(identity)).toEqual(['huaweicloud_networking_secgroup.test.name', 'known: "other"']);
    // Steps after the conditional apply to each choice.
    const id = valueAt(result, 'huaweicloud_compute_instance.web', 'security_group_ids', 0);
    expect((id as OneOf).choices.map(identity)).toEqual(['huaweicloud_networking_secgroup.other.id', 'huaweicloud_networking_secgroup.test.id']);
    // A template builds a new value: only the unknown condition is left.
    const built = valueAt(result, 'huaweicloud_compute_instance.web', 'name');
    expect(built).not.toBeInstanceOf(OneOf);
    expect(identity(built)).toBe('no identity: var.public has no value');
  });
});

describe('an unknown value names the expression the user wrote', () => {
  const CONFIG = `
variable "vswitch_index" {
  type = number
}
resource "alicloud_vswitch" "vswitches" {
  count      = 2
  vpc_id     = "vpc-1"
  cidr_block = "10.0.\${count.index}.0/24"
}
resource "alicloud_instance" "by_index" {
  vswitch_id = alicloud_vswitch.vswitches[var.vswitch_index].id
}
resource "alicloud_instance" "each" {
  count      = 2
  vswitch_id = alicloud_vswitch.vswitches[count.index].id
}
resource "alicloud_instance" "legacy" {
  vswitch_id = element(alicloud_vswitch.vswitches.*.id, 0)
}
`;
  it.each([
    ['the unknown index, not an element of the list it indexes', 'alicloud_instance.by_index', 'var.vswitch_index has no value', 'var.vswitch_index'],
    ['a computed attribute, under its instance key as written', 'alicloud_instance.each[1]', 'alicloud_vswitch.vswitches[count.index].id is known only after apply', 'alicloud_vswitch.vswitches[count.index].id'],
    ['an element picked by a function, as the call is written (legacy splat included)', 'alicloud_instance.legacy', 'element(alicloud_vswitch.vswitches.*.id, 0) is known only after apply', 'element(alicloud_vswitch.vswitches.*.id, 0)'],
  ])('%s', async (_name, address, reason, text) => {
    const result = await run({ 'main.tf': CONFIG });
    const v = valueAt(result, address, 'vswitch_id');
    expect(isUnknown(v) && v.reason).toBe(reason);
    expect(isUnknown(v) && v.expression?.text).toBe(text);
    // Located at the attribute that holds it, where the user wrote it.
    expect(isUnknown(v) && v.expression?.range?.file).toBe('main.tf');
    expect(CONFIG).toContain(text);
  });
});
