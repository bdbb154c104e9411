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
import { Unknown, isUnknown, type ResourceInstance, type Value } from '../types.js';
import { ID, ResourceIndex, foreignReferences, link, resolveRef, toMap } from './graph.js';
import type {
  AccessControl,
  AclRuleNode,
  Backend,
  HealthMonitor,
  LbKind,
  Listener,
  LoadBalancer,
  Maybe,
  Member,
  Model,
  NetworkAcl,
  Pool,
  SecurityGroup,
  SecurityGroupRuleNode,
  Subnet,
} from './types.js';
import { backendsByIp, buildSecurityGroups, buildSubnets, eipBindings, type EipBindings, type Resolver } from './network.js';
import { blocks, bool, isSet, list, lower, nestedBlockRange, num, str, upper, fieldAt, monitorAt, nodeAt, offText } from './values.js';

const FAMILY = 'alicloud' as const;

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

const CLB_LB = ['alicloud_slb_load_balancer', 'alicloud_slb'];
const CLB_GROUPS = ['alicloud_slb_server_group', 'alicloud_slb_master_slave_server_group'];
const CLB_DEFAULT_MEMBERS = ['alicloud_slb_backend_server', 'alicloud_slb_attachment'];

/** `on`/`off` switches (CLB); undefined when absent. */
function onOff(v: Value | undefined, address: string, attr: string): Maybe<boolean> | undefined {
  const s = lower(str(v));
  if (s === undefined || isUnknown(s)) return s;
  if (s === 'on') return true;
  if (s === 'off') return false;
  return new Unknown(`${address}.${attr} is ${JSON.stringify(s)}, neither "on" nor "off"`);
}

/** Health-check port: 0, -520 and unset mean the backend port. */
function hcPort(v: Value | undefined): Maybe<number> | undefined {
  const n = num(v);
  if (n === undefined || isUnknown(n)) return n;
  return n === 0 || n === -520 ? undefined : n;
}

/** A code list (`["http_2xx"]`) or csv string, as one csv string. */
function codes(v: Value | undefined): Maybe<string> | undefined {
  const l = list(v);
  if (l !== undefined && !isUnknown(l)) {
    const parts: string[] = [];
    for (const item of l) {
      const s = str(item);
      if (s === undefined) continue;
      if (isUnknown(s)) return s;
      parts.push(s);
    }
    return parts.join(',');
  }
  return str(v);
}

/** A synthetic resource whose block is the i-th nested block of `type`, so attribute ranges are exact. */
function nested(r: ResourceInstance, type: string, index: number, values: { [key: string]: Value }, address: string): ResourceInstance {
  const block = r.block.blocks.filter((b) => b.type === type)[index] ?? r.block;
  return { ...r, address, block, values };
}

export function buildAlicloud(index: ResourceIndex, model: Model): void {
  // ---- network: vSwitches, ACLs
  const { resolveSubnet } = buildSubnets(index, { family: FAMILY, types: [{ type: 'alicloud_vswitch', cidr: 'cidr_block' }], idPaths: ID, noun: 'vSwitch' });
  buildNetworkAcls(index, resolveSubnet);

  // ---- security groups
  // No rule syntax: security groups never block Alibaba's load-balancer traffic, so no fix adds a rule.
  const groups = buildSecurityGroups(index, {
    family: FAMILY,
    group: 'alicloud_security_group',
    rule: 'alicloud_security_group_rule',
    name: (r) => r.values.security_group_name ?? r.values.name,
    toRule: securityGroupRule,
  });
  const groupByAddress = toMap(groups);
  const resolveGroups = (from: ResourceInstance, attr: string): Maybe<SecurityGroup[]> => {
    const ids = list(from.values[attr]);
    if (ids === undefined) return new Unknown(`${from.address}.${attr} is not set`);
    if (isUnknown(ids)) return ids;
    const out: SecurityGroup[] = [];
    for (const id of ids) {
      const g = resolveRef(from, id, groupByAddress, ID, 'security group');
      if (g === undefined) continue;
      if (isUnknown(g)) return g;
      out.push(g);
    }
    return out;
  };

  // ---- backends: ECS instances and ENIs
  const backends: Backend[] = [];
  for (const r of index.ofType('alicloud_instance')) {
    backends.push({ address: r.address, family: FAMILY, ...nodeAt(r), ip: str(r.values.private_ip), securityGroups: resolveGroups(r, 'security_groups'), subnet: resolveSubnet(r, r.values.vswitch_id) });
  }
  for (const r of index.ofType('alicloud_ecs_network_interface')) {
    backends.push({ address: r.address, family: FAMILY, ...nodeAt(r), ip: str(r.values.primary_ip_address), securityGroups: resolveGroups(r, 'security_group_ids'), subnet: resolveSubnet(r, r.values.vswitch_id) });
  }
  for (const r of index.ofType('alicloud_network_interface')) {
    backends.push({ address: r.address, family: FAMILY, ...nodeAt(r), ip: str(r.values.private_ip), securityGroups: resolveGroups(r, 'security_groups'), subnet: resolveSubnet(r, r.values.vswitch_id) });
  }
  const backendByAddress = toMap(backends);
  const ipIndex = backendsByIp(backends, (b) => (typeof b.ip === 'string' ? [b.ip] : []));

  /** Members name their server by id (ECS/ENI); `byIp` for ALB/NLB `Ip` server groups. */
  const resolveBackend = (from: ResourceInstance, v: Value | undefined, byIp = false): Maybe<Backend> | undefined => {
    if (byIp && typeof v === 'string') {
      const matches = ipIndex.get(v) ?? [];
      return matches.length === 1 ? matches[0] : new Unknown(`no instance in this configuration has the address ${v}`);
    }
    return resolveRef(from, v, backendByAddress, ID, 'server') ?? new Unknown(`${from.address} names no server`);
  };

  const ctx: Ctx = { index, model, resolveSubnet, resolveBackend, foreign: foreignReferences(index, MODELLED_TYPES), eips: eipBindings(index, { bindings: [{ type: 'alicloud_eip_association', path: ['instance_id'] }], byAttribute: false, unknownTarget: (v) => `an EIP is bound to '${v}', which this configuration does not define` }) };
  buildClb(ctx);
  buildAlb(ctx);
  buildNlb(ctx);
}

