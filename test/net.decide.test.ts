import { describe, expect, it } from 'vitest';
import {
  ANY_FLOW_PROTOCOL,
  AddressSet,
  decideAcl,
  decideAclReturn,
  decideIngress,
  netUnknown,
  open,
  parseCidr,
  portClasses,
  type AclRule,
  type Cidr,
  type OpenFlow,
  type SgRule,
} from '../src/net/index.js';

function cidr(text: string): Cidr {
  const c = parseCidr(text);
  if (!c) throw new Error(`bad CIDR in test: ${text}`);
  return c;
}

const set = (...texts: string[]) => AddressSet.fromCidrs(4, texts.map(cidr));
const fromCidr = (text: string) => ({ kind: 'cidr' as const, cidr: cidr(text) });

const HC = '100.125.0.0/16';
const OFFICE = '203.0.113.0/24';
const ANYWHERE = AddressSet.all(4);

function sgRule(id: string, over: Partial<SgRule> = {}): SgRule {
  return {
    id,
    direction: 'ingress',
    ethertype: 4,
    protocol: 'tcp',
    ports: [{ from: 8443, to: 8443 }],
    remote: { kind: 'any' },
    action: 'allow',
    priority: 1,
    ...over,
  };
}

/** Flows named for what is open: the unknown subnet (any source), the unknown port, the unknown protocol. */
const known: OpenFlow = { protocol: 'tcp', port: 8443, source: set(HC) };
const anySource: OpenFlow = { protocol: 'tcp', port: 8443, source: open('var.ipv4_subnet_id has no value', ANYWHERE) };
const vpcSource: OpenFlow = { protocol: 'tcp', port: 8443, source: open('var.ipv4_subnet_id has no value', set('10.0.0.0/16')) };
const anyPort: OpenFlow = { protocol: 'tcp', port: open('var.app_port has no value', 'all'), source: set(HC) };
const anyProtocol: OpenFlow = { protocol: open('var.health_check_protocol has no value', ANY_FLOW_PROTOCOL), port: 8443, source: set(HC) };
const allOpen: OpenFlow = {
  protocol: open('var.health_check_protocol has no value', ANY_FLOW_PROTOCOL),
  port: open('var.app_port has no value', 'all'),
  source: open('var.ipv4_subnet_id has no value', set('10.0.0.0/16')),
};

