// Node constructors with their defaults, shared by every adapter.
import type { NodeBase, Pool } from './types.js';

/** A pool with no listeners, members or monitors yet, and nothing unknown about it. */
export function poolNode(base: NodeBase, fields: Pick<Pool, 'loadBalancer' | 'protocol' | 'anyPortEnabled'>): Pool {
  return {
    ...base,
    ...fields,
    listeners: [],
    members: [],
    monitors: [],
    hasForeignReferences: false,
    hasUnknownMembers: false,
    hasUnknownMonitors: false,
    hasUnknownListeners: false,
  };
}