interface Ctx {
  index: ResourceIndex;
  model: Model;
  resolveSubnet: Resolver<Subnet>;
  resolveBackend: (from: ResourceInstance, v: Value | undefined, byIp?: boolean) => Maybe<Backend> | undefined;
  foreign: Set<string>;
  eips: EipBindings;
}

// ------------------------------------------------------------------ load balancers

function newLoadBalancer(ctx: Ctx, r: ResourceInstance, kind: LbKind, subnet: Maybe<Subnet> | undefined, hasEip: Maybe<boolean>): LoadBalancer {
  return {
    address: r.address,
    family: FAMILY,
    ...nodeAt(r),
    kind,
    subnet,
    backendSubnets: new Unknown('Alibaba load balancers reach backends from a fixed range'),
    crossVpcBackend: false,
    // CLB always has a service address; ALB/NLB get one per zone mapping.
    hasPrivateIpv4: true,
    hasIpv6: false,
    hasEip,
    // CLB is not subject to network ACLs; ALB/NLB client traffic is not modelled.
    subnetAclFiltersClients: false,
    listeners: [],
    pools: [],
    hasUnknownListeners: false,
  };
}

function newListener(r: ResourceInstance, lb: Maybe<LoadBalancer> | undefined, protocol: Maybe<string>, port: Maybe<number>): Listener {
  const listener: Listener = {
    address: r.address,
    family: FAMILY,
    ...nodeAt(r),
    loadBalancer: lb,
    protocol,
    port,
    pools: [],
    hasUnknownBackend: false,
    hasRoutingRules: false,
    // Alibaba load balancers pass the client IP; security groups are not in the path anyway.
    transparentClientIp: false,
    isRedirect: false,
    accessControls: [],
  };
  if (lb && !isUnknown(lb)) lb.listeners.push(listener);
  return listener;
}

function newPool(r: ResourceInstance, address: string, lb: Maybe<LoadBalancer> | undefined, protocol: Maybe<string>): Pool {
  const pool: Pool = {
    address,
    family: FAMILY,
    ...nodeAt(r),
    loadBalancer: lb,
    protocol,
    listeners: [],
    members: [],
    monitors: [],
    hasForeignReferences: false,
    hasUnknownMembers: false,
    hasUnknownMonitors: false,
    hasUnknownListeners: false,
    anyPortEnabled: false,
  };
  if (lb && !isUnknown(lb)) lb.pools.push(pool);
  return pool;
}

function addMember(
  ctx: Ctx,
  pool: Pool,
  r: ResourceInstance,
  address: string,
  server: Value | undefined,
  port: Maybe<number> | undefined,
  weight: Maybe<number>,
  weightAttribute: string | undefined,
  byIp = false,
): void {
  const backend = ctx.resolveBackend(r, server, byIp);
  const member: Member = {
    address,
    family: FAMILY,
    ...nodeAt(r),
    pool,
    ip: backend && !isUnknown(backend) ? backend.ip ?? new Unknown(`${backend.address} has no private_ip in this configuration`) : new Unknown('the member address is assigned by the cloud'),
    port: port ?? new Unknown(`${address} has no port`),
    weight,
    weightDefaulted: weightAttribute === undefined,
    at: { port: fieldAt(r, 'port'), weight: fieldAt(r, weightAttribute ?? 'weight') },
    backend,
    subnet: undefined,
  };
  pool.members.push(member);
}

/**
 * Each `type` block of `r` (`servers`, `backend_servers`) as a synthetic resource with exact
 * ranges, addressed `<r>.<type>[i]`; a list that is not known marks the pool's members unknown.
 */
function eachServer(pool: Pool, r: ResourceInstance, type: string, add: (block: ResourceInstance, server: { [key: string]: Value }) => void): void {
  const servers = blocks(r.values[type]);
  if (isUnknown(servers)) {
    pool.hasUnknownMembers = true;
    return;
  }
  servers.forEach((s, i) => add(nested(r, type, i, s, `${r.address}.${type}[${i}]`), s));
}

