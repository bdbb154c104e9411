// The adapter of the Huawei-derived families (Huawei Cloud, Open Telekom Cloud, FlexibleEngine):
// one engine driven by a per-family dialect (./dialect.ts). Network first (./network.ts, ./acls.ts),
// then each load-balancer product (./products.ts with ./shared.ts and ./dedicated.ts), its access
// controls (./access-controls.ts) and Huawei's active-standby pools (./active-standby.ts).
import type { ResourceIndex } from '../graph.js';
import type { Model } from '../types.js';
import type { Dialect } from './dialect.js';
import { activeStandbyPools } from './active-standby.js';
import { buildHwNetwork } from './network.js';
import { buildHwProducts } from './products.js';
import { addAsGroupMembers } from '../autoscaling.js';

export { ELB_MONITOR, elbLoadBalancer, fwaasV2, lbTypes, lbaasMonitor, type Dialect, type IpGroupStyle, type LbProduct } from './dialect.js';

export function buildHwFamily(index: ResourceIndex, model: Model, d: Dialect): void {
  const net = buildHwNetwork(index, d);
  buildHwProducts(index, model, d, net);
  addAsGroupMembers(index, model, d.family, net);
  for (const product of d.products) {
    if (product.activeStandbyPool) activeStandbyPools(index, product.activeStandbyPool, d.family, model);
  }
}
