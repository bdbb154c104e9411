// Questions several rules ask of the graph.
import { isUnknown } from '../types.js';
import type { HealthMonitor, Listener, Model, Pool } from './types.js';

/** A pool is in use when a listener or forwarding policy sends traffic to it. */
export function isUsed(pool: Pool): boolean {
  return pool.listeners.length > 0;
}

/** The monitors that actually run (enabled true or unknown counts as "may run"). */
export function activeMonitors(pool: Pool): HealthMonitor[] {
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

export function joinAddresses(addresses: readonly string[], max = 3): string {
  const shown = addresses.slice(0, max);
  const rest = addresses.length - shown.length;
  const text = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : text;
}

/** `huaweicloud_elb_pool` → `huaweicloud_elb`: resources of one LB product can reference each other. */
export function productOf(resourceType: string): string {
  return resourceType.split('_').slice(0, 2).join('_');
}

/** Pools of the listener's LB product whose listener reference is unknown: they may belong to it. */
export function hasPoolsWithUnknownListener(model: Model, listener: Listener): boolean {
  const product = productOf(listener.resource.type);
  return model.pools.some((p) => p.hasUnknownListeners && productOf(p.resource.type) === product);
}

export function listenersWithUnknownLb(model: Model, family: string): Listener[] {
  return model.listeners.filter((l) => l.family === family && isUnknown(l.loadBalancer));
}