/** Weight with a default (100 on CLB/NLB; 0 on ALB, which the provider sends when omitted). */
function weightOf(v: { [key: string]: Value }, fallback: number): { weight: Maybe<number>; attr: string | undefined } {
  const w = num(v.weight);
  return w === undefined ? { weight: fallback, attr: undefined } : { weight: w, attr: 'weight' };
}

// ------------------------------------------------------------------ CLB

function buildClb(ctx: Ctx): void {
  const { index, model } = ctx;
  const lbs = index.ofType(...CLB_LB).map((r) => {
    const internet = lower(str(r.values.address_type));
    const hasEip: Maybe<boolean> = internet === 'internet' ? true : ctx.eips.bound(r);
    return newLoadBalancer(ctx, r, 'clb', ctx.resolveSubnet(r, r.values.vswitch_id), hasEip);
  });
  const lbByAddress = toMap(lbs);
  const resolveLb = (r: ResourceInstance) => resolveRef(r, r.values.load_balancer_id, lbByAddress, ID, 'load balancer');

  // Server groups (explicit and master-slave).
  const pools: Pool[] = index.ofType(...CLB_GROUPS).map((r) => newPool(r, r.address, resolveLb(r), new Unknown('CLB server groups take the protocol of the listener')));
  const poolByAddress = toMap(pools);

  // Default server groups: one per LB that a listener forwards to or that has default members.
  const defaults = new Map<LoadBalancer, Pool>();
  const defaultPool = (lb: LoadBalancer): Pool => {
    let pool = defaults.get(lb);
    if (!pool) {
      pool = newPool(lb.resource, `${lb.address} (default server group)`, lb, new Unknown('CLB server groups take the protocol of the listener'));
      pool.anyPortEnabled = true;
      defaults.set(lb, pool);
      pools.push(pool);
    }
    return pool;
  };

  // Listeners and their own health checks.
  const listeners: Listener[] = [];
  const monitorOf = new Map<Listener, HealthMonitor>();
  for (const r of index.ofType('alicloud_slb_listener')) {
    const v = r.values;
    const lb = resolveLb(r);
    const listener = newListener(r, lb, upper(str(v.protocol)) ?? new Unknown(`${r.address}.protocol is not set`), num(v.frontend_port) ?? new Unknown(`${r.address}.frontend_port is not set`));
    listener.backendPort = num(v.backend_port) ?? new Unknown(`${r.address}.backend_port is not set`);
    listener.backendPortAt = fieldAt(r, 'backend_port');
    listeners.push(listener);
    const forward = onOff(v.listener_forward, r.address, 'listener_forward');
    if (forward === true) {
      // HTTP→HTTPS redirect: no server group, health check off by design.
      listener.isRedirect = true;
      listener.hasRoutingRules = true;
      continue;
    }
    const monitor = clbListenerMonitor(r, listener);
    // An unknown listener_forward may make this a redirect listener: no health check, no server group.
    const mayRedirect = isUnknown(forward);
    if (mayRedirect && monitor.enabled !== true) monitor.enabled = forward;
    monitorOf.set(listener, monitor);
    model.monitors.push(monitor);
    let target: Maybe<Pool> | undefined;
    for (const attr of ['server_group_id', 'master_slave_server_group_id']) {
      const p = resolveRef(r, v[attr], poolByAddress, ID, 'server group');
      if (p !== undefined) {
        target = p;
        break;
      }
    }
    if (mayRedirect) listener.hasUnknownBackend = true;
    else if (target === undefined) {
      if (lb && !isUnknown(lb)) target = defaultPool(lb);
      else listener.hasUnknownBackend = true;
    }
    if (target && !isUnknown(target)) {
      link(listener, target);
      target.monitors.push(monitor);
    } else if (isUnknown(target)) listener.hasUnknownBackend = true;
  }

  // Forwarding rules: use a server group through the listener on their frontend port.
  for (const r of index.ofType('alicloud_slb_rule')) {
    const pool = resolveRef(r, r.values.server_group_id, poolByAddress, ID, 'server group');
    if (!pool || isUnknown(pool)) continue;
    const lb = resolveLb(r);
    const port = num(r.values.frontend_port);
    const listener = lb && !isUnknown(lb) && typeof port === 'number' ? lb.listeners.find((l) => l.port === port) : undefined;
    if (!listener) {
      pool.hasUnknownListeners = true;
      continue;
    }
    listener.hasRoutingRules = true;
    link(listener, pool);
    const sync = onOff(r.values.listener_sync, r.address, 'listener_sync');
    let monitor: HealthMonitor | undefined;
    if (sync === false) {
      monitor = clbListenerMonitor(r, listener);
      model.monitors.push(monitor);
    } else if (isUnknown(sync)) pool.hasUnknownMonitors = true;
    else monitor = monitorOf.get(listener);
    if (monitor && !pool.monitors.includes(monitor)) pool.monitors.push(monitor);
  }

  // Members of explicit groups.
  for (const r of index.ofType(...CLB_GROUPS)) {
    const pool = poolByAddress.get(r.address)!;
    eachServer(pool, r, 'servers', (block, s) => {
      const { weight, attr } = weightOf(s, 100);
      const port = num(s.port);
      if (r.type === 'alicloud_slb_master_slave_server_group') {
        addMember(ctx, pool, block, block.address, s.server_id, port, weight, attr);
        return;
      }
      const ids = list(s.server_ids);
      if (ids === undefined) return;
      if (isUnknown(ids)) {
        pool.hasUnknownMembers = true;
        return;
      }
      ids.forEach((id, j) => addMember(ctx, pool, block, ids.length === 1 ? block.address : `${block.address}.server_ids[${j}]`, id, port, weight, attr));
    });
  }
  for (const r of index.ofType('alicloud_slb_server_group_server_attachment')) {
    const pool = resolveRef(r, r.values.server_group_id, poolByAddress, ID, 'server group');
    if (pool === undefined) continue;
    if (isUnknown(pool)) {
      for (const p of pools) p.hasUnknownMembers = true;
      continue;
    }
    const { weight, attr } = weightOf(r.values, 100);
    addMember(ctx, pool, r, r.address, r.values.server_id, num(r.values.port), weight, attr);
  }

  // Members of default server groups: port = each listener's backend_port.
  for (const r of index.ofType(...CLB_DEFAULT_MEMBERS)) {
    const lb = resolveLb(r);
    if (lb === undefined) continue;
    if (isUnknown(lb)) {
      for (const p of defaults.values()) p.hasUnknownMembers = true;
      continue;
    }
    const pool = defaultPool(lb);
    const port = new Unknown('a default server group member serves the backend_port of each listener');
    if (r.type === 'alicloud_slb_attachment') {
      const ids = list(r.values.instance_ids);
      if (ids === undefined) continue;
      if (isUnknown(ids)) {
        pool.hasUnknownMembers = true;
        continue;
      }
      const { weight, attr } = weightOf(r.values, 100);
      ids.forEach((id, j) => addMember(ctx, pool, r, ids.length === 1 ? r.address : `${r.address}.instance_ids[${j}]`, id, port, weight, attr));
      continue;
    }
    eachServer(pool, r, 'backend_servers', (block, s) => {
      const { weight, attr } = weightOf(s, 100);
      addMember(ctx, pool, block, block.address, s.server_id, port, weight, attr);
    });
  }

  // What count/for_each hides.
  if (index.hasSkipped('alicloud_slb_listener')) for (const lb of lbs) lb.hasUnknownListeners = true;
  if (index.hasSkipped('alicloud_slb_listener') || index.hasSkipped('alicloud_slb_rule')) for (const p of pools) p.hasUnknownListeners = true;
  if (['alicloud_slb_server_group_server_attachment', ...CLB_DEFAULT_MEMBERS].some((t) => index.hasSkipped(t))) for (const p of pools) p.hasUnknownMembers = true;
  if (CLB_GROUPS.some((t) => index.hasSkipped(t))) for (const l of listeners) l.hasUnknownBackend = true;
  // A listener whose LB is unknown may use any default group; so may one we cannot see.
  if (listeners.some((l) => isUnknown(l.loadBalancer))) for (const p of defaults.values()) p.hasUnknownListeners = true;
  for (const p of pools) {
    // The default group is referenced through its LB (an auto-scaling group's loadbalancer_ids…).
    const key = defaults.get(p.loadBalancer as LoadBalancer) === p ? (p.loadBalancer as LoadBalancer).address : p.address;
    if (ctx.foreign.has(key)) p.hasForeignReferences = true;
  }

  clbAccessControls(ctx, listeners);
  model.loadBalancers.push(...lbs);
  model.listeners.push(...listeners);
  model.pools.push(...pools);
}

