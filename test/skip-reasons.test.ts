// Skip reasons and --strict notes name what was unknown as the user wrote it (issue 19 §4): a
// value that is not known is named by its expression in the files (`var.i`, not element 0 of a
// list it indexed; `x[count.index].id`, not `x[0].id`), and a fact about a resource by its address.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFolders, lintFolder } from './helpers/fixtures.js';

const REACHABILITY_RULES = new Set([
  'security-group-blocks-health-check',
  'security-group-blocks-backend-port',
  'udp-health-check-needs-icmp',
  'network-acl-blocks-health-check',
  'network-acl-blocks-backend-port',
  'network-acl-blocks-listener',
]);

function tfText(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(tf|tfvars)(\.json)?$/.test(e.name)) out.push(readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out.join('\n');
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** What a reason fails to name in `files`, or undefined when it names something written there. */
export function unnamed(reason: string, files: string): string | undefined {
  const written = squash(files);
  // A value that is not known: the expression must be written in the files, exactly.
  const values = [...reason.matchAll(/(\S+) (?:has no value|is known only after apply)/g)].map((m) => m[1]!);
  for (const expr of values) if (!written.includes(squash(expr))) return expr;
  if (values.length > 0) return undefined;
  // A fact about a resource: its block is declared; a literal name: it is written.
  for (const m of reason.matchAll(/(?:module\.[\w-]+(?:\[[^\]]*\])?\.)*([a-z][\w-]*)\.([\w-]+)/g)) {
    if (files.includes(`resource "${m[1]}" "${m[2]}"`) || files.includes(`data "${m[1]}" "${m[2]}"`)) return undefined;
  }
  for (const m of reason.matchAll(/'([^']+)'/g)) if (files.includes(`"${m[1]}"`)) return undefined;
  return reason;
}

describe('unnamed', () => {
  const files = 'resource "alicloud_vswitch" "vswitches" {\n  count = 2\n}\nvswitch_id = alicloud_vswitch.vswitches[var.i].id\n';
  it.each([
    ['the doubled path of a rebuilt reference', 'alicloud_vswitch.vswitches[0].id.id is known only after apply', 'alicloud_vswitch.vswitches[0].id.id'],
    ['element 0 instead of the unknown index', 'alicloud_vswitch.vswitches[0].id is known only after apply', 'alicloud_vswitch.vswitches[0].id'],
    ['the unknown index as written', 'var.i has no value', undefined],
    ['a resource by its address', 'alicloud_vswitch.vswitches[1] uses the default security group', undefined],
    ['a reason that names nothing', 'the health-check port or protocol is not known', 'the health-check port or protocol is not known'],
  ])('%s', (_name, reason, expected) => {
    expect(unnamed(reason, files)).toBe(expected);
  });
});

it('the reachability testdata has skips to check', async () => {
  const result = await lintFolder(path.join(import.meta.dirname, '../testdata/reachability/dedicated-elb-unknown-subnet/fail'));
  const skips = result.verbose.filter((l) => / (network-acl-blocks-health-check|security-group-blocks-health-check) skipped /.test(l));
  expect(skips.map((l) => l.replace(/^.*? skipped /, ''))).toEqual([
    'huaweicloud_elb_member.api[0]: var.network_id has no value',
    'huaweicloud_elb_member.api[1]: var.network_id has no value',
  ]);
});

describe('every skip reason of every rule names an expression or a resource of the files', () => {
  it.each(fixtureFolders().map((f) => [path.relative(path.join(import.meta.dirname, '..'), f), f]))('%s', async (_name, folder) => {
    const result = await lintFolder(folder, { strict: true });
    const files = tfText(folder);
    const missing: string[] = [];
    for (const line of result.verbose) {
      // `<root>: <rule> skipped <address>: <reason>`
      const m = /: ([a-z0-9-]+) skipped (\S+): (.*)$/.exec(line);
      if (!m) continue;
      if (unnamed(m[3]!, files) !== undefined) missing.push(`${m[1]} ${m[2]}: ${m[3]}`);
    }
    expect(missing).toEqual([]);
  });
});

// The rules that report an absence (no members, no monitor, no listener, no backend) read flags of
// the model that say "none cannot be proven"; each flag keeps what was not known, so the note names
// the expression (a member's `pool_id = var.pool_id`) or the resource whose count is not known.
describe('the absence rules name what was not known', () => {
  const main = `
provider "huaweicloud" {
  region = "eu-west-101"
}

variable "pool_id" {
  type = string
}

variable "listener_id" {
  type = string
}

variable "monitors" {
  type = number
}

resource "huaweicloud_elb_loadbalancer" "main" {
  name              = "main"
  vpc_id            = "vpc-1"
  ipv4_subnet_id    = "subnet-1"
  availability_zone = ["eu-west-101a"]
}

resource "huaweicloud_elb_listener" "http" {
  name            = "http"
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
}

resource "huaweicloud_elb_listener" "admin" {
  name            = "admin"
  protocol        = "HTTP"
  protocol_port   = 8080
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
  default_pool_id = var.pool_id
}

resource "huaweicloud_elb_pool" "web" {
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.http.id
}

resource "huaweicloud_elb_member" "web" {
  pool_id       = var.pool_id
  address       = "10.0.0.5"
  protocol_port = 80
}

resource "huaweicloud_elb_monitor" "web" {
  count       = var.monitors
  pool_id     = huaweicloud_elb_pool.web.id
  protocol    = "HTTP"
  interval    = 5
  timeout     = 3
  max_retries = 3
  url_path    = "/healthz"
}

resource "huaweicloud_elb_pool" "spare" {
  protocol        = "HTTP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = huaweicloud_elb_loadbalancer.main.id
  listener_id     = var.listener_id
}
`;
  const ABSENCE = /: (pool-without-members|pool-without-listener|listener-without-backend|health-check-disabled|load-balancer-without-listener) skipped (.*)$/;

  it('in --verbose lines and --strict notes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-skip-reasons-'));
    try {
      writeFileSync(path.join(dir, 'main.tf'), main);
      const result = await lintFolder(dir, { strict: true });
      expect(result.verbose.map((l) => ABSENCE.exec(l)).flatMap((m) => (m ? [`${m[1]} ${m[2]}`] : [])).sort()).toEqual([
        'health-check-disabled huaweicloud_elb_pool.web: count of huaweicloud_elb_monitor.web is unknown: var.monitors has no value',
        'listener-without-backend huaweicloud_elb_listener.admin: default_pool_id: var.pool_id has no value',
        'pool-without-listener huaweicloud_elb_pool.spare: listener_id: var.listener_id has no value',
        'pool-without-members huaweicloud_elb_pool.web: huaweicloud_elb_member.web: pool_id: var.pool_id has no value',
      ]);
      // The location is where the unknown comes from: the declaration of `var.pool_id`.
      const note = result.findings.find((f) => f.ruleId === 'pool-without-members');
      expect(note).toMatchObject({ severity: 'note', message: 'pool-without-members could not decide huaweicloud_elb_pool.web: huaweicloud_elb_member.web: pool_id: var.pool_id has no value (main.tf:6).' });
      for (const line of result.verbose) {
        const m = ABSENCE.exec(line);
        if (m) expect(unnamed(m[2]!.replace(/^\S+: /, ''), main), line).toBeUndefined();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
