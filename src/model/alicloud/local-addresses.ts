// Alibaba ALB and NLB reach their backends from local addresses in their own vSwitches (the
// `zone_mappings`), not from 100.64.0.0/10 as CLB does:
// - ALB: "An upgraded ALB instance uses local IP addresses from its vSwitch CIDR block to
//   communicate with backend servers … A non-upgraded ALB instance uses IP addresses in the
//   100.64.0.0/10 CIDR block" (ALB user guide, Health checks,
//   alibabacloud.com/help/en/slb/application-load-balancer/user-guide/health-check-management);
//   every ALB created since the 2025-02-25 upgrade is an upgraded one (ALB product overview).
// - NLB: "NLB uses its local IP address for health checks" (NLB health-check overview,
//   help.aliyun.com/en/slb/network-load-balancer/user-guide/nlb-health-check-overview).
// The vSwitches of the zone mappings are therefore the source of the network-ACL checks, like the
// backend subnets of a Huawei dedicated ELB. `healthCheckSources["alicloud-alb"]` in the config
// puts a non-upgraded ALB back on a fixed range (src/analysis/sources.ts).
import { Unknown, isUnknown, unknownAbout } from '../../types.js';
import type { Subnet } from '../types.js';
import { blocks } from '../values.js';
import type { Ctx } from './common.js';

export function addLocalAddressSubnets(ctx: Ctx): void {
  for (const lb of ctx.model.loadBalancers) {
    if (lb.family !== 'alicloud' || (lb.kind !== 'alb' && lb.kind !== 'nlb')) continue;
    const zones = blocks(lb.resource.values.zone_mappings);
    if (isUnknown(zones)) {
      lb.backendSubnets = zones;
      continue;
    }
    const found: Subnet[] = [];
    let unknown: Unknown | undefined;
    for (const z of zones) {
      const s = ctx.resolveSubnet(lb.resource, z.vswitch_id);
      if (s === undefined) continue;
      if (isUnknown(s)) unknown ??= s;
      else found.push(s);
    }
    lb.backendSubnets = unknown ?? (found.length ? found : unknownAbout(`${lb.address}.zone_mappings`, `${lb.address} has no zone mapping with a vSwitch of this configuration`));
  }
}
