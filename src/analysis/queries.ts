// Questions several rules ask of the graph.
import { isUnknown } from '../types.js';
import type { HealthMonitor, Listener, Model, Pool } from '../model/types.js';

/** A pool is in use when a listener or forwarding policy sends traffic to it. */
export function isUsed(pool: Pool): boolean {
  return pool.listeners.length > 0;
}

/** The monitors that actually run (enabled true or unknown counts as "may run"). */
function activeMonitors(pool: Pool): HealthMonitor[] {
  return pool.monitors.filter((m) => m.enabled !== false);
}

/**
 * The active monitors that check the traffic of `listener` in `pool`: a monitor that belongs to
 * another listener (Alibaba CLB keeps the health check on the listener) does not.
 */
export function listenerMonitors(pool: Pool, listener: Listener): HealthMonitor[] {
  return activeMonitors(pool).filter((m) => m.listener === undefined || m.listener === listener);
}

export function isHttpMonitor(m: HealthMonitor): boolean {
  return m.protocol === 'HTTP' || m.protocol === 'HTTPS';
}

export function isLayer4(protocol: unknown): boolean {
  return protocol === 'TCP' || protocol === 'UDP';
}

/**
 * `huaweicloud_elb_pool` → `huaweicloud_elb`, `opentelekomcloud_lb_pool_v3` → `opentelekomcloud_lb_v3`:
 * resources of one LB product can reference each other. The version suffix keeps OTC and
 * FlexibleEngine shared (`_v2`) and dedicated (`_v3`) load balancers apart.
 */
export function productOf(resourceType: string): string {
  const parts = resourceType.split('_');
  const version = parts.length > 2 && /^v\d+$/.test(parts[parts.length - 1]!) ? `_${parts[parts.length - 1]}` : '';
  return `${parts.slice(0, 2).join('_')}${version}`;
}

/** Pools of the listener's LB product whose listener reference is unknown: they may belong to it. */
export function hasPoolsWithUnknownListener(model: Model, listener: Listener): boolean {
  return memo(productsWithUnknownListenerPools, model, () => new Set(model.pools.filter((p) => p.hasUnknownListeners).map((p) => productOf(p.type)))).has(
    productOf(listener.type),
  );
}

/** Whether a listener of `family` has a load balancer reference that is not known (it may belong to any LB). */
export function hasListenersWithUnknownLb(model: Model, family: string): boolean {
  return memo(familiesWithUnknownLbListeners, model, () => new Set(model.listeners.filter((l) => isUnknown(l.loadBalancer)).map((l) => l.family))).has(family);
}

// Rules ask these once per listener / load balancer: scan the model once, not once per node.
const productsWithUnknownListenerPools = new WeakMap<Model, Set<string>>();
const familiesWithUnknownLbListeners = new WeakMap<Model, Set<string>>();

function memo<T>(cache: WeakMap<Model, T>, model: Model, compute: () => T): T {
  let v = cache.get(model);
  if (v === undefined) {
    v = compute();
    cache.set(model, v);
  }
  return v;
}
