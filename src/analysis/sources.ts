// Where the cloud's health checks and forwarded traffic come from, per family and load-balancer
// kind (DESIGN.md's table), and which listeners the cloud exempts from security groups and ACLs.
import { AddressSet, parseCidr, type Cidr, type FlowProtocol, type Open } from '../net/index.js';
import { Unknown, isUnknown, unknownAbout, type HealthCheckSources } from '../types.js';
import { openOf } from './net-values.js';
import type { LoadBalancer, Listener, Maybe, Subnet } from '../model/types.js';
import { isLayer4 } from './queries.js';

/** What the analysis reads from the configuration. */
export interface AnalysisSettings {
  /** CIDRs the health checks and forwarded traffic of a shared (fixed-range) family come from. */
  healthCheckSources: HealthCheckSources;
}

/** Health-check source ranges of the fixed-range (shared) families; overridable in the config. */
export const DEFAULT_HEALTH_CHECK_SOURCES: HealthCheckSources = {
  huaweicloud: ['100.125.0.0/16'],
  opentelekomcloud: ['100.125.0.0/16'],
  flexibleengine: ['100.125.0.0/16'],
  alicloud: ['100.64.0.0/10'],
};

/** The transport protocol of a listener or health-check protocol. */
export function transport(protocol: string): FlowProtocol {
  return protocol === 'UDP' || protocol === 'UDP_CONNECT' || protocol === 'QUIC' ? 'udp' : protocol === 'PING' ? 'icmp' : 'tcp';
}

/** A reason the cloud does not apply security groups/ACLs to this listener's backend traffic. */
export function exemption(lb: LoadBalancer, listener: Listener, protocol: string): Maybe<string | undefined> {
  if (!isLayer4(protocol)) return undefined;
  if (lb.kind === 'dedicated') {
    if (isUnknown(lb.crossVpcBackend)) return lb.crossVpcBackend;
    return lb.crossVpcBackend ? undefined : 'dedicated TCP/UDP listener without IP as a backend';
  }
  if (lb.kind === 'shared') {
    if (isUnknown(listener.transparentClientIp)) return listener.transparentClientIp;
    return listener.transparentClientIp ? 'shared TCP/UDP listener with transparent client IP' : undefined;
  }
  return undefined;
}

/**
 * The source CIDRs (IPv4) of `lb`'s health checks and forwarded traffic, and their text for
 * messages. A dedicated LB whose backend subnet (or its CIDR) is not known gets an open source:
 * some subnet the configuration does not show, i.e. any IPv4 range (net/decide.ts).
 */
export function sourceRanges(lb: LoadBalancer, settings: AnalysisSettings): Maybe<{ cidrs: Cidr[]; text: string; open?: Open<AddressSet> }> {
  // Alibaba ALB/NLB probe from their zone mappings' vSwitches (model/alicloud/local-addresses.ts)
  // unless the config pins the product to a fixed range (a non-upgraded ALB).
  const productKey = lb.family === 'alicloud' && (lb.kind === 'alb' || lb.kind === 'nlb') ? (`alicloud-${lb.kind}` as const) : undefined;
  const pinned = productKey ? settings.healthCheckSources[productKey] : undefined;
  if (lb.kind === 'dedicated' || (productKey && !pinned)) {
    const subnets = lb.backendSubnets;
    const openSource = (u: Unknown) => ({
      cidrs: [],
      text: `the backend subnet of ${lb.address} (unknown: ${u.reason})`,
      open: openOf(u, AddressSet.all(4)),
    });
    if (isUnknown(subnets)) {
      if (lb.kind !== 'dedicated') return subnets;
      const picked = lb.backendSubnetChoices ? pickedSources(lb, subnets, lb.backendSubnetChoices) : undefined;
      return picked ?? openSource(subnets);
    }
    const cidrs: Cidr[] = [];
    for (const s of subnets) {
      if (isUnknown(s.cidr)) return lb.kind === 'dedicated' ? openSource(s.cidr) : s.cidr;
      const c = parseCidr(s.cidr);
      if (!c) return unknownAbout(`${s.address}.cidr`, `${s.address}.cidr ${JSON.stringify(s.cidr)} is not a CIDR`);
      if (c.version === 4) cidrs.push(c);
    }
    if (cidrs.length === 0) return unknownAbout(lb.address, `${lb.address} has no IPv4 backend subnet`);
    const whose = lb.kind === 'dedicated' ? `backend subnet of ${lb.address}` : `local addresses in the vSwitches of ${lb.address}`;
    return { cidrs, text: `${cidrs.map((c) => c.text).join(', ')} (${whose})` };
  }
  const texts = pinned ?? settings.healthCheckSources[lb.family] ?? [];
  const cidrs = texts.map(parseCidr).filter((c): c is Cidr => c !== undefined && c.version === 4);
  if (cidrs.length === 0) return new Unknown(`no health-check source range is configured for ${lb.family}`);
  return { cidrs, text: cidrs.map((c) => c.text).join(', ') };
}

/**
 * Backend subnets picked by a conditional whose condition is not known: the source is one of the
 * picks, so it is open among their union (blocked for the union = blocked for every pick; admitted
 * for the union = admitted for every pick). Undefined when a picked CIDR is not known.
 */
function pickedSources(lb: LoadBalancer, condition: Unknown, choices: Subnet[][]): { cidrs: Cidr[]; text: string; open: Open<AddressSet> } | undefined {
  let among = AddressSet.empty(4);
  for (const subnet of choices.flat()) {
    if (isUnknown(subnet.cidr)) return undefined;
    const c = parseCidr(subnet.cidr);
    if (!c) return undefined;
    if (c.version === 4) among = among.union(AddressSet.fromCidr(c));
  }
  if (among.isEmpty()) return undefined;
  const picks = choices.map((c) => c.map((s) => `${s.address} ${String(s.cidr)}`).join(' + ')).join(' or ');
  return {
    cidrs: [],
    text: `the backend subnet of ${lb.address} (${picks}; picked by a condition that is not known: ${condition.reason})`,
    open: openOf(condition, among),
  };
}
