import { describe, expect, it } from 'vitest';
import {
  AddressSet,
  cidrContains,
  cidrOverlaps,
  evaluateAcl,
  evaluateAclReturn,
  evaluateIngress,
  formatCidr,
  netUnknown,
  normalizeProtocol,
  parseCidr,
  parsePortSpec,
  partitionCidrs,
  portInRanges,
  protocolMatches,
  rangesCoverAll,
  type AclFlow,
  type AclRule,
  type Cidr,
  type Flow,
  type IpVersion,
  type SgRule,
} from '../src/net/index.js';

function cidr(text: string): Cidr {
  const c = parseCidr(text);
  if (!c) throw new Error(`bad CIDR in test: ${text}`);
  return c;
}

function set(...texts: string[]): AddressSet {
  const cidrs = texts.map(cidr);
  const version: IpVersion = cidrs[0]?.version ?? 4;
  return AddressSet.fromCidrs(version, cidrs);
}

describe('parseCidr', () => {
  it.each([
    ['an IPv4 CIDR', '10.0.0.0/16', 4, '10.0.0.0/16', 16],
    ['an IPv6 CIDR', '2001:db8::/32', 6, '2001:db8::/32', 32],
    ['a bare IPv4 address is a /32', '192.168.1.10', 4, '192.168.1.10/32', 32],
    ['a bare IPv6 address is a /128', '2001:db8::1', 6, '2001:db8::1/128', 128],
    ['host bits are cleared', '10.0.0.5/24', 4, '10.0.0.0/24', 24],
    ['IPv6 host bits are cleared', '2001:db8:1:2::5/48', 6, '2001:db8:1::/48', 48],
    ['the whole IPv4 space', '0.0.0.0/0', 4, '0.0.0.0/0', 0],
    ['the whole IPv6 space', '::/0', 6, '::/0', 0],
    ['uppercase IPv6', '2001:DB8::/32', 6, '2001:db8::/32', 32],
  ])('%s', (_name, text, version, formatted, prefix) => {
    const c = parseCidr(text);
    expect(c).toBeDefined();
    expect(c!.version).toBe(version);
    expect(c!.prefix).toBe(prefix);
    expect(c!.text).toBe(text);
    expect(formatCidr(c!)).toBe(formatted);
  });

  it('keeps the original text and normalizes the range', () => {
    expect(parseCidr('10.0.0.5/24')).toEqual({ version: 4, first: 167772160n, last: 167772415n, prefix: 24, text: '10.0.0.5/24' });
  });

  it.each([
    ['a prefix above 32 is invalid', '10.0.0.0/33'],
    ['a prefix above 128 is invalid', '2001:db8::/129'],
    ['an octet above 255 is invalid', '10.0.0.256/24'],
    ['three octets are invalid', '10.0.0/24'],
    ['an empty prefix is invalid', '10.0.0.0/'],
    ['a negative prefix is invalid', '10.0.0.0/-1'],
    ['garbage is invalid', 'not-a-cidr'],
    ['an empty string is invalid', ''],
    ['an octet with a leading zero is invalid', '010.0.0.0/8'],
    ['two double colons are invalid', '2001::db8::/32'],
    ['an IPv6 zone index is invalid', 'fe80::1%eth0'],
    ['a Terraform interpolation is invalid', '${var.cidr}'],
  ])('%s', (_name, text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('CIDR relations', () => {
  it.each([
    ['/32 inside /24', '10.0.0.7/32', '10.0.0.0/24', true, true],
    ['/24 is not inside /32', '10.0.0.0/24', '10.0.0.7', false, true],
    ['a CIDR contains itself', '100.125.0.0/16', '100.125.0.0/16', true, true],
    ['disjoint neighbours', '10.0.1.0/24', '10.0.0.0/24', false, false],
    ['IPv4 and IPv6 never relate', '0.0.0.0/0', '::/0', false, false],
    ['IPv6 /64 inside /32', '2001:db8:1:2::/64', '2001:db8::/32', true, true],
    ['VPC CIDR and the health-check range are disjoint', '100.125.0.0/16', '192.168.0.0/16', false, false],
  ])('%s', (_name, inner, outer, contained, overlaps) => {
    expect(cidrContains(cidr(outer), cidr(inner))).toBe(contained);
    expect(cidrOverlaps(cidr(outer), cidr(inner))).toBe(overlaps);
    expect(cidrOverlaps(cidr(inner), cidr(outer))).toBe(overlaps);
  });
});

describe('AddressSet', () => {
  it.each([
    ['union of adjacent halves is the whole', set('10.0.0.0/25').union(set('10.0.0.128/25')), '10.0.0.0/24'],
    ['union of disjoint ranges keeps both', set('10.0.2.0/24').union(set('10.0.0.0/24')), '10.0.0.0/24, 10.0.2.0/24'],
    ['intersect of nested ranges is the inner', set('100.125.0.0/16').intersect(set('100.125.128.0/17')), '100.125.128.0/17'],
    ['intersect of disjoint ranges is empty', set('10.0.0.0/8').intersect(set('100.125.0.0/16')), 'none'],
    ['subtracting a /17 leaves the other /17', set('100.125.0.0/16').subtract(set('100.125.0.0/17')), '100.125.128.0/17'],
    [
      'subtracting a middle /24 leaves a minimal CIDR list',
      set('10.0.0.0/22').subtract(set('10.0.1.0/24')),
      '10.0.0.0/24, 10.0.2.0/23',
    ],
    ['subtracting everything is empty', set('10.0.0.0/24').subtract(AddressSet.all(4)), 'none'],
    ['an unaligned range splits into CIDRs', AddressSet.fromIntervals(4, [{ first: 1n, last: 6n }]), '0.0.0.1/32, 0.0.0.2/31, 0.0.0.4/31, 0.0.0.6/32'],
    ['IPv6 subtraction', set('2001:db8::/32').subtract(set('2001:db8::/33')), '2001:db8:8000::/33'],
    ['the whole IPv6 space', AddressSet.all(6), '::/0'],
  ])('%s', (_name, result, expected) => {
    expect(result.toString()).toBe(expected);
  });

  it.each([
    ['a /16 covers a /32 inside it', set('100.125.0.0/16'), '100.125.3.4', true],
    ['two halves cover the whole', set('10.0.0.0/25', '10.0.0.128/25'), '10.0.0.0/24', true],
    ['a /17 does not cover the /16', set('100.125.0.0/17'), '100.125.0.0/16', false],
    ['an IPv4 set does not cover an IPv6 CIDR', AddressSet.all(4), '::1', false],
  ])('%s', (_name, s, target, expected) => {
    expect(s.covers(cidr(target))).toBe(expected);
  });

  it.each([
    ['a /24 holds 256 addresses', set('10.0.0.0/24'), 256n],
    ['the IPv4 space holds 2^32 addresses', AddressSet.all(4), 1n << 32n],
    ['a /64 holds 2^64 addresses', set('2001:db8::/64'), 1n << 64n],
    ['the empty set holds none', AddressSet.empty(6), 0n],
  ])('%s', (_name, s, size) => {
    expect(s.size).toBe(size);
  });

  it('equality is by content', () => {
    expect(set('10.0.0.0/25', '10.0.0.128/25').equals(set('10.0.0.0/24'))).toBe(true);
    expect(set('10.0.0.0/24').equals(set('10.0.0.0/25'))).toBe(false);
    expect(AddressSet.empty(4).equals(AddressSet.empty(6))).toBe(false);
    expect(AddressSet.empty(4).isEmpty()).toBe(true);
  });

  it('mixed lists are split by version', () => {
    const parts = partitionCidrs([cidr('10.0.0.0/24'), cidr('2001:db8::/64')]);
    expect(parts[4].toString()).toBe('10.0.0.0/24');
    expect(parts[6].toString()).toBe('2001:db8::/64');
    expect(() => AddressSet.fromCidrs(4, [cidr('::/0')])).toThrow(RangeError);
  });
});

describe('parsePortSpec', () => {
  it.each([
    ['a single port', '80', [{ from: 80, to: 80 }]],
    ['a number', 443, [{ from: 443, to: 443 }]],
    ['a hyphen range', '1-30', [{ from: 1, to: 30 }]],
    ['a comma list is sorted', '22,3389,80', [{ from: 22, to: 22 }, { from: 80, to: 80 }, { from: 3389, to: 3389 }]],
    ['a mixed Huawei list', '22-30,33', [{ from: 22, to: 30 }, { from: 33, to: 33 }]],
    ['adjacent parts merge', '22-30,31', [{ from: 22, to: 31 }]],
    ['a colon range (legacy ACL, FWaaS)', '1:100', [{ from: 1, to: 100 }]],
    ['an Alibaba single port', '80/80', [{ from: 80, to: 80 }]],
    ['an Alibaba full range', '1/65535', [{ from: 1, to: 65535 }]],
    ['Alibaba -1/-1 is every port', '-1/-1', [{ from: 1, to: 65535 }]],
    ['an empty spec is every port', '', [{ from: 1, to: 65535 }]],
    ['any is every port', 'ANY', [{ from: 1, to: 65535 }]],
    ['spaces around parts are ignored', ' 22 , 80 - 81 ', [{ from: 22, to: 22 }, { from: 80, to: 81 }]],
  ])('%s', (_name, spec, expected) => {
    expect(parsePortSpec(spec)).toEqual(expected);
  });

  it.each([
    ['reversed port range is invalid', '90-80'],
    ['port 0 is invalid', '0'],
    ['port 65536 is invalid', '65536'],
    ['a range ending above 65535 is invalid', '1-70000'],
    ['a non-integer number is invalid', 80.5],
    ['a negative number other than -1 is invalid', -2],
    ['letters are invalid', 'http'],
    ['an empty list element is invalid', '22,,80'],
    ['-1 inside a list is invalid', '22,-1/-1'],
  ])('%s', (_name, spec) => {
    expect(parsePortSpec(spec)).toBeUndefined();
  });

  it.each([
    ['80 is in 22,80', 80, '22,80', true],
    ['81 is not in 22,80', 81, '22,80', false],
    ['8080 is in 8000-8100', 8080, '8000-8100', true],
  ])('%s', (_name, port, spec, expected) => {
    expect(portInRanges(port, parsePortSpec(spec)!)).toBe(expected);
  });

  it.each([
    ['1-65535 covers all', '1-65535', true],
    ['1-100,101-65535 covers all', '1-100,101-65535', true],
    ['1024-65535 does not cover all', '1024-65535', false],
  ])('%s', (_name, spec, expected) => {
    expect(rangesCoverAll(parsePortSpec(spec)!)).toBe(expected);
  });
});

describe('normalizeProtocol', () => {
  it.each([
    ['TCP in capitals', 'TCP', 'tcp'],
    ['udp', 'udp', 'udp'],
    ['icmp', 'Icmp', 'icmp'],
    ['icmpv6', 'icmpv6', 'icmpv6'],
    ['-1 is any', '-1', 'any'],
    ['-1 as a number is any', -1, 'any'],
    ['all is any', 'all', 'any'],
    ['* is any', '*', 'any'],
    ['any is any', 'any', 'any'],
    ['empty is any', '', 'any'],
    ['null is any', null, 'any'],
    ['undefined is any', undefined, 'any'],
    ['6 is tcp', 6, 'tcp'],
    ['"17" is udp', '17', 'udp'],
    ['1 is icmp', 1, 'icmp'],
    ['58 is icmpv6', 58, 'icmpv6'],
    ['47 stays a number', 47, 47],
    ['gre is 47', 'gre', 47],
  ])('%s', (_name, input, expected) => {
    expect(normalizeProtocol(input)).toBe(expected);
  });

  it.each([
    ['an unknown name is undefined', 'http'],
    ['256 is undefined', 256],
    ['a fraction is undefined', 6.5],
  ])('%s', (_name, input) => {
    expect(normalizeProtocol(input)).toBeUndefined();
  });

  it.each([
    ['any matches tcp', 'any', 'tcp', 4, true],
    ['tcp matches tcp', 'tcp', 'tcp', 4, true],
    ['udp does not match tcp', 'udp', 'tcp', 4, false],
    ['icmp matches ICMP over IPv4', 'icmp', 'icmp', 4, true],
    ['icmpv6 does not match ICMP over IPv4', 'icmpv6', 'icmp', 4, false],
    ['icmpv6 matches ICMP over IPv6', 'icmpv6', 'icmp', 6, true],
    ['protocol 132 does not match tcp', 132, 'tcp', 4, false],
  ] as const)('%s', (_name, rule, flow, version, expected) => {
    expect(protocolMatches(rule, flow, version)).toBe(expected);
  });
});

// ---------------------------------------------------------------- security groups

const HC = '100.125.0.0/16';
const VPC = '192.168.0.0/16';

function sgRule(id: string, over: Partial<SgRule> = {}): SgRule {
  return {
    id,
    direction: 'ingress',
    ethertype: 4,
    protocol: 'tcp',
    ports: [{ from: 80, to: 80 }],
    remote: { kind: 'any' },
    action: 'allow',
    priority: 1,
    ...over,
  };
}

const fromCidr = (text: string) => ({ kind: 'cidr' as const, cidr: cidr(text) });

function tcpFlow(source: string, port = 80): Flow {
  return { protocol: 'tcp', source: set(source), destination: cidr('192.168.1.10'), port };
}

describe('evaluateIngress', () => {
  it.each([
    ['empty remote admits everything', [sgRule('r')], tcpFlow(HC), 'allowed'],
    ['rule for the HC range admits it', [sgRule('r', { remote: fromCidr(HC) })], tcpFlow(HC), 'allowed'],
    ['rule for VPC CIDR does not admit 100.125.0.0/16', [sgRule('r', { remote: fromCidr(VPC) })], tcpFlow(HC), 'blocked'],
    ['allow /17 of the /16 is partial', [sgRule('r', { remote: fromCidr('100.125.0.0/17') })], tcpFlow(HC), 'partial'],
    ['rule on another port does not admit', [sgRule('r', { ports: [{ from: 443, to: 443 }] })], tcpFlow(HC), 'blocked'],
    ['port range containing the port admits', [sgRule('r', { ports: parsePortSpec('22,8000-9000')! })], tcpFlow(HC, 8080), 'allowed'],
    ['all ports admit any port', [sgRule('r', { ports: 'all' })], tcpFlow(HC, 8443), 'allowed'],
    ['udp rule does not admit tcp', [sgRule('r', { protocol: 'udp' })], tcpFlow(HC), 'blocked'],
    ['egress rule does not admit ingress', [sgRule('r', { direction: 'egress' })], tcpFlow(HC), 'blocked'],
    ['IPv6 rule does not admit IPv4', [sgRule('r', { ethertype: 6 })], tcpFlow(HC), 'blocked'],
    ['remote group never matches the LB', [sgRule('r', { remote: { kind: 'group', id: 'sg-web' } })], tcpFlow(HC), 'blocked'],
    ['no rules is default deny', [], tcpFlow(HC), 'blocked'],
    [
      'deny at equal priority beats allow',
      [sgRule('allow'), sgRule('deny', { action: 'deny' })],
      tcpFlow(HC),
      'blocked',
    ],
    [
      'lower priority number wins over deny',
      [sgRule('deny', { action: 'deny', priority: 2 }), sgRule('allow', { priority: 1 })],
      tcpFlow(HC),
      'allowed',
    ],
    [
      'deny of a /17 before allow all is partial',
      [sgRule('allow', { priority: 10 }), sgRule('deny', { action: 'deny', priority: 5, remote: fromCidr('100.125.0.0/17') })],
      tcpFlow(HC),
      'partial',
    ],
    [
      'unknown remote_ip_prefix makes the verdict unknown, not blocked',
      [sgRule('r', { remote: netUnknown('var.allowed_cidr has no value') })],
      tcpFlow(HC),
      'unknown',
    ],
    [
      'unknown port on an allow rule is unknown',
      [sgRule('r', { ports: netUnknown('var.port has no value') })],
      tcpFlow(HC),
      'unknown',
    ],
    [
      'unknown rule that another rule makes moot stays allowed',
      [sgRule('all'), sgRule('r', { remote: netUnknown('var.cidr'), priority: 50 })],
      tcpFlow(HC),
      'allowed',
    ],
    [
      'unknown rule excluded by its known port stays blocked',
      [sgRule('r', { remote: netUnknown('var.cidr'), ports: [{ from: 22, to: 22 }] })],
      tcpFlow(HC),
      'blocked',
    ],
    [
      'unknown rule with a remote group stays blocked',
      [sgRule('r', { remote: { kind: 'group', id: 'sg' }, ports: netUnknown('var.port') })],
      tcpFlow(HC),
      'blocked',
    ],
    [
      'unknown action before an allow-all is unknown',
      [sgRule('r', { action: netUnknown('var.action') }), sgRule('all', { priority: 2 })],
      tcpFlow(HC),
      'unknown',
    ],
    [
      'unknown priority of a deny is unknown even after an allow',
      [sgRule('allow'), sgRule('deny', { action: 'deny', priority: netUnknown('var.priority') })],
      tcpFlow(HC),
      'unknown',
    ],
    [
      'unknown flow port against a specific rule port is unknown',
      [sgRule('r')],
      { ...tcpFlow(HC), port: undefined },
      'unknown',
    ],
    [
      'ICMP any-protocol rule admits ICMP',
      [sgRule('r', { protocol: 'any', ports: 'all' })],
      { protocol: 'icmp', source: set(HC) },
      'allowed',
    ],
    [
      'ICMP rule ignores its port fields',
      [sgRule('r', { protocol: 'icmp', ports: [{ from: 8, to: 8 }] })],
      { protocol: 'icmp', source: set(HC) },
      'allowed',
    ],
    ['tcp rule does not admit ICMP', [sgRule('r')], { protocol: 'icmp', source: set(HC) }, 'blocked'],
    [
      'IPv6 rule admits an IPv6 source',
      [sgRule('r', { ethertype: 6, remote: fromCidr('2001:db8::/32') })],
      { protocol: 'tcp', source: set('2001:db8:1::/48'), port: 80 },
      'allowed',
    ],
    [
      'IPv6 /33 of a /32 is partial',
      [sgRule('r', { ethertype: 6, remote: fromCidr('2001:db8::/33') })],
      { protocol: 'tcp', source: set('2001:db8::/32'), port: 80 },
      'partial',
    ],
    [
      'icmpv6 rule admits ICMP over IPv6',
      [sgRule('r', { ethertype: 6, protocol: 'icmpv6', ports: 'all' })],
      { protocol: 'icmp', source: set('2001:db8::/32') },
      'allowed',
    ],
    [
      'IPv4 rule does not admit IPv6',
      [sgRule('r')],
      { protocol: 'tcp', source: set('2001:db8::/32'), port: 80 },
      'blocked',
    ],
  ] as [string, SgRule[], Flow, string][])('%s', (_name, rules, flow, status) => {
    expect(evaluateIngress([{ id: 'sg', rules }], flow).status).toBe(status);
  });

  it('traces each deciding rule and the default deny', () => {
    const verdict = evaluateIngress(
      [
        {
          id: 'sg',
          rules: [
            sgRule('huaweicloud_networking_secgroup_rule.half', { remote: fromCidr('100.125.0.0/17') }),
            sgRule('huaweicloud_networking_secgroup_rule.vpc', { remote: fromCidr(VPC) }),
          ],
        },
      ],
      tcpFlow(HC),
    );
    expect(verdict.status).toBe('partial');
    expect(verdict.admitted.toString()).toBe('100.125.0.0/17');
    expect(verdict.trace).toEqual([
      { ruleId: 'huaweicloud_networking_secgroup_rule.half', effect: 'allow', addresses: '100.125.0.0/17' },
      { ruleId: 'default', effect: 'default-deny', addresses: '100.125.128.0/17' },
    ]);
    expect(verdict.unknowns.map((u) => u.unknown)).toEqual([]);
  });

  it('earlier groups take precedence over later ones', () => {
    const flow = tcpFlow(HC);
    const deny = { id: 'a', rules: [sgRule('deny', { action: 'deny', priority: 100 })] };
    const allow = { id: 'b', rules: [sgRule('allow', { priority: 1 })] };
    expect(evaluateIngress([deny, allow], flow).status).toBe('blocked');
    expect(evaluateIngress([allow, deny], flow).status).toBe('allowed');
  });

  it('an unknown rule carries its reason into the verdict and the trace', () => {
    const verdict = evaluateIngress(
      [{ id: 'sg', rules: [sgRule('rule.x', { remote: netUnknown('var.cidr has no value') })] }],
      tcpFlow(HC),
    );
    expect(verdict.unknowns.map((u) => u.unknown)).toEqual(['rule.x: remote: var.cidr has no value']);
    expect(verdict.trace[0]).toEqual({ ruleId: 'rule.x', effect: 'unknown', addresses: HC });
    expect(verdict.admitted.isEmpty()).toBe(true);
  });

  it('an unknown-priority rule does not taint what an earlier group decided', () => {
    const allowAll = { id: 'a', rules: [sgRule('allow')] };
    const unknownDeny = { id: 'b', rules: [sgRule('deny', { action: 'deny', priority: netUnknown('var.p') })] };
    expect(evaluateIngress([allowAll, unknownDeny], tcpFlow(HC)).status).toBe('allowed');
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
    destinationPorts: [{ from: 80, to: 80 }],
    action: 'allow',
    ...over,
  };
}

function aclFlow(source: string, port = 80, destination: string | null = '192.168.1.10'): AclFlow {
  return {
    protocol: 'tcp',
    source: set(source),
    destination: destination === null ? undefined : cidr(destination),
    port,
    sourcePorts: 'all',
  };
}

describe('evaluateAcl', () => {
  it.each([
    ['ACL allow any admits', [aclRule('a')], aclFlow(HC), 'allowed'],
    ['ACL default deny', [], aclFlow(HC), 'blocked'],
    ['ACL first match wins', [aclRule('deny', { action: 'deny' }), aclRule('allow')], aclFlow(HC), 'blocked'],
    ['ACL first match wins for an allow too', [aclRule('allow'), aclRule('deny', { action: 'deny' })], aclFlow(HC), 'allowed'],
    ['ACL rule for another port does not match', [aclRule('a', { destinationPorts: [{ from: 443, to: 443 }] })], aclFlow(HC), 'blocked'],
    ['ACL disabled rule is skipped', [aclRule('a', { enabled: false })], aclFlow(HC), 'blocked'],
    ['ACL rule for the VPC CIDR does not admit the HC range', [aclRule('a', { source: fromCidr(VPC) })], aclFlow(HC), 'blocked'],
    ['ACL allow for half the source is partial', [aclRule('a', { source: fromCidr('100.125.0.0/17') })], aclFlow(HC), 'partial'],
    [
      'ACL deny of one half then allow all is partial',
      [aclRule('d', { action: 'deny', source: fromCidr('100.125.128.0/17') }), aclRule('a')],
      aclFlow(HC),
      'partial',
    ],
    ['ACL source port 80 only is uncertain', [aclRule('a', { sourcePorts: [{ from: 80, to: 80 }] })], aclFlow(HC), 'unknown'],
    ['ACL destination subnet containing the member admits', [aclRule('a', { destination: fromCidr('192.168.1.0/24') })], aclFlow(HC), 'allowed'],
    ['ACL destination subnet of another member does not match', [aclRule('a', { destination: fromCidr('192.168.2.0/24') })], aclFlow(HC), 'blocked'],
    [
      'ACL destination CIDR with an unknown member address is uncertain',
      [aclRule('a', { destination: fromCidr('192.168.1.0/24') })],
      aclFlow(HC, 80, null),
      'unknown',
    ],
    ['ACL destination any with an unknown member address admits', [aclRule('a')], aclFlow(HC, 80, null), 'allowed'],
    ['ACL unknown source is uncertain', [aclRule('a', { source: netUnknown('var.cidr') })], aclFlow(HC), 'unknown'],
    ['ACL unknown enabled is uncertain', [aclRule('a', { enabled: netUnknown('var.on') })], aclFlow(HC), 'unknown'],
    ['ACL rule of the other IP version does not match', [aclRule('a', { ipVersion: 6 })], aclFlow(HC), 'blocked'],
    ['ACL any protocol admits ICMP', [aclRule('a', { protocol: 'any', destinationPorts: 'all' })], { ...aclFlow(HC), protocol: 'icmp', port: undefined }, 'allowed'],
    ['ACL ICMP rule ignores port fields', [aclRule('a', { protocol: 'icmp' })], { ...aclFlow(HC), protocol: 'icmp', port: undefined }, 'allowed'],
    [
      'ACL IPv6 rule admits an IPv6 source',
      [aclRule('a', { source: fromCidr('2001:db8::/32'), ipVersion: 6 })],
      { ...aclFlow(HC), source: set('2001:db8::/32'), destination: cidr('2001:db8:ff::10') },
      'allowed',
    ],
    [
      'ACL IPv4 source CIDR does not match an IPv6 flow',
      [aclRule('a', { source: fromCidr('0.0.0.0/0') })],
      { ...aclFlow(HC), source: set('2001:db8::/32'), destination: undefined },
      'blocked',
    ],
  ] as [string, AclRule[], AclFlow, string][])('%s', (_name, rules, flow, status) => {
    expect(evaluateAcl(rules, flow).status).toBe(status);
  });

  it('ACL default allow admits what no rule decided', () => {
    const verdict = evaluateAcl([aclRule('d', { action: 'deny', source: fromCidr('100.125.0.0/17') })], aclFlow(HC), {
      defaultAction: 'allow',
    });
    expect(verdict.status).toBe('partial');
    expect(verdict.trace).toEqual([
      { ruleId: 'd', effect: 'deny', addresses: '100.125.0.0/17' },
      { ruleId: 'default', effect: 'default-allow', addresses: '100.125.128.0/17' },
    ]);
  });

  it('ACL uncertain source port rule says why', () => {
    const verdict = evaluateAcl([aclRule('acl.r', { sourcePorts: [{ from: 80, to: 80 }] })], aclFlow(HC));
    expect(verdict.unknowns.map((u) => u.unknown)).toEqual(["acl.r: source port 80 covers only part of the flow's source ports all"]);
  });
});

describe('evaluateAclReturn (stateless, Alibaba)', () => {
  const ALI = '100.64.0.0/10';
  // Alibaba's single `port` field matches the destination port in both directions.
  const egress = (id: string, port: string, over: Partial<AclRule> = {}): AclRule =>
    aclRule(id, { destinationPorts: parsePortSpec(port)!, ...over });

  it.each([
    ['egress port 80/80 does not admit replies to ephemeral ports', [egress('e', '80/80')], 'blocked'],
    ['egress -1/-1 admits replies', [egress('e', '-1/-1')], 'allowed'],
    ['egress 1024/65535 admits replies', [egress('e', '1024/65535')], 'allowed'],
    ['egress 32768/65535 is uncertain', [egress('e', '32768/65535')], 'unknown'],
    ['egress to the HC range admits replies', [egress('e', '-1/-1', { destination: fromCidr(ALI) })], 'allowed'],
    ['egress to the VPC only does not admit replies', [egress('e', '-1/-1', { destination: fromCidr(VPC) })], 'blocked'],
    ['egress from another subnet does not admit replies', [egress('e', '-1/-1', { source: fromCidr('10.9.0.0/16') })], 'blocked'],
    ['no egress rules is default deny', [], 'blocked'],
  ] as [string, AclRule[], string][])('%s', (_name, rules, status) => {
    expect(evaluateAclReturn(rules, aclFlow(ALI)).status).toBe(status);
  });

  it('the return verdict is in terms of the forward source range', () => {
    const verdict = evaluateAclReturn([egress('e', '-1/-1', { destination: fromCidr('100.64.0.0/11') })], aclFlow(ALI));
    expect(verdict.status).toBe('partial');
    expect(verdict.admitted.toString()).toBe('100.64.0.0/11');
  });
});

describe('AddressSet against brute force', () => {
  // Small intervals near 0 so every operation can be checked address by address.
  function randomSet(seed: number): { set: AddressSet; members: Set<number> } {
    let x = seed;
    const next = (n: number): number => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x % n;
    };
    const intervals: { first: bigint; last: bigint }[] = [];
    const members = new Set<number>();
    for (let k = next(5); k > 0; k--) {
      const first = next(60);
      const last = first + next(10);
      intervals.push({ first: BigInt(first), last: BigInt(last) });
      for (let a = first; a <= last; a++) members.add(a);
    }
    return { set: AddressSet.fromIntervals(4, intervals), members };
  }
  function asNumbers(s: AddressSet): number[] {
    return s.toCidrs().flatMap((c) => Array.from({ length: Number(c.last - c.first + 1n) }, (_, i) => Number(c.first) + i));
  }

  it.each(Array.from({ length: 40 }, (_, i) => [`random pair ${i} agrees with sets of numbers`, i]))('%s', (_name, i) => {
    const a = randomSet(i * 2 + 1);
    const b = randomSet(i * 2 + 2);
    const all = Array.from({ length: 80 }, (_, n) => n);
    expect(asNumbers(a.set.union(b.set))).toEqual(all.filter((n) => a.members.has(n) || b.members.has(n)));
    expect(asNumbers(a.set.intersect(b.set))).toEqual(all.filter((n) => a.members.has(n) && b.members.has(n)));
    expect(asNumbers(a.set.subtract(b.set))).toEqual(all.filter((n) => a.members.has(n) && !b.members.has(n)));
    expect(a.set.size).toBe(BigInt(a.members.size));
  });
});
