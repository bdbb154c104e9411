// The OpenTelekomCloud and FlexibleEngine dialects of the Huawei-family adapter: the facts where
// the families differ from Huawei Cloud (attribute names, defaults, links), end to end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { lintFolder } from './helpers/fixtures.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function findings(ruleId: string, files: Record<string, string>): Promise<{ message: string; attribute?: string }[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lblint-otc-fe-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const result = await lintFolder(dir, { rules: rules.filter((r) => r.id === ruleId) });
  expect(result.errors).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ruleId).map((f) => ({ message: f.message }));
}

// ---------------------------------------------------------------- OpenTelekomCloud

const OTC_NET = `
resource "opentelekomcloud_vpc_v1" "main" {
  name = "main"
  cidr = "10.0.0.0/16"
}
resource "opentelekomcloud_vpc_subnet_v1" "lb" {
  name       = "lb"
  vpc_id     = opentelekomcloud_vpc_v1.main.id
  cidr       = "10.0.1.0/24"
  gateway_ip = "10.0.1.1"
}
resource "opentelekomcloud_vpc_subnet_v1" "app" {
  name       = "app"
  vpc_id     = opentelekomcloud_vpc_v1.main.id
  cidr       = "10.0.2.0/24"
  gateway_ip = "10.0.2.1"
}
resource "opentelekomcloud_networking_secgroup_v2" "app" {
  name = "app"
}
resource "opentelekomcloud_compute_instance_v2" "app" {
  name            = "app"
  security_groups = [opentelekomcloud_networking_secgroup_v2.app.name]
  network {
    uuid        = opentelekomcloud_vpc_subnet_v1.app.id
    fixed_ip_v4 = "10.0.2.10"
  }
}
`;

function otcDedicated(lbExtra: string, protocol = 'TCP'): string {
  return `
resource "opentelekomcloud_lb_loadbalancer_v3" "lb" {
  router_id          = opentelekomcloud_vpc_v1.main.id
  subnet_id          = opentelekomcloud_vpc_subnet_v1.lb.subnet_id
  network_ids        = [opentelekomcloud_vpc_subnet_v1.lb.network_id]
  availability_zones = ["eu-de-01"]
${lbExtra}
}
resource "opentelekomcloud_lb_listener_v3" "l" {
  protocol        = "${protocol}"
  protocol_port   = 9000
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.lb.id
  default_pool_id = opentelekomcloud_lb_pool_v3.p.id
}
resource "opentelekomcloud_lb_pool_v3" "p" {
  protocol        = "${protocol}"
  lb_algorithm    = "ROUND_ROBIN"
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.lb.id
}
resource "opentelekomcloud_lb_member_v3" "m" {
  pool_id       = opentelekomcloud_lb_pool_v3.p.id
  address       = opentelekomcloud_compute_instance_v2.app.network[0].fixed_ip_v4
  protocol_port = 9000
  subnet_id     = opentelekomcloud_vpc_subnet_v1.app.subnet_id
}
resource "opentelekomcloud_lb_monitor_v3" "hc" {
  pool_id     = opentelekomcloud_lb_pool_v3.p.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
}
`;
}

