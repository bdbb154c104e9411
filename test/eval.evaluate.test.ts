import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRoot, type EvalInputs } from '../src/eval/index.js';
import { parseHcl, scanHcl, scanJson } from '../src/load/index.js';
import { loadTree } from './helpers/load-tree.js';
import { isUnknown, originAddressOf, originRangeOf, Unknown, type EvalResult, type ParsedFile, type ResourceInstance, type SourceKind, type Value } from '../src/types.js';

/** Builds a ParsedFile the way src/load does, from text. */
async function parsed(path: string, text: string): Promise<ParsedFile> {
  const kind: SourceKind = path.endsWith('.tf.json')
    ? 'tf.json'
    : path.endsWith('.tfvars.json')
      ? 'tfvars.json'
      : path.endsWith('.tfvars')
        ? 'tfvars'
        : 'tf';
  const base = { path, dir: posix.dirname(path), kind, text, ignores: [] };
  if (kind === 'tf.json' || kind === 'tfvars.json') {
    const scan = scanJson(path, text);
    return { ...base, json: JSON.parse(text) as Record<string, unknown>, blocks: scan.blocks, attributes: scan.attributes };
  }
  const result = await parseHcl(path, text);
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.errors)}`);
  const scan = scanHcl(path, text);
  return { ...base, json: result.json, blocks: kind === 'tf' ? scan.blocks : [], attributes: scan.attributes };
}

async function run(sources: Record<string, string>, inputs: Partial<EvalInputs> = {}, root = '.'): Promise<EvalResult> {
  const files = await Promise.all(Object.entries(sources).map(([p, t]) => parsed(p, t)));
  return evaluateRoot(root, files, { vars: [], varFiles: [], env: {}, ...inputs });
}

/** `run` on files written to disk and loaded by the loader: module calls are followed as the load resolved them. */
async function runLoaded(sources: Record<string, string>, root = '.'): Promise<EvalResult> {
  const { files, modules } = await loadTree(sources);
  return evaluateRoot(root, files, { vars: [], varFiles: [], env: {}, modules });
}

function byAddress(result: EvalResult, address: string): ResourceInstance {
  const r = result.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address} in ${result.resources.map((x) => x.address).join(', ')}`);
  return r;
}

function unknownOf(v: Value | undefined): Unknown {
  if (!isUnknown(v)) throw new Error(`expected an Unknown, got ${JSON.stringify(v)}`);
  return v;
}

