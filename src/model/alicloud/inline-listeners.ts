// Alibaba's old `alicloud_slb` took its listeners inline: a `listener` list of
// `{ lb_protocol, lb_port, instance_port, health_check… }` (later provider versions split them into
// `alicloud_slb_listener`; repositories still hold it). Each entry is a listener on the load
// balancer's default server group, forwarding to `instance_port`, with its own health check (the
// same `health_check_*` names as `alicloud_slb_listener`).
import { Unknown, isUnknown, type ResourceInstance, type Value } from '../../types.js';
import { link } from '../graph.js';
import type { LoadBalancer, Pool } from '../types.js';
import { clbListenerMonitor } from './clb.js';
import { newListener, poolOfLoadBalancer, type Ctx } from './common.js';
import { markUnknownListeners, unknownAt } from '../nodes.js';
import { copyWith, notSet } from '../values.js';

function port(v: Value | undefined): number | Unknown {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (Number.isFinite(n)) return n;
  return isUnknown(v) ? v : new Unknown(`${JSON.stringify(v ?? null)} is not a port`);
}

/** The default server group of `lb` (made by the CLB pass when anything used it, else here). */
function defaultPool(ctx: Ctx, lb: LoadBalancer): Pool {
  const address = `${lb.address} (default server group)`;
  let pool = ctx.model.pools.find((p) => p.address === address);
  if (!pool) {
    pool = poolOfLoadBalancer(lb.resource, address, lb, new Unknown('CLB server groups take the protocol of the listener'));
    pool.anyPortEnabled = true;
    ctx.model.pools.push(pool);
  }
  return pool;
}

export function addInlineListeners(ctx: Ctx): void {
  for (const lb of ctx.model.loadBalancers) {
    if (lb.family !== 'alicloud' || lb.type !== 'alicloud_slb') continue;
    const raw = lb.resource.values.listener;
    if (raw === undefined || raw === null) continue;
    if (isUnknown(raw)) {
      markUnknownListeners(lb, unknownAt(lb.resource, 'listener', raw));
      continue;
    }
    const entries = (Array.isArray(raw) ? raw : [raw]).filter((e): e is Record<string, Value> => typeof e === 'object' && e !== null && !Array.isArray(e) && !isUnknown(e));
    entries.forEach((entry, i) => {
      const r: ResourceInstance = copyWith(lb.resource, { address: `${lb.address}.listener[${i}]`, values: entry });
      const protocol = typeof entry.lb_protocol === 'string' ? entry.lb_protocol.toUpperCase() : isUnknown(entry.lb_protocol) ? entry.lb_protocol : notSet(r.address, 'lb_protocol');
      const listener = newListener(r, lb, protocol, port(entry.lb_port));
      listener.backendPort = port(entry.instance_port);
      ctx.model.listeners.push(listener);
      const pool = defaultPool(ctx, lb);
      link(listener, pool);
      const monitor = clbListenerMonitor(r, listener);
      pool.monitors.push(monitor);
      ctx.model.monitors.push(monitor);
    });
  }
}