describe('opentelekomcloud', () => {
  it('a dedicated TCP listener is exempt from security groups unless ip_target_enable = true', async () => {
    expect(await findings('security-group-blocks-health-check', { 'main.tf': OTC_NET + otcDedicated('') })).toEqual([]);
    const found = await findings('security-group-blocks-health-check', { 'main.tf': OTC_NET + otcDedicated('  ip_target_enable = true') });
    expect(found.map((f) => f.message)).toEqual([
      expect.stringContaining('admits no TCP port 9000 from 10.0.1.0/24 (backend subnet of opentelekomcloud_lb_loadbalancer_v3.lb)'),
    ]);
  });

  it('an instance NIC given as a port takes the port\'s security groups', async () => {
    const files = {
      'main.tf': OTC_NET.replace(
        /resource "opentelekomcloud_compute_instance_v2"[\s\S]*$/,
        `
resource "opentelekomcloud_networking_secgroup_v2" "open" {
  name = "open"
}
resource "opentelekomcloud_networking_secgroup_rule_v2" "open" {
  security_group_id = opentelekomcloud_networking_secgroup_v2.open.id
  direction         = "ingress"
  ethertype         = "IPv4"
}
resource "opentelekomcloud_networking_port_v2" "nic" {
  network_id         = opentelekomcloud_vpc_subnet_v1.app.network_id
  security_group_ids = [opentelekomcloud_networking_secgroup_v2.open.id]
  fixed_ip {
    subnet_id  = opentelekomcloud_vpc_subnet_v1.app.subnet_id
    ip_address = "10.0.2.10"
  }
}
resource "opentelekomcloud_compute_instance_v2" "app" {
  name            = "app"
  security_groups = [opentelekomcloud_networking_secgroup_v2.app.name]
  network {
    port = opentelekomcloud_networking_port_v2.nic.id
  }
}
`,
      ),
      'elb.tf': otcDedicated('  ip_target_enable = true').replace(
        'opentelekomcloud_compute_instance_v2.app.network[0].fixed_ip_v4',
        'opentelekomcloud_compute_instance_v2.app.access_ip_v4',
      ),
    };
    // The instance's own "app" group admits nothing, but the NIC's "open" group admits everything.
    expect(await findings('security-group-blocks-health-check', files)).toEqual([]);
    const closed = { ...files, 'main.tf': files['main.tf'].replace(/resource "opentelekomcloud_networking_secgroup_rule_v2" "open" \{[^}]*\}/, '') };
    expect((await findings('security-group-blocks-health-check', closed)).map((f) => f.message)).toEqual([
      expect.stringMatching(/^opentelekomcloud_networking_secgroup_v2\.open admits no TCP port 9000/),
    ]);
  });

  const FIREWALL = (group: string, extra = '') => `
resource "opentelekomcloud_fw_rule_v2" "vpc_only" {
  action            = "allow"
  protocol          = "tcp"
  source_ip_address = "10.0.0.0/16"
  destination_port  = "8000:8100"
}
resource "opentelekomcloud_fw_policy_v2" "in" {
  rules = [opentelekomcloud_fw_rule_v2.vpc_only.id]
}
resource "opentelekomcloud_fw_firewall_group_v2" "app" {
${group}
}
${extra}`;
  const SHARED = `
resource "opentelekomcloud_lb_loadbalancer_v2" "lb" {
  vip_subnet_id = opentelekomcloud_vpc_subnet_v1.lb.subnet_id
}
resource "opentelekomcloud_lb_listener_v2" "l" {
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v2.lb.id
}
resource "opentelekomcloud_lb_pool_v2" "p" {
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = opentelekomcloud_lb_listener_v2.l.id
}
resource "opentelekomcloud_lb_member_v2" "m" {
  pool_id       = opentelekomcloud_lb_pool_v2.p.id
  address       = "10.0.2.10"
  protocol_port = 8080
  subnet_id     = opentelekomcloud_vpc_subnet_v1.app.subnet_id
}
resource "opentelekomcloud_lb_monitor_v2" "hc" {
  pool_id     = opentelekomcloud_lb_pool_v2.p.id
  type        = "TCP"
  delay       = 5
  timeout     = 3
  max_retries = 3
}
`;
  const ROUTER = `
resource "opentelekomcloud_networking_port_v2" "gw" {
  network_id = opentelekomcloud_vpc_subnet_v1.app.network_id
  fixed_ip {
    subnet_id = opentelekomcloud_vpc_subnet_v1.app.subnet_id
  }
}
resource "opentelekomcloud_networking_router_interface_v2" "app" {
  router_id = "4d1a2b3c-0000-4000-8000-000000000001"
  port_id   = opentelekomcloud_networking_port_v2.gw.id
}
`;

  it('a firewall group applies to the subnet whose router interface its ports name', async () => {
    const viaPort = FIREWALL('  ingress_policy_id = opentelekomcloud_fw_policy_v2.in.id\n  ports = [opentelekomcloud_networking_port_v2.gw.id]', ROUTER);
    const found = await findings('network-acl-blocks-health-check', { 'main.tf': OTC_NET + SHARED + viaPort });
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('opentelekomcloud_fw_firewall_group_v2.app admits no inbound TCP port 8080 from 100.125.0.0/16')]);
    const viaInterface = FIREWALL('  ingress_policy_id = opentelekomcloud_fw_policy_v2.in.id\n  ports = [opentelekomcloud_networking_router_interface_v2.app.port_id]', ROUTER);
    expect(await findings('network-acl-blocks-health-check', { 'main.tf': OTC_NET + SHARED + viaInterface })).toHaveLength(1);
  });

  it('stays silent when the firewall attachment or its ingress policy is not proven', async () => {
    // A plain port that no router interface uses: not provably the subnet's gateway.
    const plainPort = FIREWALL(
      '  ingress_policy_id = opentelekomcloud_fw_policy_v2.in.id\n  ports = [opentelekomcloud_networking_port_v2.gw.id]',
      ROUTER.replace(/resource "opentelekomcloud_networking_router_interface_v2"[\s\S]*$/, ''),
    );
    expect(await findings('network-acl-blocks-health-check', { 'main.tf': OTC_NET + SHARED + plainPort })).toEqual([]);
    // No ingress policy: what the firewall does then is not documented.
    const noPolicy = FIREWALL('  egress_policy_id = opentelekomcloud_fw_policy_v2.in.id\n  ports = [opentelekomcloud_networking_port_v2.gw.id]', ROUTER);
    expect(await findings('network-acl-blocks-health-check', { 'main.tf': OTC_NET + SHARED + noPolicy })).toEqual([]);
  });

  it('a listener ip_group is inert unless enable = true, and an empty ipgroup is not proven to block', async () => {
    const listener = (block: string) =>
      OTC_NET +
      otcDedicated('', 'HTTP').replace('  default_pool_id = opentelekomcloud_lb_pool_v3.p.id\n', `  default_pool_id = opentelekomcloud_lb_pool_v3.p.id\n${block}\n`) +
      `
resource "opentelekomcloud_lb_ipgroup_v3" "g" {
  name = "g"
  dynamic "ip_list" {
    for_each = []
    content {
      ip = ip_list.value
    }
  }
}
`;
    for (const block of ['  ip_group {\n    id = opentelekomcloud_lb_ipgroup_v3.g.id\n  }', '  ip_group {\n    id     = opentelekomcloud_lb_ipgroup_v3.g.id\n    enable = true\n  }']) {
      expect(await findings('listener-access-control-blocks-all', { 'main.tf': listener(block) })).toEqual([]);
    }
  });

  it('OTC honours weight 0 (no provider note) and names monitor_port / admin_state_up', async () => {
    const files = { 'main.tf': OTC_NET + SHARED.replace('  subnet_id     = opentelekomcloud_vpc_subnet_v1.app.subnet_id\n}', '  subnet_id     = opentelekomcloud_vpc_subnet_v1.app.subnet_id\n  weight        = 0\n}').replace('  max_retries = 3\n}', '  max_retries = 3\n  monitor_port = 9090\n  admin_state_up = false\n}') };
    expect((await findings('member-weight-zero', files)).map((f) => f.message)).toEqual([
      'opentelekomcloud_lb_member_v2.m sets weight = 0: every member of opentelekomcloud_lb_pool_v2.p has weight 0, so the pool forwards no traffic.',
    ]);
    expect((await findings('health-check-port-mismatch', files)).map((f) => f.message)).toEqual([
      'opentelekomcloud_lb_monitor_v2.hc checks port 9090, but opentelekomcloud_lb_member_v2.m serves port 8080.',
    ]);
    expect((await findings('health-check-disabled', files)).map((f) => f.message)).toEqual([
      expect.stringContaining('(admin_state_up = false)'),
    ]);
  });
});