/** The health check of a CLB listener (or of an `alicloud_slb_rule` with `listener_sync = "off"`). */
function clbListenerMonitor(r: ResourceInstance, listener: Listener): HealthMonitor {
  const v = r.values;
  const protocol = listener.protocol;
  let hcProtocol: Maybe<string>;
  let enabled: Maybe<boolean>;
  const switchValue = onOff(v.health_check, r.address, 'health_check');
  if (isUnknown(protocol)) {
    hcProtocol = protocol;
    enabled = switchValue === false ? protocol : true;
  } else if (protocol === 'HTTP' || protocol === 'HTTPS') {
    // Layer-7 listeners check over HTTP; `health_check` switches it (default on).
    hcProtocol = 'HTTP';
    enabled = switchValue ?? true;
  } else if (protocol === 'UDP') {
    hcProtocol = 'UDP_CONNECT';
    enabled = true;
  } else {
    // TCP: always checked, over TCP or HTTP (`health_check_type`, default tcp).
    const type = lower(str(v.health_check_type));
    hcProtocol = type === undefined || type === 'tcp' ? 'TCP' : type === 'http' ? 'HTTP' : isUnknown(type) ? type : new Unknown(`${r.address}.health_check_type is ${JSON.stringify(type)}`);
    enabled = true;
  }
  const domain = str(v.health_check_domain);
  return {
    address: r.address,
    family: FAMILY,
    ...nodeAt(r),
    protocol: hcProtocol,
    port: hcPort(v.health_check_connect_port),
    interval: num(v.health_check_interval),
    timeout: num(v.health_check_timeout),
    maxRetries: num(v.healthy_threshold),
    maxRetriesDown: num(v.unhealthy_threshold),
    urlPath: str(v.health_check_uri),
    // `$_ip` was the old spelling of "the backend IP" (deprecated, not a host name).
    domain: domain === '$_ip' ? undefined : domain,
    expectedCodes: codes(v.health_check_http_code),
    enabled,
    at: monitorAt(r, { port: 'health_check_connect_port', interval: 'health_check_interval', timeout: 'health_check_timeout', maxRetries: 'healthy_threshold', maxRetriesDown: 'unhealthy_threshold', urlPath: 'health_check_uri', domain: 'health_check_domain', expectedCodes: 'health_check_http_code', enabled: 'health_check' }),
    offText: offText('health_check', '"off"'),
    listener,
    lbKind: 'clb',
  };
}

