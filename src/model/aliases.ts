// Older resource names the providers still register for the same implementation as the current
// name. Real repositories use them (`huaweicloud_lb_pool_v2`), so the adapters must see them as the
// resource they are. Data, not logic: each entry is `alias → current name`, taken from the
// providers' own resource registration (ResourcesMap), where both names map to one function:
//
// - huaweicloud/terraform-provider-huaweicloud, huaweicloud/provider.go at a0345b8d (2026-08-21):
//   "huaweicloud_lb_loadbalancer_v2": lb.ResourceLoadBalancer() like "huaweicloud_lb_loadbalancer",
//   and so on for listener, pool (ResourcePoolV2), member, monitor, l7policy, whitelist;
//   "huaweicloud_networking_secgroup(_rule)_v2": vpc.ResourceNetworkingSecGroup(Rule)();
//   "huaweicloud_compute_instance_v2": ecs.ResourceComputeInstance(); "huaweicloud_vpc_v1",
//   "huaweicloud_vpc_subnet_v1", "huaweicloud_vpc_eip_v1" (eip.ResourceVpcEIPV1);
//   "huaweicloud_as_group_v1": as.ResourceASGroup(); "huaweicloud_networking_port_v2" and
//   "huaweicloud_networking_port": deprecated.ResourceNetworkingPortV2(). The deprecated
//   "huaweicloud_fw_firewall_group_v2" / "_policy_v2" / "_rule_v2" have no current name: they are
//   modelled as the OTC/FlexibleEngine firewall of the same schema (huaweicloud.ts).
//   ("huaweicloud_ecs_instance_v1" is another schema, not an alias.)
// - FlexibleEngineCloud/terraform-provider-flexibleengine, flexibleengine/provider.go at daeea520
//   (2024-03-20): "flexibleengine_vpc_eip" and "_vpc_eip_v1" (resourceVpcEIPV1),
//   "flexibleengine_as_group" and "_as_group_v1" (resourceASGroup). Its LB, security-group and
//   ECS resources exist under their `_v2`/`_v3` names only, which the adapter uses already.
// - opentelekomcloud/terraform-provider-opentelekomcloud, opentelekomcloud/provider.go at 88f1cf1e
//   (2024-10-24): no two names share an implementation; nothing to alias.
// - aliyun/terraform-provider-alicloud, alicloud/provider.go at 81c43b67 (2026-08-21):
//   "alicloud_slb" and "alicloud_slb_load_balancer" (resourceAlicloudSlbLoadBalancer),
//   "alicloud_subnet" and "alicloud_vswitch" (resourceAliCloudVpcVswitch), "alicloud_eip" and
//   "alicloud_eip_address" (resourceAliCloudEipAddress). The adapter already reads `alicloud_slb`;
//   `alicloud_slb`'s inline `listener` list (an attribute of old provider versions) is read by
//   inline-listeners.ts.
import type { ResourceInstance } from '../types.js';
import { copyWith } from './values.js';

export const RESOURCE_ALIASES: Readonly<Record<string, string>> = {
  huaweicloud_lb_loadbalancer_v2: 'huaweicloud_lb_loadbalancer',
  huaweicloud_lb_listener_v2: 'huaweicloud_lb_listener',
  huaweicloud_lb_pool_v2: 'huaweicloud_lb_pool',
  huaweicloud_lb_member_v2: 'huaweicloud_lb_member',
  huaweicloud_lb_monitor_v2: 'huaweicloud_lb_monitor',
  huaweicloud_lb_l7policy_v2: 'huaweicloud_lb_l7policy',
  huaweicloud_lb_whitelist_v2: 'huaweicloud_lb_whitelist',
  huaweicloud_networking_secgroup_v2: 'huaweicloud_networking_secgroup',
  huaweicloud_networking_secgroup_rule_v2: 'huaweicloud_networking_secgroup_rule',
  huaweicloud_compute_instance_v2: 'huaweicloud_compute_instance',
  huaweicloud_networking_port_v2: 'huaweicloud_networking_port',
  huaweicloud_vpc_v1: 'huaweicloud_vpc',
  huaweicloud_vpc_subnet_v1: 'huaweicloud_vpc_subnet',
  huaweicloud_vpc_eip_v1: 'huaweicloud_vpc_eip',
  huaweicloud_as_group_v1: 'huaweicloud_as_group',
  flexibleengine_vpc_eip_v1: 'flexibleengine_vpc_eip',
  flexibleengine_as_group_v1: 'flexibleengine_as_group',
  alicloud_subnet: 'alicloud_vswitch',
  alicloud_eip: 'alicloud_eip_address',
};

/** The current name of a resource type (itself when it has no older name). */
export function currentType(type: string): string {
  return RESOURCE_ALIASES[type] ?? type;
}

/**
 * The resources (and data sources: huaweicloud registers `data "huaweicloud_networking_port_v2"`,
 * `_secgroup_v2`, `_vpc_v1`, `_vpc_subnet_v1` for the same readers too) with their current type names. Addresses stay as written, so references
 * (`huaweicloud_lb_pool_v2.web.id`) still resolve and findings name what the user wrote.
 */
export function withCurrentTypes(resources: readonly ResourceInstance[]): ResourceInstance[] {
  return resources.map((r) => (RESOURCE_ALIASES[r.type] ? copyWith(r, { type: RESOURCE_ALIASES[r.type] as string }) : r));
}