// ---------------------------------------------------------------- FlexibleEngine

const FE_NET = `
resource "flexibleengine_vpc_v1" "main" {
  name = "main"
  cidr = "192.168.0.0/16"
}
resource "flexibleengine_vpc_subnet_v1" "lb" {
  name       = "lb"
  vpc_id     = flexibleengine_vpc_v1.main.id
  cidr       = "192.168.1.0/24"
  gateway_ip = "192.168.1.1"
}
`;

function feDedicated(lbExtra: string, listenerExtra = '', protocol = 'TCP'): string {
  return `
resource "flexibleengine_lb_loadbalancer_v3" "lb" {
  name              = "lb"
  vpc_id            = flexibleengine_vpc_v1.main.id
  availability_zone = ["eu-west-0a"]
${lbExtra}
}
resource "flexibleengine_lb_listener_v3" "l" {
  protocol        = "${protocol}"
  protocol_port   = 443
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.lb.id
${listenerExtra}
}
`;
}

describe('flexibleengine', () => {
  it('rejects weight 0 at plan time (v2 and v3 members) and says so', async () => {
    const files = {
      'main.tf':
        FE_NET +
        `
resource "flexibleengine_lb_loadbalancer_v2" "lb" {
  vip_subnet_id = flexibleengine_vpc_subnet_v1.lb.ipv4_subnet_id
}
resource "flexibleengine_lb_listener_v2" "l" {
  protocol        = "HTTP"
  protocol_port   = 80
  loadbalancer_id = flexibleengine_lb_loadbalancer_v2.lb.id
}
resource "flexibleengine_lb_pool_v2" "p" {
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = flexibleengine_lb_listener_v2.l.id
}
resource "flexibleengine_lb_member_v2" "a" {
  pool_id       = flexibleengine_lb_pool_v2.p.id
  address       = "192.168.1.10"
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.lb.ipv4_subnet_id
  weight        = 0
}
resource "flexibleengine_lb_member_v2" "b" {
  pool_id       = flexibleengine_lb_pool_v2.p.id
  address       = "192.168.1.11"
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.lb.ipv4_subnet_id
}
`,
    };
    expect((await findings('member-weight-zero', files)).map((f) => f.message)).toEqual([
      'flexibleengine_lb_member_v2.a sets weight = 0: it would receive no new requests, but the flexibleengine provider rejects 0 at plan time (weight must be 1-100).',
    ]);
  });

  it('a v3 listener whitelist is on exactly when access_policy is set (no ip_group_enable)', async () => {
    const group = `
resource "flexibleengine_elb_ipgroup" "g" {
  name = "g"
  dynamic "ip_list" {
    for_each = []
    content {
      ip = ip_list.value
    }
  }
}
`;
    const on = FE_NET + feDedicated('  ipv4_subnet_id = flexibleengine_vpc_subnet_v1.lb.ipv4_subnet_id', '  access_policy = "white"\n  ip_group      = flexibleengine_elb_ipgroup.g.id') + group;
    expect((await findings('listener-access-control-blocks-all', { 'main.tf': on })).map((f) => f.message)).toEqual([
      'flexibleengine_elb_ipgroup.g enables a whitelist with no entries on flexibleengine_lb_listener_v3.l, so no client can connect.',
    ]);
    const black = on.replace('"white"', '"black"');
    expect(await findings('listener-access-control-blocks-all', { 'main.tf': black })).toEqual([]);
    const off = FE_NET + feDedicated('  ipv4_subnet_id = flexibleengine_vpc_subnet_v1.lb.ipv4_subnet_id', '  ip_group = flexibleengine_elb_ipgroup.g.id') + group;
    expect(await findings('listener-access-control-blocks-all', { 'main.tf': off })).toEqual([]);
  });

  it('a v3 load balancer has an address through ipv4_subnet_id, ipv4_eip_id or iptype', async () => {
    expect(await findings('layer4-listener-without-address', { 'main.tf': FE_NET + feDedicated('') })).toHaveLength(1);
    for (const extra of ['  ipv4_subnet_id = flexibleengine_vpc_subnet_v1.lb.ipv4_subnet_id', '  ipv4_eip_id = "8c1f0c29-4a5e-4c57-9a76-000000000001"', '  iptype = "5_bgp"\n  bandwidth_size = 5\n  sharetype = "PER"']) {
      expect(await findings('layer4-listener-without-address', { 'main.tf': FE_NET + feDedicated(extra) })).toEqual([]);
    }
  });

  it('names the Huawei-shaped monitor attributes: v3 interval/port, v2 delay/port', async () => {
    const files = {
      'main.tf':
        FE_NET +
        feDedicated('  ipv4_subnet_id = flexibleengine_vpc_subnet_v1.lb.ipv4_subnet_id', '  default_pool_id = flexibleengine_lb_pool_v3.p.id') +
        `
resource "flexibleengine_lb_pool_v3" "p" {
  protocol        = "TCP"
  lb_method       = "ROUND_ROBIN"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.lb.id
}
resource "flexibleengine_lb_member_v3" "m" {
  pool_id       = flexibleengine_lb_pool_v3.p.id
  address       = "192.168.1.10"
  protocol_port = 8080
  subnet_id     = flexibleengine_vpc_subnet_v1.lb.ipv4_subnet_id
}
resource "flexibleengine_lb_monitor_v3" "hc" {
  pool_id     = flexibleengine_lb_pool_v3.p.id
  protocol    = "TCP"
  interval    = 5
  timeout     = 5
  max_retries = 3
  port        = 9090
}
`,
    };
    expect((await findings('health-check-timing-invalid', files)).map((f) => f.message)).toEqual([
      'flexibleengine_lb_monitor_v3.hc sets timeout = 5, not shorter than interval = 5, so health probes overlap and slow backends flap.',
    ]);
    expect((await findings('health-check-port-mismatch', files)).map((f) => f.message)).toEqual([
      'flexibleengine_lb_monitor_v3.hc checks port 9090, but flexibleengine_lb_member_v3.m serves port 8080.',
    ]);
  });
});