function clbAccessControls(ctx: Ctx, listeners: Listener[]): void {
  const acls = new Map<string, ResourceInstance>(ctx.index.ofType('alicloud_slb_acl').map((r) => [r.address, r]));
  const attached = new Map<string, Maybe<string>[]>();
  for (const r of ctx.index.ofType('alicloud_slb_acl_entry_attachment')) {
    const acl = resolveRef(r, r.values.acl_id, acls, ID, 'ACL');
    if (!acl || isUnknown(acl)) continue;
    const entry = str(r.values.entry) ?? new Unknown(`${r.address}.entry is not set`);
    const entries = attached.get(acl.address);
    if (entries === undefined) attached.set(acl.address, [entry]);
    else entries.push(entry);
  }
  for (const listener of listeners) {
    const v = listener.resource.values;
    const ids = list(v.acl_ids) ?? (isSet(v.acl_id) ? [v.acl_id as Value] : undefined);
    if (ids === undefined || isUnknown(ids)) continue;
    const status = onOff(v.acl_status, listener.address, 'acl_status') ?? false;
    const type = lower(str(v.acl_type));
    for (const id of ids) {
      const acl = resolveRef(listener.resource, id, acls, ID, 'ACL');
      if (!acl || isUnknown(acl)) continue;
      const entries: Maybe<string>[] = [...(attached.get(acl.address) ?? [])];
      const inline = blocks(acl.values.entry_list);
      if (!isUnknown(inline)) for (const e of inline) entries.push(str(e.entry) ?? new Unknown('entry is not set'));
      const firstUnknown = entries.find(isUnknown);
      const control: AccessControl = {
        node: { address: acl.address, family: FAMILY, ...nodeAt(acl) },
        enabled: status,
        type: isUnknown(type) ? type : type === 'black' ? 'black' : 'white',
        entries: isUnknown(inline) ? inline : firstUnknown && isUnknown(firstUnknown) ? firstUnknown : (entries as string[]),
        entriesAt: fieldAt(acl, 'entry_list'),
      };
      listener.accessControls.push(control);
      ctx.model.accessControls.push({ listener, control });
    }
  }
}

// ------------------------------------------------------------------ ALB

function buildAlb(ctx: Ctx): void {
  const { index, model } = ctx;
  const lbs = index.ofType('alicloud_alb_load_balancer').map((r) => newLoadBalancer(ctx, r, 'alb', zoneSubnet(ctx, r), albNlbEip(ctx, r)));
  const lbByAddress = toMap(lbs);

  const pools: Pool[] = [];
  for (const r of index.ofType('alicloud_alb_server_group')) {
    // ALB server groups belong to a VPC, not an LB: the LB is the one of the listeners using them.
    const pool = newPool(r, r.address, undefined, upper(str(r.values.protocol)) ?? 'HTTP');
    pools.push(pool);
    const hc = blocks(r.values.health_check_config);
    if (isUnknown(hc)) pool.hasUnknownMonitors = true;
    else
      hc.forEach((c, i) => {
        const m = albMonitor(nested(r, 'health_check_config', i, c, `${r.address}.health_check_config`));
        pool.monitors.push(m);
        model.monitors.push(m);
      });
    const byIp = lower(str(r.values.server_group_type)) === 'ip';
    const fc = lower(str(r.values.server_group_type)) === 'fc';
    eachServer(pool, r, 'servers', (block, s) => {
      // An omitted ALB weight is sent as 0 (providers.md §4.2, §6 pitfall 4).
      const { weight, attr } = weightOf(s, 0);
      addMember(ctx, pool, block, block.address, fc ? new Unknown('a Function Compute backend has no network path to check') : byIp ? s.server_ip ?? s.server_id : s.server_id, num(s.port), weight, attr, byIp);
    });
  }
  const poolByAddress = toMap(pools);

  const listeners: Listener[] = index.ofType('alicloud_alb_listener').map((r) => {
    const lb = resolveRef(r, r.values.load_balancer_id, lbByAddress, ID, 'load balancer');
    const listener = newListener(r, lb, upper(str(r.values.listener_protocol)) ?? new Unknown(`${r.address}.listener_protocol is not set`), num(r.values.listener_port) ?? new Unknown(`${r.address}.listener_port is not set`));
    const actions = blocks(r.values.default_actions);
    if (isUnknown(actions)) listener.hasUnknownBackend = true;
    else for (const a of actions) forwardTargets(r, a, poolByAddress, listener);
    return listener;
  });
  const listenerByAddress = toMap(listeners);

  for (const r of index.ofType('alicloud_alb_rule')) {
    const listener = resolveRef(r, r.values.listener_id, listenerByAddress, ID, 'listener');
    const actions = blocks(r.values.rule_actions);
    if (!listener || isUnknown(listener)) {
      for (const p of pools) p.hasUnknownListeners = true;
      continue;
    }
    listener.hasRoutingRules = true;
    if (isUnknown(actions)) listener.hasUnknownBackend = true;
    else for (const a of actions) forwardTargets(r, a, poolByAddress, listener);
  }

  placeVpcPools(ctx, pools);
  if (index.hasSkipped('alicloud_alb_listener')) for (const lb of lbs) lb.hasUnknownListeners = true;
  if (index.hasSkipped('alicloud_alb_listener') || index.hasSkipped('alicloud_alb_rule')) for (const p of pools) p.hasUnknownListeners = true;
  if (index.hasSkipped('alicloud_alb_server_group')) for (const l of listeners) l.hasUnknownBackend = true;

  model.loadBalancers.push(...lbs);
  model.listeners.push(...listeners);
  model.pools.push(...pools);
}

