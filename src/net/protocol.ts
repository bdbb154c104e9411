// Protocol spellings of the providers (`-1`, `all`, `*`, IANA numbers) reduced to one form.
import type { IpVersion } from './cidr.js';

export type Protocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'any' | number;

const BY_NUMBER: ReadonlyMap<number, Protocol> = new Map<number, Protocol>([
  [6, 'tcp'],
  [17, 'udp'],
  [1, 'icmp'],
  [58, 'icmpv6'],
]);

// Names the providers accept besides tcp/udp/icmp; OTC documents IANA names (neutron).
const BY_NAME: ReadonlyMap<string, Protocol> = new Map<string, Protocol>([
  ['tcp', 'tcp'],
  ['udp', 'udp'],
  ['icmp', 'icmp'],
  ['icmpv6', 'icmpv6'],
  ['ipv6-icmp', 'icmpv6'],
  ['icmp6', 'icmpv6'],
  ['any', 'any'],
  ['all', 'any'],
  ['*', 'any'],
  ['-1', 'any'],
  ['', 'any'],
  ['gre', 47],
  ['esp', 50],
  ['ah', 51],
  ['sctp', 132],
  ['igmp', 2],
  ['ipip', 4],
  ['ospf', 89],
  ['vrrp', 112],
]);

export function normalizeProtocol(p: string | number | null | undefined): Protocol | undefined {
  if (p === null || p === undefined) return 'any';
  if (typeof p === 'number') return fromNumber(p);
  if (typeof p !== 'string') return undefined;
  const text = p.trim().toLowerCase();
  if (/^-?\d+$/.test(text)) return fromNumber(Number(text));
  return BY_NAME.get(text);
}

function fromNumber(n: number): Protocol | undefined {
  if (n === -1) return 'any';
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  return BY_NUMBER.get(n) ?? n;
}

/**
 * Whether a rule for `ruleProto` applies to traffic of `flowProto`. An ICMP flow over IPv6 is
 * ICMPv6; a rule spelled `icmp` on an IPv6 rule is accepted as ICMPv6 too (neutron maps it).
 */
export function protocolMatches(ruleProto: Protocol, flowProto: Protocol, version: IpVersion = 4): boolean {
  if (ruleProto === 'any') return true;
  if (flowProto === 'any') return false;
  const isIcmpFlow = flowProto === 'icmp' || flowProto === 'icmpv6';
  if (isIcmpFlow) {
    return version === 6 ? ruleProto === 'icmpv6' || ruleProto === 'icmp' : ruleProto === 'icmp';
  }
  return ruleProto === flowProto;
}

/** Whether the protocol has ports (rules' port fields are ignored for the others). */
export function protocolHasPorts(p: Protocol): boolean {
  return p === 'tcp' || p === 'udp';
}
