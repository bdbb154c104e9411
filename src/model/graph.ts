// Family-independent graph plumbing: an address index of the evaluated resources and the
// resolution of references (`huaweicloud_elb_pool.web.id`) into model nodes.
import { OneOf, Unknown, isUnknown, type ResourceInstance, type Value } from '../types.js';
import { currentType } from './aliases.js';
import type { Listener, Maybe, Model, Pool } from './types.js';

/** The reference path of an exported `id` (`resolveRef(…, ID, …)`). */
export const ID = [['id']] as const;

export class ResourceIndex {
  private readonly byAddress = new Map<string, ResourceInstance>();
  private readonly byType = new Map<string, ResourceInstance[]>();

  /**
   * `skipped`: resources (and module calls) whose count/for_each is unknown, so their instances
   * are missing from `resources`; adapters must not treat what they would add as absent.
   */
  constructor(
    resources: readonly ResourceInstance[],
    private readonly skipped: readonly { address: string; reason?: string; unknown?: Unknown }[] = [],
  ) {
    for (const r of resources) {
      this.byAddress.set(r.address, r);
      const list = this.byType.get(r.type);
      if (list) list.push(r);
      else this.byType.set(r.type, [r]);
    }
  }

  ofType(...types: string[]): ResourceInstance[] {
    return types.flatMap((t) => this.byType.get(t) ?? []).filter((r) => r.mode === 'managed');
  }

  all(): ResourceInstance[] {
    return [...this.byAddress.values()].filter((r) => r.mode === 'managed');
  }

  get(address: string): ResourceInstance | undefined {
    return this.byAddress.get(address);
  }

  /** Whether instances of a managed resource of `type` may be missing (unknown count/for_each, here or in a module). */
  hasSkipped(type: string): boolean {
    return this.skippedBy(type) !== undefined;
  }

  /** Why instances of `type` may be hidden (the first skipped resource or module call), or undefined. */
  hiding(type: string): Unknown | undefined {
    const s = this.skippedBy(type);
    if (s === undefined) return undefined;
    // Keyed by the skipped resource, or by what its count/for_each comes from.
    const source = { originAddress: s.address, ...(s.unknown ? { cause: s.unknown } : {}) };
    if (s.reason === undefined) return new Unknown(`${s.address} is not expanded`, undefined, undefined, undefined, source);
    if (s.reason.includes(s.address)) return new Unknown(s.reason, undefined, undefined, undefined, source);
    return new Unknown(`${s.address} has a count or for_each that is not known: ${s.reason}`, undefined, undefined, undefined, source);
  }

  /** The skipped resource or module call (the first) that may hide instances of `type`, for the notes to name. */
  skippedBy(type: string): { address: string; reason?: string; unknown?: Unknown } | undefined {
    return this.skipped.find((s) => {
      // `…type.name` or `…module.name`; the resource part never contains dots, module keys may.
      const parts = s.address.replace(/\[[^\]]*\]$/, '').split('.');
      const kind = parts[parts.length - 2];
      // A skipped module call hides every resource inside it.
      if (kind === 'module') return true;
      return kind !== undefined && currentType(kind) === type && parts[parts.length - 3] !== 'data';
    });
  }
}

/** Address of the module a resource lives in, as a prefix: `module.a.` or ''. */
export function modulePrefix(r: ResourceInstance): string {
  return r.modulePath.length ? `${r.modulePath.join('.')}.` : '';
}

/**
 * Resolves an id-valued attribute to a node of `nodes` (keyed by address).
 * - absent → undefined
 * - a reference to one of `nodes` through one of `paths` → the node
 * - a literal id or any other value → Unknown (the thing exists outside this configuration)
 */
export function resolveRef<T>(
  from: ResourceInstance,
  v: Value | undefined,
  nodes: ReadonlyMap<string, T>,
  paths: readonly (readonly string[])[],
  what: string,
): Maybe<T> | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (v instanceof OneOf) {
    // A conditional whose condition is not known: one node when every branch names the same one.
    const picks = v.choices.map((c) => resolveRef(from, c, nodes, paths, what));
    const first = picks[0];
    if (first !== undefined && !isUnknown(first) && picks.every((p) => p === first)) return first;
    return v;
  }
  if (isUnknown(v)) {
    const ref = v.ref;
    if (ref && paths.some((p) => p.length === ref.path.length && p.every((s, i) => s === ref.path[i]))) {
      const node = nodes.get(ref.address) ?? nodes.get(modulePrefix(from) + ref.address);
      if (node) return node;
      return new Unknown(`${what} ${ref.address} is not defined in this configuration`, v.origin, undefined, undefined, { originAddress: ref.address });
    }
    return v;
  }
  if (typeof v === 'string') return new Unknown(`${what} '${v}' is not defined in this configuration`);
  return new Unknown(`${what} has an unexpected value`);
}

