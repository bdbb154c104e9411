// Questions several rules ask of the graph.
import { Unknown, isUnknown, restate, unknownAbout } from '../types.js';
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

/**
 * A pool of the listener's LB product whose listener reference is unknown (it may belong to the
 * listener): why, naming the pool and what was not known; undefined when there is none.
 */
export function hasPoolsWithUnknownListener(model: Model, listener: Listener): Unknown | undefined {
  const byProduct = memo(productsWithUnknownListenerPools, model, () => {
    const out = new Map<string, Unknown>();
    for (const p of model.pools) {
      const product = productOf(p.type);
      if (!p.hasUnknownListeners || out.has(product)) continue;
      const why = p.unknownListenersWhy;
      out.set(product, why ? restate(why, `${p.address} may belong to it: ${why.reason}`) : unknownAbout(p.address, `${p.address} may belong to it`));
    }
    return out;
  });
  return byProduct.get(productOf(listener.type));
}

/**
 * A listener of `family` whose load balancer reference is not known (it may belong to any LB):
 * why, naming the listener and the reference; undefined when there is none.
 */
export function hasListenersWithUnknownLb(model: Model, family: string): Unknown | undefined {
  const byFamily = memo(familiesWithUnknownLbListeners, model, () => {
    const out = new Map<string, Unknown>();
    for (const l of model.listeners) {
      if (!isUnknown(l.loadBalancer) || out.has(l.family)) continue;
      const u = l.loadBalancer;
      out.set(l.family, restate(u, `${l.address} may belong to it: ${u.reason}`));
    }
    return out;
  });
  return byFamily.get(family);
}

// Rules ask these once per listener / load balancer: scan the model once, not once per node.
const productsWithUnknownListenerPools = new WeakMap<Model, Map<string, Unknown>>();
const familiesWithUnknownLbListeners = new WeakMap<Model, Map<string, Unknown>>();

function memo<T>(cache: WeakMap<Model, T>, model: Model, compute: () => T): T {
  let v = cache.get(model);
  if (v === undefined) {
    v = compute();
    cache.set(model, v);
  }
  return v;
}

/** Why a pool that a resource we do not model references may get `what` from it (`Pool.foreignReferrer`). */
export function foreignReason(referrer: string | undefined, what: 'members' | 'traffic'): Unknown | undefined {
  return referrer === undefined ? undefined : unknownAbout(referrer, `${referrer} references it and may give it ${what}`);
}
