// What is particular to dedicated load balancers (Huawei `elb_*`, OTC/FE `*_v3`): backend subnets
// (the health-check source), IP as a backend, IPv6, and EIPs bound inline.
import { Unknown, isUnknown, unknownAbout, type ResourceInstance, type Value } from '../../types.js';
import type { LoadBalancer, Maybe, Subnet } from '../types.js';
import { type EipBindings, type Resolver } from '../network.js';
import { blocks, bool, isSet, list } from '../values.js';
import type { LbProduct, LoadBalancerNode } from './dialect.js';
import { choicesOf } from '../choices.js';

/** A dedicated load balancer: its backend subnets are the health-check source. */
export function dedicatedLoadBalancer(
  node: LoadBalancerNode,
  r: ResourceInstance,
  spec: LbProduct['loadBalancer'],
  subnet: Maybe<Subnet> | undefined,
  resolveSubnet: Resolver<Subnet>,
  eips: EipBindings,
): LoadBalancer {
  const v = r.values;
  let backendSubnets: Maybe<Subnet[]>;
  const listed = spec.backendSubnetsAttribute ? list(v[spec.backendSubnetsAttribute]) : undefined;
  if (listed !== undefined && !(Array.isArray(listed) && listed.length === 0)) {
    if (isUnknown(listed)) backendSubnets = listed;
    else {
      const out: Subnet[] = [];
      backendSubnets = out;
      for (const id of listed) {
        const s = resolveSubnet(r, id);
        if (s === undefined) continue;
        if (isUnknown(s)) {
          backendSubnets = s;
          break;
        }
        out.push(s);
      }
    }
  } else if (subnet !== undefined) {
    backendSubnets = isUnknown(subnet) ? subnet : [subnet];
  } else {
    const attrs = [spec.subnetAttribute, spec.backendSubnetsAttribute].filter((a): a is string => a !== undefined);
    backendSubnets = unknownAbout(r.address, `${r.address} has no ${attrs.join(' or ')}, so the cloud picks the backend subnet`);
  }
  const backendSubnetChoices = isUnknown(backendSubnets) ? subnetChoices(r, spec, resolveSubnet) : undefined;
  let inlineEip: Maybe<boolean> | undefined;
  for (const a of spec.inlineEipAttributes ?? []) if (v[a] !== undefined && v[a] !== null) inlineEip = true;
  for (const b of spec.inlineEipBlocks ?? []) {
    // A `dynamic` block with an unknown for_each may or may not bind one.
    const found = blocks(v[b]);
    if (isUnknown(found)) inlineEip = inlineEip === true ? true : found;
    else if (found.length > 0) inlineEip = true;
  }
  // `node` is fresh: completed in place (a spread would be slow, see node() in model/values.ts).
  return Object.assign(node, backendSubnetChoices ? { backendSubnets, backendSubnetChoices } : { backendSubnets }, {
    crossVpcBackend: (spec.crossVpcAttribute ? bool(v[spec.crossVpcAttribute]) : undefined) ?? false,
    // An empty string is what `var.x ? id : ""` leaves: the provider sends nothing.
    hasPrivateIpv4: isSet(v[spec.subnetAttribute]),
    hasIpv6: spec.ipv6Attribute ? isSet(v[spec.ipv6Attribute]) : false,
    hasEip: inlineEip ?? eips.bound(r, spec.eipPortPaths),
  });
}

/**
 * The backend subnets a dedicated LB may have when a conditional with an unknown condition picks
 * them (`backend_subnets`, else the LB's own subnet): one list per pick, or undefined when a pick
 * is not a subnet of this configuration.
 */
function subnetChoices(r: ResourceInstance, spec: LbProduct['loadBalancer'], resolveSubnet: Resolver<Subnet>): Subnet[][] | undefined {
  const listed = spec.backendSubnetsAttribute ? r.values[spec.backendSubnetsAttribute] : undefined;
  const useList = listed !== undefined && listed !== null && !(Array.isArray(listed) && listed.length === 0);
  const picks = choicesOf(useList ? listed : r.values[spec.subnetAttribute]);
  if (picks.length <= 1) return undefined;
  const out: Subnet[][] = [];
  for (const pick of picks) {
    const ids = useList ? list(pick) : [pick];
    if (ids === undefined || isUnknown(ids)) return undefined;
    const subnets: Subnet[] = [];
    for (const id of ids) {
      const s = resolveSubnet(r, id as Value);
      if (s === undefined || isUnknown(s)) return undefined;
      subnets.push(s);
    }
    if (subnets.length === 0) return undefined;
    out.push(subnets);
  }
  return out;
}
