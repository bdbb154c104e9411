// The Alibaba Cloud adapter: CLB listener-owned health checks, default server groups, ALB/NLB
// server groups, stateless network ACLs (the `port` field always matches the destination port).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateRoot } from '../src/eval/index.js';
import { loadPaths } from '../src/load/index.js';
import { buildModel } from '../src/model/index.js';
import { backendFlows, DEFAULT_HEALTH_CHECK_SOURCES, aclVerdicts, memberSubnet } from '../src/analysis/index.js';
import { AddressSet, EPHEMERAL_PORTS, evaluateAcl, evaluateAclReturn, parseCidr, parsePortSpec, type AclRule } from '../src/net/index.js';
import { isUnknown } from '../src/types.js';
import type { Model } from '../src/model/types.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function model(hcl: string): Promise<Model> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lblint-ali-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'main.tf'), hcl);
  const loaded = await loadPaths(['.'], { cwd: dir, exclude: [] });
  const root = loaded.roots[0]!;
  const evaluated = evaluateRoot(root, loaded.files, { vars: [], varFiles: [], env: {}, ...(loaded.modules ? { modules: loaded.modules } : {}) });
  return buildModel(evaluated.resources, evaluated.skipped);
}

const settings = { healthCheckSources: DEFAULT_HEALTH_CHECK_SOURCES };

const NETWORK = `
resource "alicloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "alicloud_vswitch" "web" {
  vpc_id     = alicloud_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "alicloud_security_group" "web" {
  vpc_id = alicloud_vpc.main.id
}
resource "alicloud_instance" "web" {
  count           = 2
  vswitch_id      = alicloud_vswitch.web.id
  security_groups = [alicloud_security_group.web.id]
  private_ip      = "10.0.1.1\${count.index}"
}
resource "alicloud_slb_load_balancer" "lb" {
  address_type = "internet"
}
`;

describe('Alibaba network ACL port semantics (net layer)', () => {
  const hc = { protocol: 'tcp' as const, source: AddressSet.fromCidr(parseCidr('100.64.0.0/10')!), port: 8080, sourcePorts: 'all' as const };
  const egress = (port: string, cidr = '100.64.0.0/10'): AclRule => ({
    id: 'egress',
    protocol: 'tcp',
    source: { kind: 'any' },
    destination: { kind: 'cidr', cidr: parseCidr(cidr)! },
    sourcePorts: 'all',
    // Alibaba's single `port` goes to the destination ports in both directions.
    destinationPorts: parsePortSpec(port)!,
    action: 'allow',
  });

  it('an outbound entry on a port below the ephemeral range does not admit the replies', () => {
    const http = { ...hc, port: 80 };
    expect(evaluateAclReturn([egress('80/80')], http).status).toBe('blocked');
    // 8080 lies inside 1024-65535: a reply to ephemeral port 8080 would pass, so it is undecided.
    expect(evaluateAclReturn([egress('8080/8080')], hc).status).toBe('unknown');
  });

  it('an outbound entry on 1024/65535 or -1/-1 admits the replies', () => {
    expect(evaluateAclReturn([egress('1024/65535')], hc).status).toBe('allowed');
    expect(evaluateAclReturn([egress('-1/-1')], hc).status).toBe('allowed');
  });

  it('an outbound entry on only part of the ephemeral range is undecided, not a finding', () => {
    expect(evaluateAclReturn([egress('32768/60999')], hc).status).toBe('unknown');
    expect(EPHEMERAL_PORTS).toEqual([{ from: 1024, to: 65535 }]);
  });

  it('an inbound entry matches the destination (service) port', () => {
    const ingress: AclRule = { ...egress('8080/8080'), source: { kind: 'cidr', cidr: parseCidr('100.64.0.0/10')! }, destination: { kind: 'any' } };
    expect(evaluateAcl([ingress], hc).status).toBe('allowed');
    expect(evaluateAcl([{ ...ingress, destinationPorts: parsePortSpec('80/80')! }], hc).status).toBe('blocked');
  });
});