describe('decideIngress: a verdict over every value of what is unknown', () => {
  it.each([
    // sources
    ['known source: rule for the HC range admits it', [sgRule('r', { remote: fromCidr(HC) })], known, 'allowed'],
    ['known source: rule for the office only blocks it', [sgRule('r', { remote: fromCidr(OFFICE) })], known, 'blocked'],
    ['unknown source, no rule on the port: blocked for every subnet', [sgRule('r', { ports: [{ from: 22, to: 22 }] })], anySource, 'blocked'],
    ['unknown source anywhere, office range only: the subnet could be in the office range, so it depends', [sgRule('r', { remote: fromCidr(OFFICE) })], anySource, 'unknown'],
    ['unknown source, rule open to 0.0.0.0/0: admitted for every subnet', [sgRule('r', { remote: fromCidr('0.0.0.0/0') })], anySource, 'allowed'],
    ['unknown source, rule for 10.0.0.0/8: some subnets admitted, others not', [sgRule('r', { remote: fromCidr('10.0.0.0/8') })], anySource, 'unknown'],
    ['unknown source within the VPC, rule for 10.0.0.0/8: admitted for every subnet of the VPC', [sgRule('r', { remote: fromCidr('10.0.0.0/8') })], vpcSource, 'allowed'],
    ['unknown source within the VPC, rule for another range: blocked for every subnet of the VPC', [sgRule('r', { remote: fromCidr('172.16.0.0/12') })], vpcSource, 'blocked'],
    [
      'unknown source, a higher-priority deny of 10.0.0.0/8 before an allow of everything: mixed',
      [sgRule('allow', { priority: 100 }), sgRule('deny', { action: 'deny', priority: 1, remote: fromCidr('10.0.0.0/8') })],
      anySource,
      'unknown',
    ],
    [
      'unknown source, a deny of everything at the allow\'s priority wins the tie: blocked',
      [sgRule('allow'), sgRule('deny', { action: 'deny', ports: 'all' })],
      anySource,
      'blocked',
    ],
    [
      'unknown source, an allow before a lower-priority deny: admitted',
      [sgRule('allow', { priority: 1 }), sgRule('deny', { action: 'deny', priority: 50, ports: 'all' })],
      anySource,
      'allowed',
    ],
    ['unknown source, a rule with an unknown remote that could admit it: unknown', [sgRule('r', { remote: netUnknown('var.cidr has no value') })], anySource, 'unknown'],
    // ports
    ['known port: rule on another port blocks it', [sgRule('r', { ports: [{ from: 80, to: 80 }] })], known, 'blocked'],
    ['unknown port, nothing admits any port from the source: blocked for every port', [sgRule('r', { ports: 'all', remote: fromCidr(OFFICE) })], anyPort, 'blocked'],
    ['unknown port, every port admitted from anywhere: admitted for every port', [sgRule('r', { ports: 'all' })], anyPort, 'allowed'],
    ['unknown port, only 8443 admitted: depends on the port', [sgRule('r')], anyPort, 'unknown'],
    [
      'unknown port, all ports admitted but a higher-priority deny of 22: depends on the port',
      [sgRule('allow', { ports: 'all', priority: 100 }), sgRule('deny', { action: 'deny', ports: [{ from: 22, to: 22 }], priority: 1 })],
      anyPort,
      'unknown',
    ],
    [
      'unknown port, a deny of every port before an allow of 8443: blocked for every port',
      [sgRule('allow', { priority: 100 }), sgRule('deny', { action: 'deny', ports: 'all', priority: 1 })],
      anyPort,
      'blocked',
    ],
    [
      'unknown port, half the HC range on every port: partial for every port',
      [sgRule('r', { ports: 'all', remote: fromCidr('100.125.0.0/17') })],
      anyPort,
      'partial',
    ],
    [
      'unknown port, half the HC range on 8443 and nothing elsewhere: part dropped whatever the port',
      [sgRule('r', { remote: fromCidr('100.125.0.0/17') })],
      anyPort,
      'partial',
    ],
    ['unknown port, a rule with unknown ports: unknown', [sgRule('r', { ports: netUnknown('var.ports has no value') })], anyPort, 'unknown'],
    // protocols
    ['known protocol: udp rule does not admit tcp', [sgRule('r', { protocol: 'udp' })], known, 'blocked'],
    ['unknown protocol, nothing from the source: blocked for every protocol', [sgRule('r', { protocol: 'any', ports: 'all', remote: fromCidr(OFFICE) })], anyProtocol, 'blocked'],
    ['unknown protocol, any protocol admitted: admitted for every protocol', [sgRule('r', { protocol: 'any', ports: 'all' })], anyProtocol, 'allowed'],
    ['unknown protocol, TCP only: depends on the protocol', [sgRule('r')], anyProtocol, 'unknown'],
    [
      'unknown protocol, TCP and UDP on 8443 but no ICMP: depends on the protocol',
      [sgRule('tcp'), sgRule('udp', { protocol: 'udp' })],
      anyProtocol,
      'unknown',
    ],
    ['unknown protocol, a rule with an unknown protocol: unknown', [sgRule('r', { protocol: netUnknown('var.proto has no value') })], anyProtocol, 'unknown'],
    // all three at once
    [
      'unknown source anywhere, SSH from the office: the source may be the office, so it depends',
      [sgRule('ssh', { ports: [{ from: 22, to: 22 }], remote: fromCidr(OFFICE) })],
      { ...allOpen, source: open('var.ipv4_subnet_id has no value', ANYWHERE) },
      'unknown',
    ],
    ['everything unknown (source within the VPC), only SSH from the office: blocked whatever the values', [sgRule('ssh', { ports: [{ from: 22, to: 22 }], remote: fromCidr(OFFICE) })], allOpen, 'blocked'],
    ['everything unknown, any protocol and port from anywhere: admitted whatever the values', [sgRule('r', { protocol: 'any', ports: 'all' })], allOpen, 'allowed'],
    ['everything unknown, TCP from anywhere: depends', [sgRule('r', { ports: 'all' })], allOpen, 'unknown'],
  ] as [string, SgRule[], OpenFlow, string][])('%s', (_name, rules, flow, status) => {
    expect(decideIngress([{ id: 'sg', rules }], flow).status).toBe(status);
  });

  it('a known flow gets the same verdict as evaluateIngress, with no open input', () => {
    const d = decideIngress([{ id: 'sg', rules: [sgRule('r', { remote: fromCidr('100.125.0.0/17') })] }], known);
    expect(d.status).toBe('partial');
    expect(d.openInputs.map((u) => u.unknown)).toEqual([]);
    expect(d.admitted.toString()).toBe('100.125.0.0/17');
    expect(d.trace).toEqual([
      { ruleId: 'r', effect: 'allow', addresses: '100.125.0.0/17' },
      { ruleId: 'default', effect: 'default-deny', addresses: '100.125.128.0/17' },
    ]);
  });

  it('an unknown source that nothing admits is blocked, and the trace says so for every address', () => {
    const d = decideIngress([{ id: 'sg.api', rules: [sgRule('ssh', { ports: [{ from: 22, to: 22 }] })] }], anySource);
    expect(d.status).toBe('blocked');
    expect(d.openInputs.map((u) => u.unknown)).toEqual(['var.ipv4_subnet_id has no value']);
    expect(d.trace).toEqual([{ ruleId: 'default', effect: 'default-deny', addresses: '0.0.0.0/0' }]);
  });

  it('a mixed verdict says which value it hangs on and how the answer splits', () => {
    const bySource = decideIngress([{ id: 'sg', rules: [sgRule('r', { remote: fromCidr('10.0.0.0/8') })] }], anySource);
    expect(bySource.unknowns.map((u) => u.unknown)).toEqual(['var.ipv4_subnet_id has no value: the verdict depends on it, as only 10.0.0.0/8 of 0.0.0.0/0 is admitted']);
    const byPort = decideIngress([{ id: 'sg', rules: [sgRule('r')] }], anyPort);
    expect(byPort.unknowns.map((u) => u.unknown)).toEqual(['var.app_port has no value: the verdict depends on it (TCP 8443 admitted; TCP 1-8442, 8444-65535 dropped)']);
    const byProtocol = decideIngress([{ id: 'sg', rules: [sgRule('r')] }], anyProtocol);
    expect(byProtocol.unknowns.map((u) => u.unknown)).toEqual(['var.health_check_protocol has no value: the verdict depends on it (TCP 8443 admitted; UDP 8443, ICMP dropped)']);
  });

  it('labels the trace steps that hold for only some of the values', () => {
    const d = decideIngress(
      [{ id: 'sg', rules: [sgRule('deny-all', { action: 'deny', ports: 'all', priority: 1 }), sgRule('allow-8443', { priority: 2 })] }],
      anyPort,
    );
    expect(d.status).toBe('blocked');
    expect(d.trace).toEqual([{ ruleId: 'deny-all', effect: 'deny', addresses: HC }]);
    const split = decideIngress([{ id: 'sg', rules: [sgRule('only-80', { ports: [{ from: 80, to: 80 }], remote: fromCidr(OFFICE) })] }], anyPort);
    expect(split.status).toBe('blocked');
    expect(split.trace).toEqual([{ ruleId: 'default', effect: 'default-deny', addresses: HC }]);
    const labelled = decideIngress([{ id: 'sg', rules: [sgRule('deny-80', { action: 'deny', ports: [{ from: 80, to: 80 }] })] }], anyPort);
    expect(labelled.status).toBe('blocked');
    expect(labelled.trace).toEqual([
      { ruleId: 'default', effect: 'default-deny', addresses: HC, flow: 'TCP 1-79, 81-65535' },
      { ruleId: 'deny-80', effect: 'deny', addresses: HC, flow: 'TCP 80' },
    ]);
  });
});

