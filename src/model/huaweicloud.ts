// Huawei Cloud dialect: dedicated ELB (`huaweicloud_elb_*`), shared ELB (`huaweicloud_lb_*`),
// security groups, network ACLs (current and legacy), ECS, ports, subnets and EIPs.
// Attribute names and defaults: ../shared/reference/providers.md §1. The engine is hw-family.ts.
import type { ResourceIndex } from './graph.js';
import { ELB_MONITOR, elbLoadBalancer, buildHwFamily, fwaasV2, lbaasMonitor, type Dialect } from './huawei/index.js';
import type { Model } from './types.js';

export const HUAWEICLOUD: Dialect = {
  family: 'huaweicloud',
  // LB and member resources take `ipv4_subnet_id`; ECS, ACLs and backend_subnets take `id`.
  subnets: [
    { type: 'huaweicloud_vpc_subnet', idPaths: [['id'], ['ipv4_subnet_id'], ['subnet_id']] },
    // Neutron subnet, registered as deprecated (`deprecated.ResourceNetworkingSubnetV2`).
    { type: 'huaweicloud_networking_subnet_v2', idPaths: [['id']] },
  ],
  securityGroup: { group: 'huaweicloud_networking_secgroup', rule: 'huaweicloud_networking_secgroup_rule', ports: 'ports' },
  // Registered as deprecated (`deprecated.ResourceComputeSecGroupV2` in the provider's resource map).
  computeSecurityGroups: ['huaweicloud_compute_secgroup_v2'],
  instances: ['huaweicloud_compute_instance'],
  ports: ['huaweicloud_networking_port'],
  eipBindings: [
    { type: 'huaweicloud_vpc_eip_associate', path: ['port_id'] },
    { type: 'huaweicloud_vpc_eipv3_associate', path: ['associate_instance_id'] },
    { type: 'huaweicloud_vpc_eip', path: ['publicip', 'port_id'] },
  ],
  acls: {
    inline: 'huaweicloud_vpc_network_acl',
    legacy: { acl: 'huaweicloud_network_acl', rule: 'huaweicloud_network_acl_rule' },
    // The deprecated `huaweicloud_fw_*_v2` (provider.go: deprecated.ResourceFWFirewallGroupV2…),
    // the OTC/FlexibleEngine firewall schema; its ports are `huaweicloud_networking_port(_v2)`.
    firewall: Object.assign(fwaasV2('huaweicloud_'), { port: 'huaweicloud_networking_port' }),
  },
  products: [
    {
      kind: 'dedicated',
      types: {
        loadBalancer: 'huaweicloud_elb_loadbalancer',
        listener: 'huaweicloud_elb_listener',
        pool: 'huaweicloud_elb_pool',
        member: 'huaweicloud_elb_member',
        monitor: 'huaweicloud_elb_monitor',
        policies: ['huaweicloud_elb_l7policy'],
      },
      loadBalancer: elbLoadBalancer(['ipv4_port_id']),
      monitor: ELB_MONITOR,
      ipGroup: { type: 'huaweicloud_elb_ipgroup', style: 'attribute', enabledAttribute: 'ip_group_enable', enabledDefault: 'unknown', emptyList: 'empty' },
      activeStandbyPool: 'huaweicloud_elb_active_standby_pool',
    },
    {
      kind: 'shared',
      types: {
        loadBalancer: 'huaweicloud_lb_loadbalancer',
        listener: 'huaweicloud_lb_listener',
        pool: 'huaweicloud_lb_pool',
        member: 'huaweicloud_lb_member',
        monitor: 'huaweicloud_lb_monitor',
        policies: ['huaweicloud_lb_l7policy'],
      },
      loadBalancer: { subnetAttribute: 'vip_subnet_id', eipPortPaths: ['vip_port_id'] },
      monitor: lbaasMonitor('port'),
      whitelist: 'huaweicloud_lb_whitelist',
    },
  ],
};

export function buildHuaweiCloud(index: ResourceIndex, model: Model): void {
  buildHwFamily(index, model, HUAWEICLOUD);
}