describe('variables', () => {
  const variables = `
variable "from_default" {
  default = "default"
}
variable "from_env" {
  default = "default"
}
variable "from_tfvars" {
  default = "default"
}
variable "from_tfvars_json" {
  default = "default"
}
variable "from_auto" {
  default = "default"
}
variable "from_var_file" {
  default = "default"
}
variable "from_cli" {
  default = "default"
}
variable "port" {
  type = number
}
variable "ports" {
  type = list(number)
}
variable "backends" {
  type = map(object({ ip = string, weight = optional(number, 1) }))
  default = { a = { ip = "10.0.0.1" } }
}
variable "required" {
  type = string
}
resource "x_thing" "t" {
  from_default     = var.from_default
  from_env         = var.from_env
  from_tfvars      = var.from_tfvars
  from_tfvars_json = var.from_tfvars_json
  from_auto        = var.from_auto
  from_var_file    = var.from_var_file
  from_cli         = var.from_cli
  port             = var.port
  ports            = var.ports
  weight           = var.backends["a"].weight
  required         = var.required
}
`;
  const everyLevel = ['from_env', 'from_tfvars', 'from_tfvars_json', 'from_auto', 'from_var_file', 'from_cli'];

  it('applies default < TF_VAR < terraform.tfvars < .tfvars.json < *.auto.tfvars < --var-file < --var', async () => {
    const assign = (names: string[], value: string): string => names.map((n) => `${n} = "${value}"`).join('\n') + '\n';
    const varFile = await parsed('env/prod.tfvars', assign(everyLevel.slice(4), 'var_file'));
    const result = await run(
      {
        'main.tf': variables,
        'terraform.tfvars': assign(everyLevel.slice(1), 'tfvars'),
        'terraform.tfvars.json': JSON.stringify(Object.fromEntries(everyLevel.slice(2).map((n) => [n, 'tfvars_json']))),
        'b.auto.tfvars': assign(everyLevel.slice(3), 'auto_b'),
        'a.auto.tfvars.json': JSON.stringify({ from_auto: 'auto_a' }),
      },
      {
        env: Object.fromEntries([...everyLevel.map((n) => [`TF_VAR_${n}`, 'env']), ['TF_VAR_port', '8080'], ['TF_VAR_ports', '[80, "443"]']]),
        varFiles: [varFile],
        vars: [{ name: 'from_cli', value: 'cli' }],
      },
    );
    const values = byAddress(result, 'x_thing.t').values;
    expect(values).toMatchObject({
      from_default: 'default',
      from_env: 'env',
      from_tfvars: 'tfvars',
      from_tfvars_json: 'tfvars_json',
      from_auto: 'auto_b',
      from_var_file: 'var_file',
      from_cli: 'cli',
      port: 8080,
      ports: [80, 443],
      weight: 1,
    });
  });

  it('makes a variable without any value Unknown, pointing at its block', async () => {
    const result = await run({ 'main.tf': variables });
    const u = unknownOf(byAddress(result, 'x_thing.t').values['required']);
    expect(u.reason).toBe('var.required has no value');
    expect(u.origin).toMatchObject({ file: 'main.tf', start: { line: 33, column: 1 } });
  });

  it('parses a complex --var value as HCL and keeps a string one as text', async () => {
    const result = await run(
      { 'main.tf': variables },
      { vars: [{ name: 'backends', value: '{ a = { ip = "10.0.0.9", weight = 5 } }' }, { name: 'required', value: '{ not = parsed }' }] },
    );
    expect(byAddress(result, 'x_thing.t').values).toMatchObject({ weight: 5, required: '{ not = parsed }' });
  });
});

describe('locals, references and functions', () => {
  it('evaluates chains of locals across several blocks and files', async () => {
    const result = await run({
      'locals.tf': `
locals {
  env    = "prod"
  prefix = "\${local.env}-web"
}
locals {
  names = [for i in range(2) : "\${local.prefix}-\${i}"]
}
`,
      'main.tf': `
variable "vpc_cidr" {
  default = "10.0.0.0/16"
}
resource "huaweicloud_vpc_subnet" "app" {
  name       = local.names[1]
  cidr       = cidrsubnet(var.vpc_cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(var.vpc_cidr, 8, 1), 1)
  literal    = "$\${not_interpolated}"
  module     = path.module
  workspace  = terraform.workspace
}
`,
    });
    expect(byAddress(result, 'huaweicloud_vpc_subnet.app').values).toEqual({
      name: 'prod-web-1',
      cidr: '10.0.1.0/24',
      gateway_ip: '10.0.1.1',
      literal: '${not_interpolated}',
      module: '.',
      workspace: 'default',
    });
    expect(result.diagnostics).toEqual([]);
  });

  it('reports a cycle between locals as Unknown', async () => {
    const result = await run({
      'main.tf': `
locals {
  a = local.b
  b = local.a
}
resource "x_thing" "t" {
  v = local.a
}
`,
    });
    expect(unknownOf(byAddress(result, 'x_thing.t').values['v']).reason).toMatch(/depends on itself/);
  });

  it('makes a reference to a resource that does not exist Unknown, with a diagnostic', async () => {
    const result = await run({
      'main.tf': `
resource "huaweicloud_lb_member" "m" {
  pool_id = huaweicloud_lb_pool.missing.id
}
`,
    });
    expect(isUnknown(byAddress(result, 'huaweicloud_lb_member.m').values['pool_id'])).toBe(true);
    expect(result.diagnostics).toEqual([
      { message: 'Reference to undeclared resource huaweicloud_lb_pool.missing', range: expect.objectContaining({ file: 'main.tf', start: { line: 3, column: 13 } }) },
    ]);
  });
});

