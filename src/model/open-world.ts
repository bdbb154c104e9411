// The world is open: a listener, pool or member that is not in the linted folder may be added
// elsewhere. The four rules that report an absence ask `completedElsewhere` first; a reason means
// "not a finding" (a `--strict` note naming the reason). What stays a defect anywhere: a load
// balancer with backends attached but no listener (servers nobody can reach).
import { Unknown, isUnknown, unknownAbout, type SkippedResource } from '../types.js';
import { baseOf, type FolderFacts, type HandedOn } from './folder.js';
import type { Listener, LoadBalancer, Model, Pool } from './types.js';

export interface OpenWorld extends HandedOn {
  folder?: FolderFacts;
  /** Resources not expanded because their count/for_each is unknown, with the reason. */
  skipped?: readonly Pick<SkippedResource, 'address' | 'reason' | 'unknown'>[];
}

const worlds = new WeakMap<Model, OpenWorld>();

export function attachOpenWorld(model: Model, world: OpenWorld): void {
  worlds.set(model, world);
}

/** The resource a node's caller or cloud controller is handed (a default server group's load balancer). */
function handedOnBase(address: string): string {
  return baseOf(address.replace(/ \(default server group\)$/, ''));
}

function handedOnReason(world: OpenWorld, address: string): string | undefined {
  const base = handedOnBase(address);
  return world.exported.get(base) ?? world.kubernetes.get(base);
}

/** `huaweicloud_elb_pool` → `huaweicloud_elb`: resources of one product. */
function productOf(type: string): string {
  return type.split('_').slice(0, 2).join('_');
}

/**
 * In a reusable module linted on its own: a resource of the same product that was not expanded
 * because an input its caller fills drives its count/for_each (the reason names the input).
 */
function leftToCaller(world: OpenWorld, type: string): Unknown | undefined {
  if (world.folder?.kind !== 'reusable-module') return undefined;
  const skip = world.skipped?.find((s) => {
    const parts = s.address.replace(/\[[^\]]*\]$/, '').split('.');
    const skippedType = parts[parts.length - 2] ?? '';
    return productOf(skippedType) === productOf(type) && skippedType !== type && s.reason.includes("left to the module's caller");
  });
  if (!skip) return undefined;
  return new Unknown(`${skip.reason}; the caller adds them`, undefined, undefined, undefined, { originAddress: skip.address, ...(skip.unknown ? { cause: skip.unknown } : {}) });
}

function isLoadBalancer(node: LoadBalancer | Listener | Pool): node is LoadBalancer {
  return 'backendSubnets' in node;
}

/** A load balancer with servers or server groups attached: without a listener they serve nobody. */
function hasBackendsAttached(model: Model, lb: LoadBalancer): boolean {
  return model.pools.some((p) => p.loadBalancer === lb && (p.members.length > 0 || p.address !== `${lb.address} (default server group)`));
}

/**
 * Why the absence of listeners (for a load balancer), of a backend (for a listener), or of
 * listeners and members (for a pool) may be made good outside this configuration, or undefined.
 */
export function completedElsewhere(model: Model, node: LoadBalancer | Listener | Pool): Unknown | undefined {
  const world = worlds.get(model);
  if (!world) return undefined;
  if (isLoadBalancer(node)) {
    if (hasBackendsAttached(model, node)) return undefined;
    const why = handedOnReason(world, node.address);
    if (why) return unknownAbout(handedOnBase(node.address), `${why}; its caller or the cloud controller may add listeners`);
    return node.hasUnknownListeners ? leftToCaller(world, node.resource.type) : undefined;
  }
  const hidden = 'members' in node ? node.hasUnknownMembers || node.hasUnknownListeners : node.hasUnknownBackend;
  const left = hidden ? leftToCaller(world, node.resource.type) : undefined;
  if (left) return left;
  const own = handedOnReason(world, node.address);
  if (own) return unknownAbout(handedOnBase(node.address), `${own}; its caller may complete it`);
  // The cloud controller of Kubernetes adds listeners and pools to the load balancer it is given.
  const lb = node.loadBalancer;
  if (lb && !isUnknown(lb)) {
    const kube = world.kubernetes.get(baseOf(lb.address));
    if (kube) return unknownAbout(baseOf(lb.address), `${lb.address}: ${kube}; the cloud controller adds what it needs`);
  }
  return undefined;
}
