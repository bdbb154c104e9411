// The load-balancer products of a Huawei-derived family (shared `lb_*`/`*_v2`, dedicated
// `elb_*`/`*_v3`): load balancers, listeners, pools, members, monitors and forwarding policies,
// one pass per product of the dialect. What differs per product: ./shared.ts, ./dedicated.ts.
import { Unknown, isUnknown, type ProviderFamily, type ResourceInstance, type Value } from '../../types.js';
import { ID, ResourceIndex, foreignReferences, link, noteForeign, resolveOrMark, resolveRef, toMap, type ForeignReference } from '../graph.js';
import type { LoadBalancer, Listener, Member, Model, Pool, Subnet } from '../types.js';
import type { EipBindings, Resolver } from '../network.js';
import { blocks, fieldAt, node, notSet, num, str, upper } from '../values.js';
import { accessControls } from './access-controls.js';
import { healthMonitor, poolOfListener } from './nodes.js';
import { markUnknownBackend, markUnknownListeners, markUnknownMembers, markUnknownMonitors, unknownAt } from '../nodes.js';
import { dedicatedLoadBalancer } from './dedicated.js';
import type { Dialect, LbProduct, LoadBalancerNode } from './dialect.js';
import type { HwNetwork } from './network.js';
import { sharedLoadBalancer, transparentClientIp } from './shared.js';

/** The load balancers of every product of `d`, and everything attached to them. */
export function buildHwProducts(index: ResourceIndex, model: Model, d: Dialect, net: HwNetwork): void {
  const FAMILY = d.family;
  const { resolveSubnet, resolveBackend, eips } = net;
  let foreign: Map<string, ForeignReference> | undefined;
  for (const product of d.products) {
    const { kind, types } = product;
    const lbs: LoadBalancer[] = index.ofType(types.loadBalancer).map((r) => loadBalancer(r, product, FAMILY, resolveSubnet, eips));
    const lbByAddress = toMap(lbs);

    const listeners: Listener[] = index.ofType(types.listener).map((r) => {
      const lb = resolveRef(r, r.values.loadbalancer_id, lbByAddress, ID, 'load balancer');
      const listener: Listener = node(r, FAMILY, {
        loadBalancer: lb,
        protocol: upper(str(r.values.protocol)) ?? notSet(r.address, 'protocol'),
        port: num(r.values.protocol_port) ?? notSet(r.address, 'protocol_port'),
        pools: [],
        hasUnknownBackend: false,
        hasRoutingRules: false,
        transparentClientIp: transparentClientIp(r, kind),
        isRedirect: false,
        accessControls: [],
      });
      if (lb && !isUnknown(lb)) lb.listeners.push(listener);
      return listener;
    });
    const listenerByAddress = toMap(listeners);

    const pools: Pool[] = index.ofType(types.pool).map((r) => {
      const { pool, listener } = poolOfListener(r, FAMILY, listenerByAddress);
      const lb = resolveRef(r, r.values.loadbalancer_id, lbByAddress, ID, 'load balancer');
      pool.loadBalancer = lb ?? (listener && !isUnknown(listener) ? listener.loadBalancer : listener);
      if (pool.loadBalancer && !isUnknown(pool.loadBalancer)) pool.loadBalancer.pools.push(pool);
      return pool;
    });
    const poolByAddress = toMap(pools);

    for (const listener of listeners) {
      const v = listener.resource.values.default_pool_id;
      const pool = resolveRef(listener.resource, v, poolByAddress, ID, 'pool');
      if (pool && !isUnknown(pool)) link(listener, pool);
      else if (isUnknown(pool)) markUnknownBackend(listener, unknownAt(listener.resource, 'default_pool_id', pool));
    }

    for (const r of index.ofType(...types.policies)) {
      const listener = resolveRef(r, r.values.listener_id, listenerByAddress, ID, 'listener');
      const targets: (Value | undefined)[] = [r.values.redirect_pool_id];
      const configs = blocks(r.values.redirect_pools_config);
      if (isUnknown(configs)) targets.push(configs);
      else for (const c of configs) targets.push(c.pool_id);
      if (listener && !isUnknown(listener)) listener.hasRoutingRules = true;
      const listenerWhy = listener === undefined ? notSet(r.address, 'listener_id') : isUnknown(listener) ? unknownAt(r, 'listener_id', listener) : undefined;
      for (const t of targets) {
        const pool = resolveRef(r, t, poolByAddress, ID, 'pool');
        if (pool && !isUnknown(pool)) {
          if (listener && !isUnknown(listener)) link(listener, pool);
          else markUnknownListeners(pool, listenerWhy!);
        } else if (isUnknown(pool)) {
          if (listener && !isUnknown(listener)) markUnknownBackend(listener, unknownAt(r, t === r.values.redirect_pool_id ? 'redirect_pool_id' : 'redirect_pools_config', pool));
        }
      }
      if (listenerWhy) {
        // A policy on a listener we cannot see may use any pool.
        for (const p of pools) markUnknownListeners(p, listenerWhy);
      }
    }

    for (const r of index.ofType(types.member)) {
      const pool = resolveOrMark(r, r.values.pool_id, poolByAddress, 'pool', (why) => {
        for (const p of pools) markUnknownMembers(p, unknownAt(r, 'pool_id', why));
      });
      if (pool === undefined) continue;
      const address = str(r.values.address) ?? notSet(r.address, 'address');
      const member: Member = node(r, FAMILY, {
        pool,
        ip: address,
        port: num(r.values.protocol_port) ?? notSet(r.address, 'protocol_port'),
        // The API default weight is 1 (providers.md §1.4, §1.8, §2.1).
        weight: num(r.values.weight) ?? 1,
        weightDefaulted: r.values.weight === undefined,
        at: { port: fieldAt(r, 'protocol_port'), weight: fieldAt(r, 'weight') },
        backend: resolveBackend(r, address),
        subnet: resolveSubnet(r, r.values.subnet_id),
      });
      pool.members.push(member);
    }

    for (const r of index.ofType(types.monitor)) {
      const pool = resolveOrMark(r, r.values.pool_id, poolByAddress, 'pool', (why) => {
        for (const p of pools) markUnknownMonitors(p, unknownAt(r, 'pool_id', why));
      });
      if (pool === undefined) continue;
      const monitor = healthMonitor(r, FAMILY, product.monitor);
      pool.monitors.push(monitor);
      model.monitors.push(monitor);
    }

    // Members, monitors, policies or pools with an unknown count/for_each are not expanded: any
    // pool may have them, any listener may use them.
    const hiddenListeners = index.hiding(types.listener);
    if (hiddenListeners) for (const lb of lbs) markUnknownListeners(lb, hiddenListeners);
    const hiddenMembers = index.hiding(types.member);
    if (hiddenMembers) for (const p of pools) markUnknownMembers(p, hiddenMembers);
    const hiddenMonitors = index.hiding(types.monitor);
    if (hiddenMonitors) for (const p of pools) markUnknownMonitors(p, hiddenMonitors);
    const hiddenPolicies = types.policies.map((t) => index.hiding(t)).find((u) => u !== undefined);
    if (hiddenPolicies) for (const p of pools) markUnknownListeners(p, hiddenPolicies);
    const hiddenPools = index.hiding(types.pool) ?? (product.activeStandbyPool !== undefined ? index.hiding(product.activeStandbyPool) : undefined);
    if (hiddenPools) for (const l of listeners) markUnknownBackend(l, hiddenPools);

    if (pools.length > 0) {
      foreign ??= foreignReferences(index, lbResourceTypes(d));
      for (const p of pools) noteForeign(p, foreign.get(p.address));
    }

    accessControls(index, product, FAMILY, listenerByAddress, model);

    model.loadBalancers.push(...lbs);
    model.listeners.push(...listeners);
    model.pools.push(...pools);
  }

}