describe('resources', () => {
  const servers = `
resource "huaweicloud_compute_instance" "web" {
  count = 2
  name  = "web-\${count.index}"
  network {
    uuid        = huaweicloud_vpc_subnet.app.id
    fixed_ip_v4 = "10.0.1.\${count.index + 10}"
  }
}
resource "huaweicloud_vpc_subnet" "app" {
  name = "app"
}
resource "huaweicloud_elb_pool" "web" {
  protocol = "HTTP"
}
resource "huaweicloud_elb_member" "m" {
  count     = 2
  pool_id   = huaweicloud_elb_pool.web.id
  address   = huaweicloud_compute_instance.web[count.index].network[0].fixed_ip_v4
  subnet_id = huaweicloud_compute_instance.web[count.index].network[0].subnet_id
  public_ip = huaweicloud_compute_instance.web[count.index].access_ip_v4
}
resource "x_summary" "s" {
  ips     = huaweicloud_compute_instance.web[*].network[0].fixed_ip_v4
  names   = huaweicloud_compute_instance.web.*.name
  count_n = length(huaweicloud_compute_instance.web)
}
`;

  it('expands count and resolves members to the configured IPs', async () => {
    const result = await run({ 'main.tf': servers });
    expect(result.resources.map((r) => r.address)).toEqual([
      'huaweicloud_compute_instance.web[0]',
      'huaweicloud_compute_instance.web[1]',
      'huaweicloud_vpc_subnet.app',
      'huaweicloud_elb_pool.web',
      'huaweicloud_elb_member.m[0]',
      'huaweicloud_elb_member.m[1]',
      'x_summary.s',
    ]);
    const m1 = byAddress(result, 'huaweicloud_elb_member.m[1]');
    expect(m1).toMatchObject({ baseAddress: 'huaweicloud_elb_member.m', key: 1, mode: 'managed', type: 'huaweicloud_elb_member', name: 'm', file: 'main.tf', modulePath: [] });
    expect(m1.block).toMatchObject({ type: 'resource', labels: ['huaweicloud_elb_member', 'm'] });
    expect(m1.values['address']).toBe('10.0.1.11');
    expect(byAddress(result, 'huaweicloud_elb_member.m[0]').values['address']).toBe('10.0.1.10');
    expect(byAddress(result, 'x_summary.s').values).toEqual({ ips: ['10.0.1.10', '10.0.1.11'], names: ['web-0', 'web-1'], count_n: 2 });
    expect(result.diagnostics).toEqual([]);
  });

  it.each([
    ['an id', 'pool_id', 'huaweicloud_elb_pool.web', ['id'], 'huaweicloud_elb_pool.web.id is known only after apply'],
    // The reason names the expression as written (`[count.index]`); the ref names the instance.
    ['a computed IP', 'public_ip', 'huaweicloud_compute_instance.web[1]', ['access_ip_v4'], 'huaweicloud_compute_instance.web[count.index].access_ip_v4 is known only after apply'],
    ['an unset attribute of a nested block', 'subnet_id', 'huaweicloud_compute_instance.web[1]', ['network', 0, 'subnet_id'], 'huaweicloud_compute_instance.web[count.index].network[0].subnet_id is known only after apply'],
  ])('makes %s the configuration does not set Unknown with a ref', async (_name, attr, address, path, reason) => {
    const result = await run({ 'main.tf': servers });
    const u = unknownOf(byAddress(result, 'huaweicloud_elb_member.m[1]').values[attr]);
    expect(u.ref).toEqual({ address, path });
    expect(u.reason).toBe(reason);
    expect(u.origin).toMatchObject({ file: 'main.tf' });
  });

  it('says a data source is read when Terraform plans, not known only after apply', async () => {
    // Terraform reads data sources while it plans; lblint reads no cloud and no state.
    const result = await run({
      'main.tf': `
data "huaweicloud_vpc_subnet" "app" {
  name = "app"
}
data "terraform_remote_state" "network" {
  backend = "s3"
}
resource "huaweicloud_elb_member" "m" {
  pool_id   = data.terraform_remote_state.network.outputs.pool_id
  subnet_id = data.huaweicloud_vpc_subnet.app.ipv4_subnet_id
  address   = local.first_ip
}
locals {
  first_ip = data.huaweicloud_vpc_subnet.app.gateway_ip
}
`,
    });
    const values = byAddress(result, 'huaweicloud_elb_member.m').values;
    expect(unknownOf(values['pool_id']).reason).toBe('data.terraform_remote_state.network.outputs.pool_id is read only when Terraform plans');
    expect(unknownOf(values['subnet_id']).reason).toBe('data.huaweicloud_vpc_subnet.app.ipv4_subnet_id is read only when Terraform plans');
    expect(unknownOf(values['subnet_id']).ref).toEqual({ address: 'data.huaweicloud_vpc_subnet.app', path: ['ipv4_subnet_id'] });
    expect(unknownOf(values['address']).reason).toBe('data.huaweicloud_vpc_subnet.app.gateway_ip is read only when Terraform plans');
  });

  it('keeps a ref to an unset id inside a nested block', async () => {
    const result = await run({ 'main.tf': servers });
    const network = byAddress(result, 'huaweicloud_compute_instance.web[0]').values['network'] as { uuid: Value }[];
    expect(unknownOf(network[0]?.uuid).ref).toEqual({ address: 'huaweicloud_vpc_subnet.app', path: ['id'] });
  });

  it('expands for_each over a map with each.value and sorted keys', async () => {
    const result = await run({
      'main.tf': `
variable "backends" {
  default = {
    web2 = { ip = "10.0.1.12", port = 8080 }
    web1 = { ip = "10.0.1.11", port = 80 }
  }
}
resource "huaweicloud_lb_member" "m" {
  for_each      = var.backends
  address       = each.value.ip
  protocol_port = each.value.port
  name          = each.key
}
resource "x_ref" "r" {
  by_key   = huaweicloud_lb_member.m["web2"].address
  all_keys = keys(huaweicloud_lb_member.m)
  id       = huaweicloud_lb_member.m["web1"].id
}
`,
    });
    expect(result.resources.map((r) => r.address)).toEqual(['huaweicloud_lb_member.m["web1"]', 'huaweicloud_lb_member.m["web2"]', 'x_ref.r']);
    expect(byAddress(result, 'huaweicloud_lb_member.m["web1"]')).toMatchObject({ key: 'web1', values: { address: '10.0.1.11', protocol_port: 80, name: 'web1' } });
    const ref = byAddress(result, 'x_ref.r').values;
    expect(ref['by_key']).toBe('10.0.1.12');
    expect(ref['all_keys']).toEqual(['web1', 'web2']);
    expect(unknownOf(ref['id']).ref).toEqual({ address: 'huaweicloud_lb_member.m["web1"]', path: ['id'] });
  });

  it('expands for_each over a set: each.value is the key; quotes keys JSON-style', async () => {
    const result = await run({
      'main.tf': `
resource "huaweicloud_networking_secgroup_rule" "r" {
  for_each         = toset(["100.125.0.0/16", "10.0.0.0/8", "a\\"b"])
  remote_ip_prefix = each.value
}
`,
    });
    expect(result.resources.map((r) => r.address)).toEqual([
      'huaweicloud_networking_secgroup_rule.r["10.0.0.0/8"]',
      'huaweicloud_networking_secgroup_rule.r["100.125.0.0/16"]',
      'huaweicloud_networking_secgroup_rule.r["a\\"b"]',
    ]);
    expect(result.resources[0]?.values).toEqual({ remote_ip_prefix: '10.0.0.0/8' });
  });

  it('creates no instance for count = 0 or an empty for_each', async () => {
    const result = await run({
      'main.tf': `
resource "x_a" "none" {
  count = 0
}
resource "x_b" "none" {
  for_each = {}
}
`,
    });
    expect(result.resources).toEqual([]);
    expect(result.skipped).toEqual([]);
  });

  it('skips a resource whose count is unknown and says why', async () => {
    const result = await run({
      'main.tf': `
variable "n" {
  type = number
}
resource "x_a" "maybe" {
  count = var.n
}
resource "x_b" "keyed" {
  for_each = toset(huaweicloud_vpc.v[*].id)
}
resource "huaweicloud_vpc" "v" {
  name = "v"
}
`,
    });
    expect(result.resources.map((r) => r.address)).toEqual(['huaweicloud_vpc.v']);
    expect(result.skipped.map(({ unknown, ...s }) => s)).toEqual([
      { address: 'x_a.maybe', reason: 'count of x_a.maybe is unknown: var.n has no value', range: expect.objectContaining({ start: { line: 6, column: 11 } }) },
      {
        address: 'x_b.keyed',
        reason: 'for_each of x_b.keyed is unknown: toset(huaweicloud_vpc.v[*].id) is known only after apply',
        range: expect.objectContaining({ start: { line: 9, column: 14 } }),
      },
    ]);
    // Each keeps the unknown count/for_each itself, and through it where the value comes from.
    const [count, forEach] = result.skipped.map((s) => s.unknown!);
    expect(originAddressOf(count!)).toBe('var.n');
    expect(originRangeOf(count!)).toMatchObject({ start: { line: 2, column: 1 } });
    expect(originAddressOf(forEach!)).toBe('huaweicloud_vpc.v.id');
  });

  it('expands dynamic blocks with a known for_each and an iterator', async () => {
    const result = await run({
      'main.tf': `
variable "rules" {
  default = [{ port = 80 }, { port = 443 }]
}
resource "alicloud_security_group" "sg" {
  name = "sg"
  ingress {
    port = 22
  }
  dynamic "ingress" {
    for_each = var.rules
    iterator = rule
    content {
      port  = rule.value.port
      index = rule.key
    }
  }
  dynamic "egress" {
    for_each = alicloud_vpc.v.cidrs
    content {
      cidr = egress.value
    }
  }
}
resource "alicloud_vpc" "v" {
  name = "v"
}
`,
    });
    const values = byAddress(result, 'alicloud_security_group.sg').values;
    expect(values['ingress']).toEqual([{ port: 22 }, { port: 80, index: 0 }, { port: 443, index: 1 }]);
    expect(unknownOf(values['egress']).reason).toMatch(/^dynamic "egress" for_each is unknown/);
    expect(values).not.toHaveProperty('dynamic');
  });

  it('drops meta-arguments from the values', async () => {
    const result = await run({
      'main.tf': `
resource "x_a" "a" {
  count      = 1
  depends_on = [x_b.b]
  provider   = huaweicloud.eu
  name       = "a"
  lifecycle {
    create_before_destroy = true
  }
}
resource "x_b" "b" {
  name = "b"
}
`,
    });
    expect(byAddress(result, 'x_a.a[0]').values).toEqual({ name: 'a' });
  });

  it('reads Terraform JSON syntax files', async () => {
    const result = await run({
      'main.tf.json': JSON.stringify({
        variable: { port: { default: 8080, type: 'number' } },
        locals: { name: 'json' },
        resource: { x_a: { a: { count: 2, name: '${local.name}-${count.index}', port: '${var.port}' } } },
      }),
    });
    expect(result.resources.map((r) => r.values)).toEqual([
      { name: 'json-0', port: 8080 },
      { name: 'json-1', port: 8080 },
    ]);
  });
});