/** `forward_group_config { server_group_tuples { server_group_id } }` of an ALB action. */
function forwardTargets(r: ResourceInstance, action: { [key: string]: Value }, pools: Map<string, Pool>, listener: Listener): void {
  const configs = blocks(action.forward_group_config);
  if (isUnknown(configs)) {
    listener.hasUnknownBackend = true;
    return;
  }
  for (const c of configs) {
    const tuples = blocks(c.server_group_tuples);
    if (isUnknown(tuples)) {
      listener.hasUnknownBackend = true;
      continue;
    }
    for (const t of tuples) {
      const pool = resolveRef(r, t.server_group_id, pools, ID, 'server group');
      if (pool && !isUnknown(pool)) link(listener, pool);
      else if (isUnknown(pool)) listener.hasUnknownBackend = true;
    }
  }
  // Redirects and fixed responses need no server group.
  const type = lower(str(action.type));
  if (typeof type === 'string' && type !== 'forwardgroup') listener.hasRoutingRules = true;
}

function albMonitor(r: ResourceInstance): HealthMonitor {
  const v = r.values;
  const host = str(v.health_check_host);
  return {
    address: r.address,
    family: FAMILY,
    ...nodeAt(r),
    protocol: upper(str(v.health_check_protocol)) ?? 'HTTP',
    port: hcPort(v.health_check_connect_port),
    interval: num(v.health_check_interval),
    timeout: num(v.health_check_timeout),
    maxRetries: num(v.healthy_threshold),
    maxRetriesDown: num(v.unhealthy_threshold),
    urlPath: str(v.health_check_path),
    // `$SERVER_IP`-style placeholders are not host names.
    domain: typeof host === 'string' && host.startsWith('$') ? undefined : host,
    expectedCodes: codes(v.health_check_codes),
    // `health_check_enabled` is required: absent only in a broken configuration.
    enabled: bool(v.health_check_enabled) ?? new Unknown(`${r.address} health_check_enabled is not set`),
    at: monitorAt(r, { port: 'health_check_connect_port', interval: 'health_check_interval', timeout: 'health_check_timeout', maxRetries: 'healthy_threshold', maxRetriesDown: 'unhealthy_threshold', urlPath: 'health_check_path', domain: 'health_check_host', expectedCodes: 'health_check_codes', enabled: 'health_check_enabled' }),
    offText: offText('health_check_enabled'),
    lbKind: 'alb',
  };
}

// ------------------------------------------------------------------ NLB

