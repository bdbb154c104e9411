// --plan: `terraform show -json` output linted on the configuration's own .tf lines.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/load/index.js';
import { evaluatePlan, parseModuleAddress } from '../src/eval/index.js';
import { isUnknown, type PlanInput } from '../src/types.js';
import { MODULES, cli, errorsOf, findingsOf } from './helpers/cli-run.js';

const FIXTURE = path.join(MODULES, 'plan-blue-green');
const PLAN_TEXT = readFileSync(path.join(FIXTURE, 'plan.json'), 'utf8');

function tempFixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lblint-plan-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('lblint --plan', () => {
  it('lints the planned values and points at the .tf lines, not at the plan', async () => {
    const r = await cli(['--plan', 'plan.json', '--format', 'json'], FIXTURE);
    expect(errorsOf(r.stdout)).toEqual([]);
    const findings = findingsOf(r.stdout);
    expect(findings.map((f) => [f.ruleId, f.address, f.location.file, f.location.start.line])).toEqual([
      ['security-group-blocks-health-check', 'module.backend["green"].huaweicloud_networking_secgroup.this', 'modules/backend/security.tf', 1],
    ]);
    const files = new Set(findings.flatMap((f) => [f.location.file, ...f.related.map((x) => x.location.file)]));
    expect([...files].every((f) => f.endsWith('.tf'))).toBe(true);
    expect(findings[0]!.related.find((x) => x.address === 'module.backend["green"]')?.location).toMatchObject({ file: 'main.tf', start: { line: 1 } });
    // The plan's variable value decided it: 192.168.0.0/16 is what the rule admits.
    expect(findings[0]!.related.map((x) => x.message).join('\n')).toContain('192.168.0.0/16');
    expect(r.code).toBe(1);
  });

  it('without the plan the same configuration has no finding (the variable has no value)', async () => {
    const r = await cli(['.', '--format', 'json'], FIXTURE);
    expect(findingsOf(r.stdout)).toEqual([]);
  });

  it('takes the configuration folder from the paths when the plan is elsewhere; SARIF points at .tf', async () => {
    const r = await cli(['--plan', 'plan-blue-green/plan.json', 'plan-blue-green', '--format', 'sarif'], MODULES);
    const sarif = JSON.parse(r.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['plan-blue-green/modules/backend/security.tf']);
  });

  it('without a path, the configuration folder is the folder of the plan file', async () => {
    const r = await cli(['--plan', 'plan-blue-green/plan.json', '--format', 'json'], MODULES);
    expect(errorsOf(r.stdout)).toEqual([]);
    expect(findingsOf(r.stdout).map((f) => f.location.file)).toEqual(['plan-blue-green/modules/backend/security.tf']);
  });

  it('--verbose says what the plan is and which root it maps to', async () => {
    const r = await cli(['--plan', 'plan.json', '--verbose', '--format', 'json'], FIXTURE);
    expect(r.stderr).toContain("plan.json: plan format 1.2 (Terraform 1.9.8), 14 planned resource instances, source in '.'");
  });

  it('points at the calling module block when the module has no .tf source here', async () => {
    const dir = tempFixture();
    try {
      rmSync(path.join(dir, 'modules'), { recursive: true });
      writeFileSync(path.join(dir, 'main.tf'), readFileSync(path.join(dir, 'main.tf'), 'utf8').replace('./modules/backend', 'git::https://example.com/backend.git'));
      const r = await cli(['--plan', 'plan.json', '--format', 'json', '--verbose', '--strict'], dir);
      const findings = findingsOf(r.stdout);
      // Without the module's code its resources cannot be linked: nothing is proven, and
      // nothing points at the plan.
      expect(findings.filter((f) => f.severity !== 'note')).toEqual([]);
      expect(findings.filter((f) => f.location.file === 'plan.json')).toEqual([]);
      expect(r.stderr).toContain('module.backend["green"].huaweicloud_networking_secgroup.this: no .tf source found (module source "./modules/backend")');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['invalid JSON', '{"format_version": "1.2",', /^plan\.json$/, /invalid plan JSON/],
    ['a state file', JSON.stringify({ format_version: '1.0', values: { root_module: {} } }), /plan\.json/, /a Terraform state, not a plan/],
    ['an unsupported major version', JSON.stringify({ format_version: '2.0', planned_values: {} }), /plan\.json/, /unsupported plan format_version "2\.0"/],
    ['a failed plan', JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} }, errored: true }), /plan\.json/, /terraform plan` failed/],
    ['a resource without type', JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'x.y' }] } } }, null, 2), /plan\.json/, /needs a string "address", "type" and "name"/],
  ])('a malformed plan (%s) is a located load error, exit 2', async (_name, text, file, message) => {
    const dir = tempFixture();
    try {
      writeFileSync(path.join(dir, 'plan.json'), text);
      const r = await cli(['--plan', 'plan.json', '--format', 'json'], dir);
      expect(r.code).toBe(2);
      const errors = errorsOf(r.stdout);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.file).toMatch(file);
      expect(errors[0]!.message).toMatch(message);
      expect(errors[0]!.location).not.toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a missing plan file exits 2', async () => {
    const r = await cli(['--plan', 'nope.json', '--format', 'json'], FIXTURE);
    expect(r.code).toBe(2);
    expect(errorsOf(r.stdout)[0]!.message).toMatch(/nope\.json/);
  });
});

describe('parsePlan and evaluatePlan', () => {
  const plan = parsePlan('plan.json', PLAN_TEXT).plan as PlanInput;

  it('reads planned_values with module prefixes and keys, variables, sources and unknown masks', () => {
    expect(plan.formatVersion).toBe('1.2');
    expect(plan.variables).toEqual({ health_check_cidr: '192.168.0.0/16', vpc_cidr: '10.0.0.0/16' });
    expect(plan.moduleSources).toEqual({ 'module.backend': './modules/backend' });
    const rule = plan.resources.find((r) => r.address === 'module.backend["green"].huaweicloud_networking_secgroup_rule.health_check');
    expect(rule).toMatchObject({ moduleAddress: 'module.backend["green"]', type: 'huaweicloud_networking_secgroup_rule', name: 'health_check', unknown: { id: true, security_group_id: true } });
    expect(rule?.range.file).toBe('plan.json');
  });

  it('parses module addresses with keys that hold dots, quotes and brackets', () => {
    expect(parseModuleAddress('module.a["x.y[\\"z\\"]"].module.b[3]')).toEqual([{ name: 'a', key: 'x.y["z"]' }, { name: 'b', key: 3 }]);
    expect(parseModuleAddress('')).toEqual([]);
    expect(parseModuleAddress('aws_instance.x')).toBeUndefined();
  });

  it('makes after_unknown and sensitive values Unknown with a reason naming the attribute', () => {
    const result = evaluatePlan('.', [], { vars: [], varFiles: [], env: {} }, plan);
    const vm = result.resources.find((r) => r.address === 'module.backend["blue"].huaweicloud_compute_instance.this')!;
    // An attribute the configuration does not set is absent, as in .tf mode, even though the plan
    // has it in after_unknown (issue 17 §4); one it sets is Unknown with a reason naming it.
    expect(vm.values).not.toHaveProperty('access_ip_v4');
    const sg = vm.values['security_group_ids'];
    expect(isUnknown(sg) && sg.reason).toBe('module.backend["blue"].huaweicloud_compute_instance.this.security_group_ids is known only after apply');
    // A sensitive null the configuration does not set is just not set...
    expect(vm.values).not.toHaveProperty('admin_pass');
    // ...a sensitive value is Unknown, never the plan's text.
    const json = JSON.parse(PLAN_TEXT) as { planned_values: { root_module: { child_modules: { resources: { address: string; values: Record<string, unknown> }[] }[] } } };
    const planned = json.planned_values.root_module.child_modules[0]!.resources.find((r) => r.address.endsWith('huaweicloud_compute_instance.this'))!;
    planned.values['admin_pass'] = 'hunter2';
    const secret = evaluatePlan('.', [], { vars: [], varFiles: [], env: {} }, parsePlan('plan.json', JSON.stringify(json)).plan as PlanInput);
    const pass = secret.resources.find((r) => r.address === vm.address)!.values['admin_pass'];
    expect(isUnknown(pass) && pass.reason).toBe('module.backend["blue"].huaweicloud_compute_instance.this.admin_pass is sensitive in the plan');
    const network = vm.values['network'] as Record<string, unknown>[];
    expect(network[0]).toMatchObject({ fixed_ip_v4: '10.0.1.10' });
    expect(network[0]).not.toHaveProperty('mac');
    // Nulls are "not set", as in the configuration.
    expect(vm.values).not.toHaveProperty('user_data');
    // Without .tf files, an unknown reference still names its target through the plan's configuration.
    const member = result.resources.find((r) => r.address === 'module.backend["blue"].huaweicloud_lb_member.this')!;
    expect(member.block.range.file).toBe('plan.json');
    const pool = member.values['pool_id'];
    expect(isUnknown(pool) && pool.reason).toMatch(/pool_id is known only after apply/);
  });

  it('links a literal id of an existing resource to that resource', () => {
    const result = evaluatePlan('.', [], { vars: [], varFiles: [], env: {} }, plan);
    const subnet = result.resources.find((r) => r.address === 'huaweicloud_vpc_subnet.app')!;
    const vpcId = subnet.values['vpc_id'];
    expect(isUnknown(vpcId) && vpcId.ref).toEqual({ address: 'huaweicloud_vpc.main', path: ['id'] });
  });
});

describe('a plan a real Terraform wrote (1.11.4, hashicorp/aws, testdata/plan/terraform-1.11-aws)', () => {
  const dir = path.join(path.dirname(MODULES), 'plan', 'terraform-1.11-aws');
  const text = readFileSync(path.join(dir, 'plan.json'), 'utf8');
  const real = parsePlan('plan.json', text).plan as PlanInput;

  it('is read with its configuration: set attributes have expressions, unset Optional+Computed ones are only after_unknown', () => {
    expect(real.formatVersion).toBe('1.2');
    expect(real.terraformVersion).toBe('1.11.4');
    const tg = real.resources.find((r) => r.address === 'aws_lb_target_group.set_and_unset')!;
    // Set: in `after` and in the configuration. Defaulted by the schema: in `after` only.
    expect(tg.values['health_check']).toEqual([expect.objectContaining({ interval: 10, path: '/healthz', port: 'traffic-port', healthy_threshold: 3 })]);
    // Unset Optional+Computed: unknown, absent from `after` and from the configuration.
    expect(tg.unknown).toMatchObject({ health_check: [{ matcher: true, timeout: true }], arn: true });
    expect(real.expressions?.['aws_lb_target_group.set_and_unset']).toEqual({
      health_check: [{ interval: { constant_value: 10 }, path: { references: ['var.hc_path'] } }],
      name: { constant_value: 'web' },
      port: { constant_value: 8080 },
      protocol: { constant_value: 'HTTP' },
      vpc_id: { constant_value: 'vpc-0123456789abcdef0' },
    });
    expect(real.references['aws_lb_target_group.set_and_unset']).toEqual({});
  });

  it('an unset Optional+Computed argument means the provider default (absent), as in .tf mode; a computed one stays absent too', async () => {
    const { loadPaths } = await import('../src/load/index.js');
    const loaded = await loadPaths(['.'], { cwd: dir });
    const result = evaluatePlan('.', loaded.files, { vars: [], varFiles: [], env: {} }, real);
    const tg = result.resources.find((r) => r.address === 'aws_lb_target_group.set_and_unset')!;
    const hc = (tg.values['health_check'] as Record<string, unknown>[])[0]!;
    expect(hc).not.toHaveProperty('matcher');
    expect(hc).not.toHaveProperty('timeout');
    expect(hc).toMatchObject({ interval: 10, path: '/healthz', port: 'traffic-port' });
    // Without the configuration section, the same attribute is Unknown, as before.
    const bare = JSON.parse(text) as Record<string, unknown>;
    delete bare['configuration'];
    const old = evaluatePlan('.', loaded.files, { vars: [], varFiles: [], env: {} }, parsePlan('plan.json', JSON.stringify(bare)).plan as PlanInput);
    const oldHc = (old.resources.find((r) => r.address === tg.address)!.values['health_check'] as Record<string, unknown>[])[0]!;
    expect(isUnknown(oldHc['matcher'])).toBe(true);
  });
});