describe('portClasses', () => {
  it.each([
    ['every port with no rule is one class', 'all', [], [[1, 65535]]],
    ['a single-port rule splits every port in three', 'all', [[{ from: 80, to: 80 }]], [[1, 79], [80, 80], [81, 65535]]],
    ['a rule range at the edge splits in two', 'all', [[{ from: 1, to: 1023 }]], [[1, 1023], [1024, 65535]]],
    ['cuts outside the possible ports are ignored', [{ from: 8000, to: 8100 }], [[{ from: 80, to: 80 }]], [[8000, 8100]]],
    ['an all-ports rule cuts nothing', [{ from: 1, to: 10 }], ['all'], [[1, 10]]],
  ] as const)('%s', (_name, among, cuts, expected) => {
    expect(portClasses(among as never, cuts as never).map((r) => [r.from, r.to])).toEqual(expected);
  });
});

// ---------------------------------------------------------------- network ACLs

function aclRule(id: string, over: Partial<AclRule> = {}): AclRule {
  return {
    id,
    protocol: 'tcp',
    source: { kind: 'any' },
    destination: { kind: 'any' },
    sourcePorts: 'all',
    destinationPorts: [{ from: 8443, to: 8443 }],
    action: 'allow',
    ...over,
  };
}

const withEphemeral = (flow: OpenFlow) => ({ ...flow, sourcePorts: 'all' as const });

