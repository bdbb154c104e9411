// Members supplied by auto scaling. An AS group registers each instance it launches as a member
// of the pools it is attached to, so such a pool is not empty (its member count is unknown), and
// the security groups and subnet of the group's instances are what the health check meets.
// - Huawei Cloud, OTC, FlexibleEngine: `*_as_group` with `lbaas_listeners { pool_id, protocol_port }`,
//   `security_groups { id }` (else the scaling configuration's `instance_config.security_group_ids`),
//   `networks { id }`.
// - Alibaba: `alicloud_ess_scaling_group.loadbalancer_ids` (a CLB's default server group, on each
//   listener's backend port) and `alb_server_group { alb_server_group_id, port }`;
//   `alicloud_ess_server_group_attachment { scaling_group_id, server_group_id, port }` (CLB, ALB,
//   NLB); the instances' security groups are the scaling configuration's (`security_group_id`,
//   `security_group_ids`), their vSwitch the group's `vswitch_ids`.
// A feed reference that resolves to nothing here (a `regex()` cut out of a listener id, a literal
// id) may feed any pool of the family: none of them is then called empty.
import { Unknown, isUnknown, unknownAbout, type ProviderFamily, type ResourceInstance, type Value } from '../types.js';
import { HW_AS_GROUP, ID, type ResourceIndex, resolveRef, toMap } from './graph.js';
import { markUnknownMembers, unknownAt } from './nodes.js';
import type { Resolver } from './network.js';
import type { Backend, LoadBalancer, Maybe, Member, Model, Pool, SecurityGroup, Subnet } from './types.js';
import { blocks, fieldAt, node } from './values.js';

/** What the family's network builder resolves for the feeds. */
export interface FeedNetwork {
  resolveSubnet: Resolver<Subnet>;
  resolveGroupIds(from: ResourceInstance, ids: Maybe<Value[]>): Maybe<SecurityGroup[]>;
}

const HW_AS_CONFIGURATION = /^(huaweicloud|opentelekomcloud|flexibleengine)_as_configuration(?:_v1)?$/;

function num(v: Value | undefined): Maybe<number> | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) ? n : new Unknown(`${JSON.stringify(v)} is not a number`);
}

function ids(v: Value | undefined): Value[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

class Feeder {
  private readonly pools: Map<string, Pool>;
  private readonly lbs: Map<string, LoadBalancer>;

  constructor(
    readonly index: ResourceIndex,
    private readonly model: Model,
    readonly family: ProviderFamily,
    readonly net: FeedNetwork,
  ) {
    this.pools = toMap(model.pools.filter((p) => p.family === family));
    this.lbs = toMap(model.loadBalancers.filter((l) => l.family === family));
  }

  /** A feed we cannot place: every pool of the family may get members from it. */
  unplaced(why: Unknown): void {
    for (const p of this.pools.values()) markUnknownMembers(p, why);
  }

  pool(from: ResourceInstance, v: Value | undefined): Pool | undefined {
    return this.placed(from, v, this.pools, 'server group');
  }

  loadBalancer(from: ResourceInstance, v: Value): LoadBalancer | undefined {
    return this.placed(from, v, this.lbs, 'load balancer');
  }

  /** The node `v` names, or undefined; a reference that is not known may name any pool of the family. */
  private placed<T extends { address: string }>(from: ResourceInstance, v: Value | undefined, nodes: ReadonlyMap<string, T>, what: string): T | undefined {
    const node = resolveRef(from, v, nodes, ID, what);
    if (node === undefined) return undefined;
    if (isUnknown(node)) {
      this.unplaced(unknownAt(from, undefined, node));
      return undefined;
    }
    return node;
  }

  /** The resources of `types` whose `attribute` refers to `target`. */
  referring(types: RegExp, attribute: string, target: ResourceInstance): ResourceInstance[] {
    return this.index.all().filter((r) => {
      if (!types.test(r.type)) return false;
      const v = r.values[attribute];
      return isUnknown(v) && v.ref !== undefined && (v.ref.address === target.address || v.ref.address === target.address.replace(/^(module\.[^.]+(\[[^\]]*\])?\.)+/, ''));
    });
  }

  backend(group: ResourceInstance, securityGroups: Maybe<SecurityGroup[]>, subnet: Maybe<Subnet> | undefined): Backend {
    return node(group, this.family, { ip: unknownAbout(group.address, `the instances of ${group.address} get their addresses when they are launched`), securityGroups, subnet });
  }

  /** `feed` registers the instances of `backend` in `pool` on `port`. */
  add(feed: ResourceInstance, pool: Pool, port: Maybe<number> | undefined, weight: Value | undefined, backend: Backend, n: number): void {
    const w = num(weight);
    const member: Member = node(feed, this.family, {
      address: n === 0 ? feed.address : `${feed.address} (${n + 1})`,
      pool,
      ip: backend.ip as Maybe<string>,
      port: port ?? unknownAbout(feed.address, `the port of ${feed.address} in ${pool.address} is not set`),
      weight: w ?? 1,
      weightDefaulted: w === undefined,
      at: { port: fieldAt(feed, 'port'), weight: fieldAt(feed, 'weight') },
      backend,
      subnet: undefined,
    });
    pool.members.push(member);
  }
}

