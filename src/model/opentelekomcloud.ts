// Open Telekom Cloud dialect: shared ELB (`opentelekomcloud_lb_*_v2`), dedicated ELB
// (`opentelekomcloud_lb_*_v3`), neutron security groups, the FWaaS v2 firewall (OTC's network
// ACL), ECS, ports, VPC subnets and EIPs. Attribute names and defaults: providers.md §2;
// the engine is hw-family.ts.
import type { ResourceIndex } from './graph.js';
import { buildHwFamily, fwaasV2, lbTypes, lbaasMonitor, type Dialect } from './huawei/index.js';
import type { Model } from './types.js';

const P = 'opentelekomcloud_';

export const OPENTELEKOMCLOUD: Dialect = {
  family: 'opentelekomcloud',
  // `vpc_subnet_v1` has three ids: `id` (= `network_id`, taken by ECS `network.uuid` and v3
  // `network_ids`) and `subnet_id` (the neutron subnet, taken by LB `vip_subnet_id`/`subnet_id`
  // and members): resolve a subnet through any of them.
  subnets: [
    { type: `${P}vpc_subnet_v1`, idPaths: [['id'], ['network_id'], ['subnet_id']] },
    // The neutron subnet (`subnet_id` of shared-ELB members and VIPs).
    { type: `${P}networking_subnet_v2`, idPaths: [['id']] },
  ],
  securityGroup: { group: `${P}networking_secgroup_v2`, rule: `${P}networking_secgroup_rule_v2`, ports: 'port-range' },
  // ecs/resource_opentelekomcloud_compute_secgroup_v2.go, still registered by the provider.
  computeSecurityGroups: [`${P}compute_secgroup_v2`],
  portSecurityGroupAssociations: [`${P}networking_port_secgroup_associate_v2`],
  instances: [`${P}compute_instance_v2`],
  ports: [`${P}networking_port_v2`],
  instanceNetworkPort: true,
  eipBindings: [
    { type: `${P}networking_floatingip_associate_v2`, path: ['port_id'] },
    { type: `${P}networking_floatingip_v2`, path: ['port_id'] },
    { type: `${P}vpc_eip_v1`, path: ['publicip', 'port_id'] },
  ],
  acls: {
    firewall: fwaasV2(P),
  },
  products: [
    {
      kind: 'dedicated',
      types: lbTypes(`${P}lb_`, '_v3', [`${P}lb_policy_v3`]),
      loadBalancer: {
        // `subnet_id` gives the private IPv4; `network_ids` are the backend subnets.
        subnetAttribute: 'subnet_id',
        backendSubnetsAttribute: 'network_ids',
        crossVpcAttribute: 'ip_target_enable',
        inlineEipBlocks: ['public_ip'],
        eipPortPaths: ['vip_port_id'],
      },
      monitor: lbaasMonitor('monitor_port'),
      // `ip_group { id, enable, type }`, `enable` false unless set; an ipgroup without
      // `ip_list` is "any IP" in one doc and "nobody" in another (providers.md §2.2).
      ipGroup: { type: `${P}lb_ipgroup_v3`, style: 'block', emptyList: 'unknown' },
    },
    {
      kind: 'shared',
      types: lbTypes(`${P}lb_`, '_v2', [`${P}lb_l7policy_v2`]),
      loadBalancer: { subnetAttribute: 'vip_subnet_id', eipPortPaths: ['vip_port_id'] },
      monitor: lbaasMonitor('monitor_port'),
      whitelist: `${P}lb_whitelist_v2`,
      ipGroup: { type: `${P}lb_ipgroup_v3`, style: 'block', emptyList: 'unknown' },
    },
  ],
};

export function buildOpenTelekomCloud(index: ResourceIndex, model: Model): void {
  buildHwFamily(index, model, OPENTELEKOMCLOUD);
}
