// Node constructors with their defaults, shared by every adapter.
import { restate, type ResourceInstance, type Unknown } from '../types.js';
import type { Listener, LoadBalancer, NodeBase, Pool } from './types.js';

/** A pool with no listeners, members or monitors yet, and nothing unknown about it. */
export function poolNode(base: NodeBase, fields: Pick<Pool, 'loadBalancer' | 'protocol' | 'anyPortEnabled'>): Pool {
  // `base` is a fresh node: Object.assign, not spreads (see node() in values.ts).
  return Object.assign(base, fields, {
    listeners: [],
    members: [],
    monitors: [],
    hasForeignReferences: false,
    hasUnknownMembers: false,
    hasUnknownMonitors: false,
    hasUnknownListeners: false,
  });
}

// A flag that "none" cannot be proven is set only with what was not known (the first wins), so that
// the notes of the rules that read it name the expression as the user wrote it (issue 19 §4).

export function markUnknownMembers(pool: Pool, why: Unknown): void {
  pool.hasUnknownMembers = true;
  pool.unknownMembersWhy ??= own(pool, why);
}

export function markUnknownMonitors(pool: Pool, why: Unknown): void {
  pool.hasUnknownMonitors = true;
  pool.unknownMonitorsWhy ??= own(pool, why);
}

export function markUnknownListeners(node: Pool | LoadBalancer, why: Unknown): void {
  node.hasUnknownListeners = true;
  node.unknownListenersWhy ??= own(node, why);
}

export function markUnknownBackend(listener: Listener, why: Unknown): void {
  listener.hasUnknownBackend = true;
  listener.unknownBackendWhy ??= own(listener, why);
}

/** The notes name the node already: `default_pool_id: var.pool_id has no value` on the listener itself. */
function own(node: { address: string }, why: Unknown): Unknown {
  const prefix = `${node.address}: `;
  return why.reason.startsWith(prefix) ? restate(why, why.reason.slice(prefix.length)) : why;
}

/** `u` as read from `attr` of `r`: `huaweicloud_elb_member.api[0]: pool_id: var.pool_id has no value`. */
export function unknownAt(r: ResourceInstance, attr: string | undefined, u: Unknown): Unknown {
  return restate(u, `${r.address}: ${attr !== undefined ? `${attr}: ` : ''}${u.reason}`);
}
