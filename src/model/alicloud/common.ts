// What the Alibaba products share: the adapter context, node constructors (load balancer,
// listener, pool, member), server lists and weights, on/off switches, zone vSwitches and EIPs.
import { Unknown, isUnknown, unknownAbout, type ResourceInstance, type Value } from '../../types.js';
import { ResourceIndex, noteForeign, type ForeignReference } from '../graph.js';
import type { Backend, LbKind, Listener, LoadBalancer, Maybe, Member, Model, Pool, SecurityGroup, Subnet } from '../types.js';
import { type EipBindings, type Resolver } from '../network.js';
import { markUnknownBackend, markUnknownListeners, markUnknownMembers, poolNode, unknownAt } from '../nodes.js';
import { copyWith, blocks, fieldAt, list, lower, node, num, str } from '../values.js';

export const FAMILY = 'alicloud' as const;

/** `on`/`off` switches (CLB); undefined when absent. */
export function onOff(v: Value | undefined, address: string, attr: string): Maybe<boolean> | undefined {
  const s = lower(str(v));
  if (s === undefined || isUnknown(s)) return s;
  if (s === 'on') return true;
  if (s === 'off') return false;
  return unknownAbout(`${address}.${attr}`, `${address}.${attr} is ${JSON.stringify(s)}, neither "on" nor "off"`);
}

/** Health-check port: 0, -520 and unset mean the backend port. */
export function hcPort(v: Value | undefined): Maybe<number> | undefined {
  const n = num(v);
  if (n === undefined || isUnknown(n)) return n;
  return n === 0 || n === -520 ? undefined : n;
}

/** A code list (`["http_2xx"]`) or csv string, as one csv string. */
export function codes(v: Value | undefined): Maybe<string> | undefined {
  const l = list(v);
  if (l !== undefined && !isUnknown(l)) {
    const parts: string[] = [];
    for (const item of l) {
      const s = str(item);
      if (s === undefined) continue;
      if (isUnknown(s)) return s;
      parts.push(s);
    }
    return parts.join(',');
  }
  return str(v);
}

/** A synthetic resource whose block is the i-th nested block of `type`, so attribute ranges are exact. */
export function nested(r: ResourceInstance, type: string, index: number, values: { [key: string]: Value }, address: string): ResourceInstance {
  const block = r.block.blocks.filter((b) => b.type === type)[index] ?? r.block;
  return copyWith(r, { address, block, values });
}

export interface Ctx {
  index: ResourceIndex;
  model: Model;
  resolveSubnet: Resolver<Subnet>;
  resolveBackend: (from: ResourceInstance, v: Value | undefined, byIp?: boolean) => Maybe<Backend> | undefined;
  foreign: Map<string, ForeignReference>;
  eips: EipBindings;
  /** Security groups named by id references (an ESS scaling configuration's `security_group_ids`). */
  resolveGroupIds(from: ResourceInstance, ids: Maybe<Value[]>): Maybe<SecurityGroup[]>;
}

export function newLoadBalancer(ctx: Ctx, r: ResourceInstance, kind: LbKind, subnet: Maybe<Subnet> | undefined, hasEip: Maybe<boolean>): LoadBalancer {
  return node(r, FAMILY, {
    kind,
    subnet,
    backendSubnets: new Unknown('Alibaba load balancers reach backends from a fixed range'),
    crossVpcBackend: false,
    // CLB always has a service address; ALB/NLB get one per zone mapping.
    hasPrivateIpv4: true,
    hasIpv6: false,
    hasEip,
    // CLB is not subject to network ACLs; ALB/NLB client traffic is not modelled.
    subnetAclFiltersClients: false,
    listeners: [],
    pools: [],
    hasUnknownListeners: false,
  });
}

export function newListener(r: ResourceInstance, lb: Maybe<LoadBalancer> | undefined, protocol: Maybe<string>, port: Maybe<number>): Listener {
  const listener: Listener = node(r, FAMILY, {
    loadBalancer: lb,
    protocol,
    port,
    pools: [],
    hasUnknownBackend: false,
    hasRoutingRules: false,
    // Alibaba load balancers pass the client IP; security groups are not in the path anyway.
    transparentClientIp: false,
    isRedirect: false,
    accessControls: [],
  });
  if (lb && !isUnknown(lb)) lb.listeners.push(listener);
  return listener;
}

/** A pool (server group) node added to the pools of its load balancer. */
export function poolOfLoadBalancer(r: ResourceInstance, address: string, lb: Maybe<LoadBalancer> | undefined, protocol: Maybe<string>): Pool {
  const pool = poolNode(node(r, FAMILY, {}, address), { loadBalancer: lb, protocol, anyPortEnabled: false });
  if (lb && !isUnknown(lb)) lb.pools.push(pool);
  return pool;
}