/** Resource types whose references to a pool are understood by the adapter of `d`. */
function lbResourceTypes(d: Dialect): Set<string> {
  const out = new Set<string>();
  for (const p of d.products) {
    const t = p.types;
    for (const type of [t.loadBalancer, t.listener, t.pool, t.member, t.monitor, ...t.policies]) out.add(type);
    if (p.activeStandbyPool) out.add(p.activeStandbyPool);
    if (p.whitelist) out.add(p.whitelist);
    if (p.ipGroup) out.add(p.ipGroup.type);
  }
  return out;
}

/** The node of a load balancer; its product decides the rest (./shared.ts, ./dedicated.ts). */
function loadBalancer(r: ResourceInstance, product: LbProduct, family: ProviderFamily, resolveSubnet: Resolver<Subnet>, eips: EipBindings): LoadBalancer {
  const spec = product.loadBalancer;
  const subnet = resolveSubnet(r, r.values[spec.subnetAttribute]);
  const lbNode: LoadBalancerNode = node(r, family, {
    kind: product.kind,
    subnet,
    // The VPC's network ACL on the LB's subnet filters client traffic too (providers.md §5).
    subnetAclFiltersClients: true,
    listeners: [],
    pools: [],
    hasUnknownListeners: false,
  });
  return product.kind === 'shared' ? sharedLoadBalancer(lbNode, r, spec, eips) : dedicatedLoadBalancer(lbNode, r, spec, subnet, resolveSubnet, eips);
}