describe('decideAcl: first match over every value of what is unknown', () => {
  it.each([
    ['known source admitted by allow any', [aclRule('a')], known, 'allowed'],
    ['unknown source, default deny: blocked for every source', [], anySource, 'blocked'],
    ['unknown source, allow any first: admitted for every source', [aclRule('a')], anySource, 'allowed'],
    ['unknown source, deny 10.0.0.0/8 before allow any: mixed', [aclRule('deny', { action: 'deny', source: fromCidr('10.0.0.0/8') }), aclRule('allow')], anySource, 'unknown'],
    ['unknown source, allow any before deny 10.0.0.0/8: admitted', [aclRule('allow'), aclRule('deny', { action: 'deny', source: fromCidr('10.0.0.0/8') })], anySource, 'allowed'],
    ['unknown port, only 8443 allowed: depends on the port', [aclRule('a')], anyPort, 'unknown'],
    ['unknown port, deny every port first: blocked for every port', [aclRule('d', { action: 'deny', destinationPorts: 'all' }), aclRule('a')], anyPort, 'blocked'],
    ['unknown port, every port allowed: admitted for every port', [aclRule('a', { destinationPorts: 'all' })], anyPort, 'allowed'],
    ['unknown protocol, any protocol allowed: admitted for every protocol', [aclRule('a', { protocol: 'any', destinationPorts: 'all' })], anyProtocol, 'allowed'],
    ['unknown protocol, TCP only: depends on the protocol', [aclRule('a')], anyProtocol, 'unknown'],
    ['unknown protocol, nothing: blocked for every protocol', [], anyProtocol, 'blocked'],
  ] as [string, AclRule[], OpenFlow, string][])('%s', (_name, rules, flow, status) => {
    expect(decideAcl(rules, withEphemeral(flow)).status).toBe(status);
  });

  it.each([
    ['unknown source, replies allowed to any ephemeral port: admitted for every source', [aclRule('out', { sourcePorts: 'all', destinationPorts: [{ from: 1024, to: 65535 }] })], anySource, 'allowed'],
    ['unknown source, no outbound rule: blocked for every source', [], anySource, 'blocked'],
    ['unknown port, replies only from 8443: depends on the port', [aclRule('out', { sourcePorts: [{ from: 8443, to: 8443 }], destinationPorts: 'all' })], anyPort, 'unknown'],
    ['unknown port, replies from every port: admitted for every port', [aclRule('out', { sourcePorts: 'all', destinationPorts: 'all' })], anyPort, 'allowed'],
  ] as [string, AclRule[], OpenFlow, string][])('return path: %s', (_name, rules, flow, status) => {
    expect(decideAclReturn(rules, withEphemeral(flow)).status).toBe(status);
  });
});