function buildNlb(ctx: Ctx): void {
  const { index, model } = ctx;
  const lbs = index.ofType('alicloud_nlb_load_balancer').map((r) => newLoadBalancer(ctx, r, 'nlb', zoneSubnet(ctx, r), albNlbEip(ctx, r)));
  const lbByAddress = toMap(lbs);

  const pools: Pool[] = index.ofType('alicloud_nlb_server_group').map((r) => {
    const pool = newPool(r, r.address, undefined, upper(str(r.values.protocol)) ?? 'TCP');
    pool.anyPortEnabled = bool(r.values.any_port_enabled) ?? false;
    const hc = blocks(r.values.health_check);
    if (isUnknown(hc)) pool.hasUnknownMonitors = true;
    else if (hc.length === 0) {
      // Omitted block: the NLB default is a TCP check on the backend port.
      const m = nlbMonitor({ ...r, address: `${r.address}.health_check`, values: {} }, pool);
      pool.monitors.push(m);
      model.monitors.push(m);
    } else
      hc.forEach((c, i) => {
        const m = nlbMonitor(nested(r, 'health_check', i, c, `${r.address}.health_check`), pool);
        pool.monitors.push(m);
        model.monitors.push(m);
      });
    return pool;
  });
  const poolByAddress = toMap(pools);

  const listeners: Listener[] = index.ofType('alicloud_nlb_listener').map((r) => {
    const lb = resolveRef(r, r.values.load_balancer_id, lbByAddress, ID, 'load balancer');
    const listener = newListener(r, lb, upper(str(r.values.listener_protocol)) ?? new Unknown(`${r.address}.listener_protocol is not set`), num(r.values.listener_port) ?? new Unknown(`${r.address}.listener_port is not set`));
    const pool = resolveRef(r, r.values.server_group_id, poolByAddress, ID, 'server group');
    if (pool && !isUnknown(pool)) link(listener, pool);
    else if (isUnknown(pool)) listener.hasUnknownBackend = true;
    return listener;
  });

  for (const r of index.ofType('alicloud_nlb_server_group_server_attachment')) {
    const pool = resolveRef(r, r.values.server_group_id, poolByAddress, ID, 'server group');
    if (pool === undefined) continue;
    if (isUnknown(pool)) {
      for (const p of pools) p.hasUnknownMembers = true;
      continue;
    }
    const { weight, attr } = weightOf(r.values, 100);
    const byIp = lower(str(r.values.server_type)) === 'ip';
    addMember(ctx, pool, r, r.address, byIp ? r.values.server_ip ?? r.values.server_id : r.values.server_id, num(r.values.port), weight, attr, byIp);
  }

  placeVpcPools(ctx, pools);
  if (index.hasSkipped('alicloud_nlb_listener')) {
    for (const lb of lbs) lb.hasUnknownListeners = true;
    for (const p of pools) p.hasUnknownListeners = true;
  }
  if (index.hasSkipped('alicloud_nlb_server_group_server_attachment')) for (const p of pools) p.hasUnknownMembers = true;
  if (index.hasSkipped('alicloud_nlb_server_group')) for (const l of listeners) l.hasUnknownBackend = true;

  model.loadBalancers.push(...lbs);
  model.listeners.push(...listeners);
  model.pools.push(...pools);
}

/**
 * ALB/NLB server groups belong to a VPC, not an LB: a group's LB is the one of the listeners
 * using it, when they agree.
 */
function placeVpcPools(ctx: Ctx, pools: Pool[]): void {
  for (const p of pools) {
    const lbsOfPool = [...new Set(p.listeners.map((l) => l.loadBalancer))];
    if (lbsOfPool.length === 1) {
      p.loadBalancer = lbsOfPool[0];
      if (p.loadBalancer && !isUnknown(p.loadBalancer)) p.loadBalancer.pools.push(p);
    }
    if (ctx.foreign.has(p.address)) p.hasForeignReferences = true;
  }
}

function nlbMonitor(r: ResourceInstance, pool: Pool): HealthMonitor {
  const v = r.values;
  const type = upper(str(v.health_check_type));
  const domain = str(v.health_check_domain);
  const protocol: Maybe<string> =
    type === undefined ? (pool.protocol === 'UDP' ? 'UDP_CONNECT' : 'TCP') : isUnknown(type) ? type : type === 'UDP' ? 'UDP_CONNECT' : type;
  return {
    address: r.address,
    family: FAMILY,
    ...nodeAt(r),
    protocol,
    port: hcPort(v.health_check_connect_port),
    interval: num(v.health_check_interval),
    timeout: num(v.health_check_connect_timeout),
    maxRetries: num(v.healthy_threshold),
    maxRetriesDown: num(v.unhealthy_threshold),
    urlPath: str(v.health_check_url),
    domain: typeof domain === 'string' && domain.startsWith('$') ? undefined : domain,
    expectedCodes: codes(v.health_check_http_code),
    // Default true (providers.md §4.2).
    enabled: bool(v.health_check_enabled) ?? true,
    at: monitorAt(r, { port: 'health_check_connect_port', interval: 'health_check_interval', timeout: 'health_check_connect_timeout', maxRetries: 'healthy_threshold', maxRetriesDown: 'unhealthy_threshold', urlPath: 'health_check_url', domain: 'health_check_domain', expectedCodes: 'health_check_http_code', enabled: 'health_check_enabled' }),
    offText: offText('health_check_enabled'),
    lbKind: 'nlb',
  };
}

/** The first zone mapping's vSwitch of an ALB/NLB (the LB's own address). */
function zoneSubnet(ctx: Ctx, r: ResourceInstance): Maybe<Subnet> | undefined {
  const zones = blocks(r.values.zone_mappings);
  if (isUnknown(zones)) return zones;
  return zones[0] ? ctx.resolveSubnet(r, zones[0].vswitch_id) : undefined;
}

function albNlbEip(ctx: Ctx, r: ResourceInstance): Maybe<boolean> {
  const internet = lower(str(r.values.address_type));
  if (internet === 'internet') return true;
  return ctx.eips.bound(r);
}

// ------------------------------------------------------------------ security groups

