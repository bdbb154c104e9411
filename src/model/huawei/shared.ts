// What is particular to shared load balancers (Huawei `lb_*`, OTC/FE `*_v2`): backends are
// reached from a fixed range, a private VIP always exists, and TCP/UDP listeners may pass the client IP.
import { Unknown, type ResourceInstance } from '../../types.js';
import type { LoadBalancer, Maybe } from '../types.js';
import type { EipBindings } from '../network.js';
import { bool } from '../values.js';
import type { LbProduct, LoadBalancerNode } from './dialect.js';

export function transparentClientIp(r: ResourceInstance, kind: 'dedicated' | 'shared'): Maybe<boolean> {
  // Dedicated ELBs always pass the client IP; shared TCP/UDP listeners default to false.
  if (kind === 'dedicated') return true;
  return bool(r.values.transparent_client_ip_enable) ?? false;
}

/** A shared load balancer: backends are reached from the family's fixed range. */
export function sharedLoadBalancer(node: LoadBalancerNode, r: ResourceInstance, spec: LbProduct['loadBalancer'], eips: EipBindings): LoadBalancer {
  // `node` is fresh: completed in place (a spread would be slow, see node() in model/values.ts).
  return Object.assign(node, {
    backendSubnets: new Unknown('shared load balancers reach backends from a fixed range'),
    crossVpcBackend: false,
    hasPrivateIpv4: true,
    hasIpv6: false,
    hasEip: eips.bound(r, spec.eipPortPaths),
  });
}
