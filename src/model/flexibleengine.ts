// FlexibleEngine dialect: dedicated ELB (`flexibleengine_lb_*_v3`, Huawei-dedicated shaped),
// shared ELB (`flexibleengine_lb_*_v2`, Huawei-shared shaped), neutron security groups, network
// ACLs (Huawei legacy shape) and FWaaS v2 firewalls, ECS, ports, VPC subnets and EIPs.
// Attribute names and defaults: providers.md §3; the engine is hw-family.ts.
import type { ResourceIndex } from './graph.js';
import { ELB_MONITOR, elbLoadBalancer, buildHwFamily, fwaasV2, lbTypes, lbaasMonitor, type Dialect } from './huawei/index.js';
import type { Model } from './types.js';

const P = 'flexibleengine_';

export const FLEXIBLEENGINE: Dialect = {
  family: 'flexibleengine',
  // `vpc_subnet_v1` exports `id` (ECS `network.uuid`, ACL `subnets`) and `ipv4_subnet_id`
  // (LB `vip_subnet_id`, members); older provider versions also exported `subnet_id`.
  subnets: [
    { type: `${P}vpc_subnet_v1`, idPaths: [['id'], ['ipv4_subnet_id'], ['subnet_id']] },
    // The neutron subnet, still registered (`resourceNetworkingSubnetV2`).
    { type: `${P}networking_subnet_v2`, idPaths: [['id']] },
  ],
  securityGroup: { group: `${P}networking_secgroup_v2`, rule: `${P}networking_secgroup_rule_v2`, ports: 'port-range' },
  instances: [`${P}compute_instance_v2`],
  ports: [`${P}networking_port_v2`],
  instanceNetworkPort: true,
  eipBindings: [
    { type: `${P}vpc_eip_associate`, path: ['port_id'] },
    // `fixed_ip = lb.vip_address` (+ network_id) binds the EIP to the LB's address.
    { type: `${P}vpc_eip_associate`, path: ['fixed_ip'] },
    { type: `${P}networking_floatingip_associate_v2`, path: ['port_id'] },
    { type: `${P}networking_floatingip_v2`, path: ['port_id'] },
    { type: `${P}vpc_eip`, path: ['publicip', 'port_id'] },
    { type: `${P}vpc_eip_v1`, path: ['publicip', 'port_id'] },
  ],
  acls: {
    legacy: { acl: `${P}network_acl`, rule: `${P}network_acl_rule` },
    firewall: fwaasV2(P),
  },
  products: [
    {
      kind: 'dedicated',
      types: lbTypes(`${P}lb_`, '_v3', []),
      loadBalancer: elbLoadBalancer(['ipv4_port_id', 'ipv4_address']),
      monitor: ELB_MONITOR,
      // `ip_group` + `access_policy`, no `ip_group_enable`: the provider sends
      // `enable_ipgroup = true` whenever `access_policy` is set.
      ipGroup: { type: `${P}elb_ipgroup`, style: 'attribute', enabledDefault: 'policy-set', emptyList: 'empty' },
    },
    {
      kind: 'shared',
      types: lbTypes(`${P}lb_`, '_v2', [`${P}lb_l7policy_v2`]),
      loadBalancer: { subnetAttribute: 'vip_subnet_id', eipPortPaths: ['vip_port_id', 'vip_address'] },
      monitor: lbaasMonitor('port'),
      whitelist: `${P}lb_whitelist_v2`,
    },
  ],
};

export function buildFlexibleEngine(index: ResourceIndex, model: Model): void {
  buildHwFamily(index, model, FLEXIBLEENGINE);
}