function securityGroupRule(r: ResourceInstance): SecurityGroupRuleNode {
  const v = r.values;
  const type = lower(str(v.type));
  const policy = lower(str(v.policy));
  const v6 = isSet(v.ipv6_cidr_ip);
  const cidr = str(v6 ? v.ipv6_cidr_ip : v.cidr_ip);
  let remoteGroup: Maybe<string> | undefined;
  if (cidr === undefined) {
    // No CIDR: a group or prefix-list source (never "any": an empty cidr_ip is an API error).
    remoteGroup = isSet(v.source_security_group_id) ? 'group' : new Unknown(`${r.address} admits a source this configuration does not resolve`);
  }
  return {
    address: r.address,
    family: FAMILY,
    ...nodeAt(r),
    range: r.block.range,
    direction: isUnknown(type) ? type : type === 'ingress' ? 'ingress' : type === 'egress' ? 'egress' : new Unknown(`${r.address}.type is ${JSON.stringify(type ?? null)}`),
    ethertype: v6 ? 6 : 4,
    protocol: str(v.ip_protocol) ?? new Unknown(`${r.address}.ip_protocol is not set`),
    ports: str(v.port_range) ?? '-1/-1',
    remoteCidr: cidr,
    remoteGroup,
    // Defaults: policy accept, priority 1 (providers.md §4.3).
    action: isUnknown(policy) ? policy : policy === 'drop' ? 'deny' : policy === undefined || policy === 'accept' ? 'allow' : new Unknown(`${r.address}.policy is ${JSON.stringify(policy)}`),
    priority: num(v.priority) ?? 1,
  };
}

// ------------------------------------------------------------------ network ACLs (stateless)

function buildNetworkAcls(index: ResourceIndex, resolveSubnet: Resolver<Subnet>): NetworkAcl[] {
  const acls: NetworkAcl[] = [];
  const attach = (acl: NetworkAcl, from: ResourceInstance, resources: Maybe<{ [key: string]: Value }[]>) => {
    if (isUnknown(resources)) return;
    for (const res of resources) {
      const type = str(res.resource_type);
      if (typeof type === 'string' && type.toLowerCase() !== 'vswitch') continue;
      const s = resolveSubnet(from, res.resource_id);
      if (s && !isUnknown(s) && !s.acls.includes(acl)) s.acls.push(acl);
    }
  };
  for (const r of index.ofType('alicloud_network_acl')) {
    const acl: NetworkAcl = {
      address: r.address,
      family: FAMILY,
      ...nodeAt(r),
      enabled: true,
      stateful: false,
      ingress: aclEntries(r, 'ingress_acl_entries', 'ingress'),
      egress: aclEntries(r, 'egress_acl_entries', 'egress'),
    };
    acls.push(acl);
    attach(acl, r, blocks(r.values.resources));
  }
  const aclByAddress = toMap(acls);
  // Legacy: entries and attachments as separate resources.
  for (const r of index.ofType('alicloud_network_acl_entries')) {
    const acl = resolveRef(r, r.values.network_acl_id, aclByAddress, ID, 'network ACL');
    if (!acl || isUnknown(acl)) continue;
    acl.ingress = aclEntries(r, 'ingress', 'ingress');
    acl.egress = aclEntries(r, 'egress', 'egress');
  }
  for (const r of index.ofType('alicloud_network_acl_attachment')) {
    const acl = resolveRef(r, r.values.network_acl_id, aclByAddress, ID, 'network ACL');
    if (!acl || isUnknown(acl)) continue;
    attach(acl, r, blocks(r.values.resources));
  }
  if (index.hasSkipped('alicloud_network_acl_entries')) {
    for (const acl of acls) {
      acl.ingress = new Unknown('network ACL entries with an unknown count or for_each may replace these');
      acl.egress = acl.ingress;
    }
  }
  return acls;
}

/**
 * Ordered entries of one direction. Omitted entirely, the list is whatever the cloud created
 * (the provider leaves a computed list alone), so it is Unknown rather than empty.
 */
function aclEntries(r: ResourceInstance, blockType: string, direction: 'ingress' | 'egress'): Maybe<AclRuleNode[]> {
  const raw = r.values[blockType];
  if (raw === undefined || raw === null) return new Unknown(`${r.address} does not set ${blockType}, so the cloud's entries apply`);
  const entries = blocks(raw);
  if (isUnknown(entries)) return entries;
  return entries.map((e, i) => {
    const address = `${r.address}.${blockType}[${i}]`;
    const policy = lower(str(e.policy));
    const protocol = lower(str(e.protocol));
    const port = str(e.port);
    const ipVersion = lower(str(e.ip_version));
    const needsPort = protocol === 'tcp' || protocol === 'udp';
    return {
      id: address,
      address,
      range: nestedBlockRange(r, blockType, i),
      protocol: protocol ?? new Unknown(`${address}.protocol is not set`),
      sourceCidr: direction === 'ingress' ? str(e.source_cidr_ip) ?? new Unknown(`${address}.source_cidr_ip is not set`) : undefined,
      destinationCidr: direction === 'egress' ? str(e.destination_cidr_ip) ?? new Unknown(`${address}.destination_cidr_ip is not set`) : undefined,
      // Alibaba's one `port` field matches the DESTINATION port in both directions.
      sourcePorts: undefined,
      destinationPorts: port ?? (needsPort ? new Unknown(`${address}.port is not set`) : undefined),
      action: isUnknown(policy) ? policy : policy === 'accept' ? 'allow' : policy === 'drop' ? 'deny' : new Unknown(`${address}.policy is ${JSON.stringify(policy ?? null)}`),
      enabled: true,
      ...(ipVersion !== undefined ? { ipVersion: isUnknown(ipVersion) ? ipVersion : ipVersion === 'ipv6' ? 6 : 4 } : {}),
    };
  });
}