describe('Alibaba CLB model', () => {
  it('gives each listener its own health check on a shared server group', async () => {
    const m = await model(`${NETWORK}
resource "alicloud_slb_server_group" "web" {
  load_balancer_id = alicloud_slb_load_balancer.lb.id
  servers {
    server_ids = alicloud_instance.web[*].id
    port       = 8080
  }
}
resource "alicloud_slb_listener" "http" {
  load_balancer_id          = alicloud_slb_load_balancer.lb.id
  protocol                  = "http"
  frontend_port             = 80
  server_group_id           = alicloud_slb_server_group.web.id
  health_check_connect_port = 9000
}
resource "alicloud_slb_listener" "tcp" {
  load_balancer_id = alicloud_slb_load_balancer.lb.id
  protocol         = "tcp"
  frontend_port    = 8080
  server_group_id  = alicloud_slb_server_group.web.id
}
`);
    const pool = m.pools.find((p) => p.address === 'alicloud_slb_server_group.web')!;
    expect(pool.members.map((x) => [x.address, x.port, x.weight, (x.backend as { address: string }).address])).toEqual([
      ['alicloud_slb_server_group.web.servers[0].server_ids[0]', 8080, 100, 'alicloud_instance.web[0]'],
      ['alicloud_slb_server_group.web.servers[0].server_ids[1]', 8080, 100, 'alicloud_instance.web[1]'],
    ]);
    expect(pool.monitors.map((x) => [x.address, x.listener?.address, x.protocol, x.port])).toEqual([
      ['alicloud_slb_listener.http', 'alicloud_slb_listener.http', 'HTTP', 9000],
      ['alicloud_slb_listener.tcp', 'alicloud_slb_listener.tcp', 'TCP', undefined],
    ]);
    const { flows } = backendFlows(m, settings, 'health-check');
    const seen = flows.map((f) => `${f.listener.address}:${f.monitor?.address}:${f.port}`);
    expect(new Set(seen)).toEqual(new Set(['alicloud_slb_listener.http:alicloud_slb_listener.http:9000', 'alicloud_slb_listener.tcp:alicloud_slb_listener.tcp:8080']));
  });

  it('sends a listener without server group to the default server group on its backend_port', async () => {
    const m = await model(`${NETWORK}
resource "alicloud_slb_backend_server" "lb" {
  load_balancer_id = alicloud_slb_load_balancer.lb.id
  backend_servers {
    server_id = alicloud_instance.web[0].id
    weight    = 0
  }
}
resource "alicloud_slb_listener" "a" {
  load_balancer_id = alicloud_slb_load_balancer.lb.id
  protocol         = "tcp"
  frontend_port    = 80
  backend_port     = 8080
}
resource "alicloud_slb_listener" "b" {
  load_balancer_id = alicloud_slb_load_balancer.lb.id
  protocol         = "tcp"
  frontend_port    = 443
  backend_port     = 8443
}
`);
    const pool = m.pools.find((p) => p.address === 'alicloud_slb_load_balancer.lb (default server group)')!;
    expect(pool.listeners.map((l) => l.address)).toEqual(['alicloud_slb_listener.a', 'alicloud_slb_listener.b']);
    expect(pool.members[0]!.weight).toBe(0);
    const { flows } = backendFlows(m, settings, 'health-check');
    expect(flows.map((f) => `${f.listener.address}:${f.port}`).sort()).toEqual(['alicloud_slb_listener.a:8080', 'alicloud_slb_listener.b:8443']);
  });

  it('treats health_check = "off" as disabled only on HTTP(S) listeners, and redirect listeners as backend-less by design', async () => {
    const m = await model(`${NETWORK}
resource "alicloud_slb_server_group" "web" {
  load_balancer_id = alicloud_slb_load_balancer.lb.id
}
resource "alicloud_slb_listener" "http" {
  load_balancer_id = alicloud_slb_load_balancer.lb.id
  protocol         = "http"
  frontend_port    = 80
  server_group_id  = alicloud_slb_server_group.web.id
  health_check     = "off"
}
resource "alicloud_slb_listener" "tcp" {
  load_balancer_id = alicloud_slb_load_balancer.lb.id
  protocol         = "tcp"
  frontend_port    = 81
  server_group_id  = alicloud_slb_server_group.web.id
  health_check     = "off"
}
resource "alicloud_slb_listener" "redirect" {
  load_balancer_id = alicloud_slb_load_balancer.lb.id
  protocol         = "http"
  frontend_port    = 8080
  listener_forward = "on"
  forward_port     = 443
}
`);
    const byAddress = new Map(m.monitors.map((x) => [x.address, x]));
    expect(byAddress.get('alicloud_slb_listener.http')!.enabled).toBe(false);
    expect(byAddress.get('alicloud_slb_listener.tcp')!.enabled).toBe(true);
    const redirect = m.listeners.find((l) => l.address === 'alicloud_slb_listener.redirect')!;
    expect([redirect.isRedirect, redirect.hasRoutingRules, redirect.pools.length, byAddress.has(redirect.address)]).toEqual([true, true, 0, false]);
  });

  it('models an empty whitelist with acl_status = "on" (which admits everyone on Alibaba)', async () => {
    const m = await model(`${NETWORK}
resource "alicloud_slb_acl" "office" {
  name = "office"
}
resource "alicloud_slb_listener" "http" {
  load_balancer_id = alicloud_slb_load_balancer.lb.id
  protocol         = "http"
  frontend_port    = 80
  backend_port     = 80
  acl_status       = "on"
  acl_type         = "white"
  acl_ids          = [alicloud_slb_acl.office.id]
}
`);
    expect(m.accessControls.map((a) => [a.listener.address, a.control.node.address, a.control.enabled, a.control.type, a.control.entries])).toEqual([
      ['alicloud_slb_listener.http', 'alicloud_slb_acl.office', true, 'white', []],
    ]);
  });
});