/**
 * `resolveRef` for a resource that attaches itself to a node (a member to its pool): a known node,
 * or undefined; when the reference is not known, `onUnknown` marks every node it may name.
 */
export function resolveOrMark<T>(
  from: ResourceInstance,
  v: Value | undefined,
  nodes: ReadonlyMap<string, T>,
  what: string,
  onUnknown: (why: Unknown) => void,
): T | undefined {
  const node = resolveRef(from, v, nodes, ID, what);
  if (node === undefined || !isUnknown(node)) return node;
  onUnknown(node);
  return undefined;
}

/** Nodes keyed by Terraform address (the `nodes` argument of `resolveRef`). */
export function toMap<T extends { address: string }>(nodes: readonly T[]): Map<string, T> {
  return new Map(nodes.map((n) => [n.address, n]));
}

/** Records that `listener` sends traffic to `pool` (both directions, once). */
export function link(listener: Listener, pool: Pool): void {
  if (!listener.pools.includes(pool)) listener.pools.push(pool);
  if (!pool.listeners.includes(listener)) pool.listeners.push(listener);
}

/**
 * Addresses referenced by resources whose type is not in `own` (an auto-scaling group's
 * listeners or `loadbalancer_ids`, a CCE/Kubernetes service…): a pool among them may get members
 * or traffic from there, so it is never called empty or unused. Both the address as written and
 * with the referring module's prefix are included, each with the address of the first resource
 * that references it (`by`), and of the first that is not an auto-scaling feed (`traffic`): a feed
 * (`isScalingFeed`) registers instances in a pool, and never routes traffic to it.
 */
export function foreignReferences(index: ResourceIndex, own: ReadonlySet<string>): Map<string, ForeignReference> {
  const foreign = new Map<string, ForeignReference>();
  const add = (a: string, by: string, feed: boolean) => {
    const seen = foreign.get(a);
    if (seen === undefined) foreign.set(a, feed ? { by } : { by, traffic: by });
    else if (!feed) seen.traffic ??= by;
  };
  for (const r of index.all()) {
    if (own.has(r.type)) continue;
    const feed = isScalingFeed(r.type);
    for (const ref of collectRefs(r.values)) {
      const a = ref.ref?.address;
      if (a) {
        add(a, r.address, feed);
        add(modulePrefix(r) + a, r.address, feed);
      }
    }
  }
  return foreign;
}

/** Who references a pool from outside the modelled load-balancer resources (see foreignReferences). */
export interface ForeignReference {
  by: string;
  traffic?: string;
}

/** Records on `pool` that resources we do not model reference it (the first of each kind wins). */
export function noteForeign(pool: Pool, ref: ForeignReference | undefined): void {
  if (ref === undefined) return;
  pool.hasForeignReferences = true;
  pool.foreignReferrer ??= ref.by;
  if (ref.traffic !== undefined) pool.foreignTrafficReferrer ??= ref.traffic;
}

/**
 * Auto-scaling resources that register their instances in pools (Huawei-family `*_as_group`
 * `lbaas_listeners`, Alibaba ESS): they add members, never listeners or routes.
 */
export function isScalingFeed(type: string): boolean {
  return HW_AS_GROUP.test(type) || /^alicloud_ess_(scaling_group|scalinggroup_vserver_groups|server_group_attachment|alb_server_group_attachment)$/.test(type);
}

/** A Huawei-family auto-scaling group (`*_as_group`, `_v1`): model/autoscaling.ts reads its `lbaas_listeners`. */
export const HW_AS_GROUP = /^(huaweicloud|opentelekomcloud|flexibleengine)_as_group(?:_v1)?$/;

/** Every resource reference anywhere inside a value (for "is this pool referenced by something we do not model?"). */
export function collectRefs(v: Value | undefined, out: Unknown[] = []): Unknown[] {
  if (v === undefined || v === null) return out;
  if (isUnknown(v)) {
    if (v.ref) out.push(v);
    return out;
  }
  if (Array.isArray(v)) {
    for (const item of v) collectRefs(item, out);
  } else if (typeof v === 'object') {
    for (const item of Object.values(v)) collectRefs(item, out);
  }
  return out;
}

export function emptyModel(): Model {
  return {
    loadBalancers: [],
    listeners: [],
    pools: [],
    monitors: [],
    accessControls: [],
  };
}