describe('modules', () => {
  const moduleFiles = {
    'modules/backend/main.tf': `
variable "name" {}
variable "ip" {}
variable "weight" {
  default = 1
}
resource "huaweicloud_lb_member" "m" {
  count   = 2
  name    = "\${var.name}-\${count.index}"
  address = var.ip
  weight  = var.weight
}
output "first_address" {
  value = huaweicloud_lb_member.m[0].address
}
output "id" {
  value = huaweicloud_lb_member.m[0].id
}
`,
  };

  it('evaluates a local module called with for_each, prefixing addresses', async () => {
    const result = await runLoaded({
      ...moduleFiles,
      'envs/prod/main.tf': `
locals {
  backends = { a = "10.0.0.1", b = "10.0.0.2" }
}
module "backend" {
  for_each = local.backends
  source   = "../../modules/backend"
  name     = "be-\${each.key}"
  ip       = each.value
}
module "single" {
  source = "../../modules/backend"
  name   = "one"
  ip     = "10.0.0.9"
  weight = 5
}
resource "x_out" "o" {
  a      = module.backend["a"].first_address
  single = module.single.first_address
  id     = module.single.id
  all    = { for k, m in module.backend : k => m.first_address }
}
`,
    }, 'envs/prod');
    expect(result.resources.map((r) => r.address)).toEqual([
      'x_out.o',
      'module.backend["a"].huaweicloud_lb_member.m[0]',
      'module.backend["a"].huaweicloud_lb_member.m[1]',
      'module.backend["b"].huaweicloud_lb_member.m[0]',
      'module.backend["b"].huaweicloud_lb_member.m[1]',
      'module.single.huaweicloud_lb_member.m[0]',
      'module.single.huaweicloud_lb_member.m[1]',
    ]);
    const member = byAddress(result, 'module.backend["b"].huaweicloud_lb_member.m[1]');
    expect(member).toMatchObject({
      baseAddress: 'module.backend["b"].huaweicloud_lb_member.m',
      modulePath: ['module.backend["b"]'],
      file: 'modules/backend/main.tf',
      values: { name: 'be-b-1', address: '10.0.0.2', weight: 1 },
    });
    expect(member.moduleCalls.map((b) => b.labels)).toEqual([['backend']]);
    expect(byAddress(result, 'module.single.huaweicloud_lb_member.m[0]').values['weight']).toBe(5);
    const out = byAddress(result, 'x_out.o').values;
    expect(out['a']).toBe('10.0.0.1');
    expect(out['single']).toBe('10.0.0.9');
    expect(out['all']).toEqual({ a: '10.0.0.1', b: '10.0.0.2' });
    expect(unknownOf(out['id']).ref).toEqual({ address: 'module.single.huaweicloud_lb_member.m[0]', path: ['id'] });
    expect(result.diagnostics).toEqual([]);
  });

  it('makes the outputs of a module that is not loaded Unknown', async () => {
    const result = await runLoaded({
      'main.tf': `
module "lb" {
  source  = "terraform-huaweicloud-modules/elb/huaweicloud"
  version = "1.0.0"
}
resource "x_out" "o" {
  pool = module.lb.pool_id
}
`,
    });
    expect(result.resources.map((r) => r.address)).toEqual(['x_out.o']);
    expect(unknownOf(byAddress(result, 'x_out.o').values['pool']).reason).toBe('module.lb (source "terraform-huaweicloud-modules/elb/huaweicloud") was not found');
  });

  it('expands count on a module call and nests module addresses', async () => {
    const result = await runLoaded({
      'main.tf': `
module "outer" {
  count  = 2
  source = "./outer"
  zone   = "az\${count.index}"
}
module "missing" {
  source = "./not-loaded"
}
`,
      'outer/main.tf': `
variable "zone" {}
module "inner" {
  source = "../inner"
  zone   = var.zone
}
`,
      'inner/main.tf': `
variable "zone" {}
resource "x_lb" "lb" {
  zone = var.zone
  dir  = path.module
}
`,
    });
    expect(result.resources.map((r) => [r.address, r.values['zone'], r.modulePath])).toEqual([
      ['module.outer[0].module.inner.x_lb.lb', 'az0', ['module.outer[0]', 'module.inner']],
      ['module.outer[1].module.inner.x_lb.lb', 'az1', ['module.outer[1]', 'module.inner']],
    ]);
    expect(result.resources[0]?.values['dir']).toBe('inner');
    expect(result.resources[0]?.moduleCalls.map((b) => b.labels[0])).toEqual(['outer', 'inner']);
    expect(result.diagnostics.map((d) => d.message)).toEqual(['module.missing: the folder "not-loaded" of source "./not-loaded" is not loaded']);
  });
});