export function addMember(
  ctx: Ctx,
  pool: Pool,
  r: ResourceInstance,
  address: string,
  server: Value | undefined,
  port: Maybe<number> | undefined,
  weight: Maybe<number>,
  weightAttribute: string | undefined,
  byIp = false,
): void {
  const backend = ctx.resolveBackend(r, server, byIp);
  const member: Member = node(r, FAMILY, {
    pool,
    ip: backend && !isUnknown(backend) ? backend.ip ?? unknownAbout(`${backend.address}.private_ip`, `${backend.address} has no private_ip in this configuration`) : new Unknown('the member address is assigned by the cloud'),
    port: port ?? unknownAbout(`${address}.port`, `${address} has no port`),
    weight,
    weightDefaulted: weightAttribute === undefined,
    at: { port: fieldAt(r, 'port'), weight: fieldAt(r, weightAttribute ?? 'weight') },
    backend,
    subnet: undefined,
  }, address);
  pool.members.push(member);
}

/**
 * Each `type` block of `r` (`servers`, `backend_servers`) as a synthetic resource with exact
 * ranges, addressed `<r>.<type>[i]`; a list that is not known marks the pool's members unknown.
 */
export function eachServer(pool: Pool, r: ResourceInstance, type: string, add: (block: ResourceInstance, server: { [key: string]: Value }) => void): void {
  const servers = blocks(r.values[type]);
  if (isUnknown(servers)) {
    markUnknownMembers(pool, unknownAt(r, type, servers));
    return;
  }
  servers.forEach((s, i) => add(nested(r, type, i, s, `${r.address}.${type}[${i}]`), s));
}

/** Weight with a default (100 on CLB/NLB; 0 on ALB, which the provider sends when omitted). */
export function weightOf(v: { [key: string]: Value }, fallback: number): { weight: Maybe<number>; attr: string | undefined } {
  const w = num(v.weight);
  return w === undefined ? { weight: fallback, attr: undefined } : { weight: w, attr: 'weight' };
}

/**
 * ALB/NLB server groups belong to a VPC, not an LB: a group's LB is the one of the listeners
 * using it, when they agree.
 */
export function placeVpcPools(ctx: Ctx, pools: Pool[]): void {
  for (const p of pools) {
    const lbsOfPool = [...new Set(p.listeners.map((l) => l.loadBalancer))];
    if (lbsOfPool.length === 1) {
      p.loadBalancer = lbsOfPool[0];
      if (p.loadBalancer && !isUnknown(p.loadBalancer)) p.loadBalancer.pools.push(p);
    }
    noteForeign(p, ctx.foreign.get(p.address));
  }
}

/** The first zone mapping's vSwitch of an ALB/NLB (the LB's own address). */
export function zoneSubnet(ctx: Ctx, r: ResourceInstance): Maybe<Subnet> | undefined {
  const zones = blocks(r.values.zone_mappings);
  if (isUnknown(zones)) return zones;
  return zones[0] ? ctx.resolveSubnet(r, zones[0].vswitch_id) : undefined;
}

export function albNlbEip(ctx: Ctx, r: ResourceInstance): Maybe<boolean> {
  const internet = lower(str(r.values.address_type));
  if (internet === 'internet') return true;
  return ctx.eips.bound(r);
}

/**
 * What the resource types of a product that were not expanded (a count or for_each that is not
 * known) may hide: listeners of every load balancer, users (listeners, rules) and members of every
 * server group, server groups of every listener.
 */
export function markHidden(
  index: ResourceIndex,
  types: { listener: string; rule?: string; member?: string; serverGroup: string },
  nodes: { lbs: readonly LoadBalancer[]; pools: readonly Pool[]; listeners: readonly Listener[] },
): void {
  const hiddenListeners = index.hiding(types.listener);
  if (hiddenListeners) for (const lb of nodes.lbs) markUnknownListeners(lb, hiddenListeners);
  const hiddenUsers = hiddenListeners ?? (types.rule !== undefined ? index.hiding(types.rule) : undefined);
  if (hiddenUsers) for (const p of nodes.pools) markUnknownListeners(p, hiddenUsers);
  const hiddenMembers = types.member !== undefined ? index.hiding(types.member) : undefined;
  if (hiddenMembers) for (const p of nodes.pools) markUnknownMembers(p, hiddenMembers);
  const hiddenGroups = index.hiding(types.serverGroup);
  if (hiddenGroups) for (const l of nodes.listeners) markUnknownBackend(l, hiddenGroups);
}