/** Huawei Cloud, OTC, FlexibleEngine: the pools each `*_as_group` feeds through `lbaas_listeners`. */
export function addAsGroupMembers(index: ResourceIndex, model: Model, family: ProviderFamily, net: FeedNetwork): void {
  const feeder = new Feeder(index, model, family, net);
  for (const group of index.all()) {
    if (!HW_AS_GROUP.test(group.type) || !group.type.startsWith(`${family}_`)) continue;
    const listeners = blocks(group.values.lbaas_listeners);
    if (isUnknown(listeners)) {
      feeder.unplaced(unknownAt(group, 'lbaas_listeners', listeners));
      continue;
    }
    if (listeners.length === 0) continue;
    const named = blocks(group.values.security_groups);
    let groups = isUnknown(named) ? named : net.resolveGroupIds(group, named.map((b) => b.id as Value));
    if (!isUnknown(groups) && groups.length === 0) groups = configurationGroups(feeder, group);
    const networks = blocks(group.values.networks);
    const subnet = isUnknown(networks) ? networks : net.resolveSubnet(group, networks[0]?.id);
    const backend = feeder.backend(group, groups, subnet);
    listeners.forEach((l, i) => {
      const pool = feeder.pool(group, l.pool_id);
      if (pool) feeder.add(group, pool, num(l.protocol_port), l.weight, backend, i);
    });
  }
}

/** Security groups of a Huawei-family AS group that names none: its scaling configuration's. */
function configurationGroups(feeder: Feeder, group: ResourceInstance): Maybe<SecurityGroup[]> {
  const ref = group.values.scaling_configuration_id;
  if (!isUnknown(ref) || !ref.ref) return unknownAbout(group.address, `the security groups of ${group.address} are not known`);
  const target = ref.ref.address;
  const config = feeder.index.get(target) ?? feeder.index.all().find((r) => r.address.endsWith(`.${target}`));
  if (!config || !HW_AS_CONFIGURATION.test(config.type)) return unknownAbout(group.address, `the security groups of ${group.address} are not known`);
  const instance = blocks(config.values.instance_config);
  if (isUnknown(instance)) return instance;
  const list = instance[0]?.security_group_ids;
  if (list === undefined || list === null) return unknownAbout(config.address, `${config.address} names no security group`);
  if (isUnknown(list)) return list;
  return feeder.net.resolveGroupIds(config, ids(list));
}

/** Alibaba: the server groups ESS scaling groups feed. */
export function addEssMembers(index: ResourceIndex, model: Model, net: FeedNetwork): void {
  const feeder = new Feeder(index, model, 'alicloud', net);
  const scalingGroups = toMap(index.ofType('alicloud_ess_scaling_group'));
  for (const group of scalingGroups.values()) {
    const backend = essBackend(feeder, group);
    let n = 0;
    for (const id of ids(group.values.loadbalancer_ids)) {
      const lb = feeder.loadBalancer(group, id);
      const pool = lb && model.pools.find((p) => p.address === `${lb.address} (default server group)`);
      if (pool) feeder.add(group, pool, undefined, undefined, backend, n++);
    }
    const albGroups = blocks(group.values.alb_server_group);
    if (isUnknown(albGroups)) feeder.unplaced(unknownAt(group, 'alb_server_group', albGroups));
    else
      for (const b of albGroups) {
        const pool = feeder.pool(group, b.alb_server_group_id);
        if (pool) feeder.add(group, pool, num(b.port), b.weight, backend, n++);
      }
  }
  for (const attachment of index.ofType('alicloud_ess_server_group_attachment')) {
    const pool = feeder.pool(attachment, attachment.values.server_group_id);
    if (!pool) continue;
    const group = resolveRef(attachment, attachment.values.scaling_group_id, scalingGroups, ID, 'scaling group');
    const backend = group && !isUnknown(group) ? essBackend(feeder, group) : feeder.backend(attachment, unknownAbout(attachment.address, `the scaling group of ${attachment.address} is not known`), undefined);
    feeder.add(attachment, pool, num(attachment.values.port), attachment.values.weight, backend, 0);
  }
}

/** The instances of an ESS scaling group: the security groups of its scaling configuration, on its (only) vSwitch. */
function essBackend(feeder: Feeder, group: ResourceInstance): Backend {
  const configs = feeder.referring(/^alicloud_ess_scaling_configuration$/, 'scaling_group_id', group);
  let groups: Maybe<SecurityGroup[]> = unknownAbout(group.address, `no scaling configuration of ${group.address} is in this configuration`);
  if (configs.length === 1) {
    const c = configs[0] as ResourceInstance;
    groups = feeder.net.resolveGroupIds(c, [...ids(c.values.security_group_id), ...ids(c.values.security_group_ids)]);
  }
  const vswitches = ids(group.values.vswitch_ids ?? group.values.vswitch_id);
  const subnet = vswitches.length === 1 ? feeder.net.resolveSubnet(group, vswitches[0]) : vswitches.length ? unknownAbout(group.address, `the instances of ${group.address} may be in any of ${vswitches.length} vSwitches`) : undefined;
  return feeder.backend(group, groups, subnet);
}