describe('Alibaba ALB/NLB model', () => {
  it('sends an omitted ALB weight as 0 and an omitted NLB weight as 100', async () => {
    const m = await model(`${NETWORK}
resource "alicloud_alb_server_group" "api" {
  vpc_id = alicloud_vpc.main.id
  health_check_config {
    health_check_enabled = true
  }
  servers {
    server_id = alicloud_instance.web[0].id
    port      = 80
  }
}
resource "alicloud_nlb_server_group" "tcp" {
  vpc_id = alicloud_vpc.main.id
}
resource "alicloud_nlb_server_group_server_attachment" "tcp" {
  server_group_id = alicloud_nlb_server_group.tcp.id
  server_id       = alicloud_instance.web[1].id
  port            = 80
}
`);
    expect(m.pools.flatMap((p) => p.members).map((x) => [x.address, x.weight, x.weightDefaulted])).toEqual([
      ['alicloud_alb_server_group.api.servers[0]', 0, true],
      ['alicloud_nlb_server_group_server_attachment.tcp', 100, true],
    ]);
    // An omitted NLB health_check block is the default (enabled) check.
    expect(m.monitors.map((x) => [x.address, x.lbKind, x.enabled])).toEqual([
      ['alicloud_alb_server_group.api.health_check_config', 'alb', true],
      ['alicloud_nlb_server_group.tcp.health_check', 'nlb', true],
    ]);
  });
});

describe('Alibaba network ACLs', () => {
  it('are stateless, attach to vSwitches, and leave an omitted entry list unknown', async () => {
    const m = await model(`${NETWORK}
resource "alicloud_slb_server_group" "web" {
  load_balancer_id = alicloud_slb_load_balancer.lb.id
  servers {
    server_ids = alicloud_instance.web[*].id
    port       = 8080
  }
}
resource "alicloud_slb_listener" "tcp" {
  load_balancer_id = alicloud_slb_load_balancer.lb.id
  protocol         = "tcp"
  frontend_port    = 80
  server_group_id  = alicloud_slb_server_group.web.id
}
resource "alicloud_network_acl" "web" {
  vpc_id = alicloud_vpc.main.id
  ingress_acl_entries {
    protocol       = "tcp"
    port           = "8080/8080"
    source_cidr_ip = "100.64.0.0/10"
    policy         = "accept"
  }
  resources {
    resource_id   = alicloud_vswitch.web.id
    resource_type = "VSwitch"
  }
}
`);
    const flow = backendFlows(m, settings, 'health-check').flows[0]!;
    const subnet = memberSubnet(flow);
    if (subnet === undefined || isUnknown(subnet)) throw new Error('the member subnet should be known');
    expect(subnet.acls.map((a) => a.address)).toEqual(['alicloud_network_acl.web']);
    const acl = subnet.acls[0]!;
    expect(acl.stateful).toBe(false);
    expect(isUnknown(acl.egress)).toBe(true);
    expect(isUnknown(aclVerdicts(flow))).toBe(true);
  });
});
