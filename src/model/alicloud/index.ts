// Alibaba Cloud adapter: CLB (`alicloud_slb_*`), ALB (`alicloud_alb_*`), NLB (`alicloud_nlb_*`),
// security groups, stateless network ACLs (current and legacy), ECS instances, ENIs, vSwitches.
// Attribute names and defaults: ../shared/reference/providers.md §4, §5 (Alibaba), §6.
//
// Alibaba differs from the Huawei family in three ways that shape this graph:
// - CLB health checks live on the listener (`health_check_*`), not on the server group: each
//   listener gets its own HealthMonitor (with `listener` set) in each pool it forwards to.
// - A CLB listener without a server group forwards to the LB's default server group on its
//   `backend_port`: that group is a pool node of its own, `<lb address> (default server group)`,
//   whose members take their port from the listener (`anyPortEnabled` + `Listener.backendPort`).
// - Members name their server by id (`server_id`, `server_ids`, `instance_ids`), never by IP.
import { ResourceIndex, foreignReferences } from '../graph.js';
import type { Model } from '../types.js';
import { eipBindings } from '../network.js';
import { type Ctx } from './common.js';
import { buildAliNetwork } from './network.js';
import { buildClb } from './clb.js';
import { buildAlb } from './alb.js';
import { buildNlb } from './nlb.js';
import { addInlineListeners } from './inline-listeners.js';
import { addLocalAddressSubnets } from './local-addresses.js';
import { addEssMembers } from '../autoscaling.js';

/**
 * Resources whose references to a pool or LB this adapter understands. A reference from any other
 * resource (an auto-scaling group's `loadbalancer_ids`, a Kubernetes service…) means the pool, or
 * the LB's default server group, may get members or traffic from outside this graph.
 */
const MODELLED_TYPES = new Set<string>([
  'alicloud_slb_load_balancer',
  'alicloud_slb',
  'alicloud_slb_listener',
  'alicloud_slb_server_group',
  'alicloud_slb_server_group_server_attachment',
  'alicloud_slb_backend_server',
  'alicloud_slb_attachment',
  'alicloud_slb_master_slave_server_group',
  'alicloud_slb_rule',
  'alicloud_slb_acl',
  'alicloud_slb_acl_entry_attachment',
  'alicloud_alb_load_balancer',
  'alicloud_alb_listener',
  'alicloud_alb_server_group',
  'alicloud_alb_rule',
  'alicloud_alb_listener_acl_attachment',
  'alicloud_alb_acl',
  'alicloud_alb_acl_entry_attachment',
  'alicloud_nlb_load_balancer',
  'alicloud_nlb_listener',
  'alicloud_nlb_server_group',
  'alicloud_nlb_server_group_server_attachment',
  'alicloud_eip_association',
]);

export function buildAlicloud(index: ResourceIndex, model: Model): void {
  const ctx: Ctx = { index, model, ...buildAliNetwork(index), foreign: foreignReferences(index, MODELLED_TYPES), eips: eipBindings(index, { bindings: [{ type: 'alicloud_eip_association', path: ['instance_id'] }], byAttribute: false, unknownTarget: (v) => `an EIP is bound to '${v}', which this configuration does not define` }) };
  buildClb(ctx);
  buildAlb(ctx);
  buildNlb(ctx);
  addInlineListeners(ctx);
  addLocalAddressSubnets(ctx);
  addEssMembers(index, model, ctx);
}
