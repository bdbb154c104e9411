// Huawei Cloud adapter: dedicated ELB (`huaweicloud_elb_*`), shared ELB (`huaweicloud_lb_*`),
// security groups, network ACLs (current and legacy), ECS, ports, subnets and EIPs.
// Attribute names and defaults: ../shared/reference/providers.md §1.
import { Unknown, isUnknown, type ResourceInstance, type Value } from '../types.js';
import { ResourceIndex, collectRefs, modulePrefix, resolveRef } from './graph.js';
import type {
  AccessControl,
  AclRuleNode,
  Backend,
  HealthMonitor,
  LoadBalancer,
  Listener,
  Maybe,
  Member,
  Model,
  NetworkAcl,
  Pool,
  SecurityGroup,
  SecurityGroupRuleNode,
  Subnet,
} from './types.js';
import { blocks, bool, isSet, list, nestedBlockRange, num, str } from './values.js';

const FAMILY = 'huaweicloud' as const;

const LB_TYPES = {
  dedicated: {
    loadBalancer: 'huaweicloud_elb_loadbalancer',
    listener: 'huaweicloud_elb_listener',
    pool: 'huaweicloud_elb_pool',
    member: 'huaweicloud_elb_member',
    monitor: 'huaweicloud_elb_monitor',
    policy: 'huaweicloud_elb_l7policy',
  },
  shared: {
    loadBalancer: 'huaweicloud_lb_loadbalancer',
    listener: 'huaweicloud_lb_listener',
    pool: 'huaweicloud_lb_pool',
    member: 'huaweicloud_lb_member',
    monitor: 'huaweicloud_lb_monitor',
    policy: 'huaweicloud_lb_l7policy',
  },
} as const;

/** Resource types whose references to a pool are understood by this adapter. */
const LB_RESOURCE_TYPES = new Set<string>([
  ...Object.values(LB_TYPES.dedicated),
  ...Object.values(LB_TYPES.shared),
  'huaweicloud_elb_active_standby_pool',
  'huaweicloud_lb_whitelist',
  'huaweicloud_elb_ipgroup',
]);

const ID = [['id']] as const;

function upper(v: Maybe<string> | undefined): Maybe<string> | undefined {
  return typeof v === 'string' ? v.toUpperCase() : v;
}

function toMap<T extends { address: string }>(nodes: T[]): Map<string, T> {
  return new Map(nodes.map((n) => [n.address, n]));
}

export function buildHuaweiCloud(index: ResourceIndex, model: Model): void {
  // ---- network: subnets, ACLs
  const subnets: Subnet[] = index.ofType('huaweicloud_vpc_subnet').map((r) => ({
    address: r.address,
    family: FAMILY,
    resource: r,
    cidr: str(r.values.cidr) ?? new Unknown(`${r.address}.cidr is not set`),
    acls: [],
  }));
  const subnetByAddress = toMap(subnets);
  // LB and member resources take `ipv4_subnet_id`; ECS, ACLs and backend_subnets take `id`.
  const subnetPaths = [['id'], ['ipv4_subnet_id'], ['subnet_id']] as const;
  const resolveSubnet = (from: ResourceInstance, v: Value | undefined) =>
    resolveRef(from, v, subnetByAddress, subnetPaths, 'subnet');

  const acls = buildNetworkAcls(index, resolveSubnet);
  model.networkAcls.push(...acls);
  model.subnets.push(...subnets);

  // ---- security groups
  const groups: SecurityGroup[] = index.ofType('huaweicloud_networking_secgroup').map((r) => ({
    address: r.address,
    family: FAMILY,
    resource: r,
    name: str(r.values.name),
    rules: [],
    hasUnknownRules: false,
  }));
  const groupByAddress = toMap(groups);
  for (const r of index.ofType('huaweicloud_networking_secgroup_rule')) {
    const group = resolveRef(r, r.values.security_group_id, groupByAddress, ID, 'security group');
    if (group === undefined) continue;
    if (isUnknown(group)) {
      // A rule whose group we cannot name may belong to any group: none of them can be proven closed.
      for (const g of groups) g.hasUnknownRules = true;
      continue;
    }
    group.rules.push(securityGroupRule(r));
  }
  // Rules with an unknown count/for_each are not expanded: they may belong to any group.
  if (index.hasSkipped('huaweicloud_networking_secgroup_rule')) for (const g of groups) g.hasUnknownRules = true;
  model.securityGroups.push(...groups);

  // Names resolve within the module that declares the instance.
  const groupsByName = new Map<string, SecurityGroup[]>();
  for (const g of groups) {
    if (typeof g.name !== 'string') continue;
    const key = `${g.resource.modulePath.join('.')}\0${g.name}`;
    groupsByName.set(key, [...(groupsByName.get(key) ?? []), g]);
  }

  const resolveGroups = (from: ResourceInstance): Maybe<SecurityGroup[]> => {
    const ids = list(from.values.security_group_ids);
    if (ids !== undefined) {
      if (isUnknown(ids)) return ids;
      const out: SecurityGroup[] = [];
      for (const id of ids) {
        const g = resolveRef(from, id, groupByAddress, ID, 'security group');
        if (g === undefined) continue;
        if (isUnknown(g)) return g;
        out.push(g);
      }
      if (out.length) return out;
    }
    const names = list(from.values.security_groups);
    if (names !== undefined) {
      if (isUnknown(names)) return names;
      const out: SecurityGroup[] = [];
      for (const n of names) {
        if (isUnknown(n)) {
          const byRef = resolveRef(from, n, groupByAddress, [['name']], 'security group');
          if (byRef && !isUnknown(byRef)) {
            out.push(byRef);
            continue;
          }
          return n;
        }
        const matches = groupsByName.get(`${from.modulePath.join('.')}\0${String(n)}`) ?? [];
        const only = matches.length === 1 ? matches[0] : undefined;
        if (!only) return new Unknown(`security group named '${String(n)}' is not defined in this configuration`);
        out.push(only);
      }
      if (out.length) return out;
    }
    return new Unknown(`${from.address} uses the default security group, which this configuration does not define`);
  };

  // ---- backends: ECS instances and NICs
  const backends: Backend[] = [];
  for (const r of index.ofType('huaweicloud_compute_instance')) {
    const nets = blocks(r.values.network);
    const first = isUnknown(nets) ? undefined : nets[0];
    backends.push({
      address: r.address,
      family: FAMILY,
      resource: r,
      ip: first ? str(first.fixed_ip_v4) : undefined,
      securityGroups: resolveGroups(r),
      subnet: first ? resolveSubnet(r, first.uuid) : isUnknown(nets) ? nets : undefined,
    });
  }
  for (const r of index.ofType('huaweicloud_networking_port')) {
    const fixed = blocks(r.values.fixed_ip);
    const first = isUnknown(fixed) ? undefined : fixed[0];
    backends.push({
      address: r.address,
      family: FAMILY,
      resource: r,
      ip: first ? str(first.ip_address) : undefined,
      securityGroups: resolveGroups(r),
      subnet: resolveSubnet(r, first?.subnet_id ?? r.values.network_id),
    });
  }
  model.backends.push(...backends);
  const backendByAddress = toMap(backends);

  // Literal member addresses match the IPs the configuration gives instances and ports.
  const backendsByIp = new Map<string, Backend[]>();
  for (const b of backends) {
    for (const ip of new Set([...(typeof b.ip === 'string' ? [b.ip] : []), ...ipsOf(b)])) {
      backendsByIp.set(ip, [...(backendsByIp.get(ip) ?? []), b]);
    }
  }

  const resolveBackend = (m: ResourceInstance, address: Maybe<string> | undefined): Maybe<Backend> | undefined => {
    const v = m.values.address;
    if (isUnknown(v) && v.ref) {
      return backendByAddress.get(v.ref.address) ?? backendByAddress.get(modulePrefix(m) + v.ref.address) ?? v;
    }
    if (typeof address !== 'string') return address;
    const matches = backendsByIp.get(address) ?? [];
    return matches.length === 1 ? matches[0] : undefined;
  };

  // ---- EIP bindings to LB ports / LBs
  const eipTargets = collectEipTargets(index);

  // ---- load balancers
  const foreign = foreignReferences(index);
  for (const kind of ['dedicated', 'shared'] as const) {
    const types = LB_TYPES[kind];
    const lbs: LoadBalancer[] = index.ofType(types.loadBalancer).map((r) => loadBalancer(r, kind, resolveSubnet, eipTargets));
    const lbByAddress = toMap(lbs);

    const listeners: Listener[] = index.ofType(types.listener).map((r) => {
      const lb = resolveRef(r, r.values.loadbalancer_id, lbByAddress, ID, 'load balancer');
      const listener: Listener = {
        address: r.address,
        family: FAMILY,
        resource: r,
        loadBalancer: lb,
        protocol: upper(str(r.values.protocol)) ?? new Unknown(`${r.address}.protocol is not set`),
        port: num(r.values.protocol_port) ?? new Unknown(`${r.address}.protocol_port is not set`),
        pools: [],
        hasUnknownBackend: false,
        hasPolicies: false,
        transparentClientIp: transparentClientIp(r, kind),
        isRedirect: false,
        accessControls: [],
      };
      if (lb && !isUnknown(lb)) lb.listeners.push(listener);
      return listener;
    });
    const listenerByAddress = toMap(listeners);

    const pools: Pool[] = index.ofType(types.pool).map((r) => {
      const { pool, listener } = newPool(r, listenerByAddress);
      const lb = resolveRef(r, r.values.loadbalancer_id, lbByAddress, ID, 'load balancer');
      pool.loadBalancer = lb ?? (listener && !isUnknown(listener) ? listener.loadBalancer : listener);
      if (pool.loadBalancer && !isUnknown(pool.loadBalancer)) pool.loadBalancer.pools.push(pool);
      return pool;
    });
    const poolByAddress = toMap(pools);

    for (const listener of listeners) {
      const v = listener.resource.values.default_pool_id;
      const pool = resolveRef(listener.resource, v, poolByAddress, ID, 'pool');
      if (pool && !isUnknown(pool)) link(listener, pool);
      else if (isUnknown(pool)) listener.hasUnknownBackend = true;
    }

    for (const r of index.ofType(types.policy)) {
      const listener = resolveRef(r, r.values.listener_id, listenerByAddress, ID, 'listener');
      const targets: (Value | undefined)[] = [r.values.redirect_pool_id];
      const configs = blocks(r.values.redirect_pools_config);
      if (isUnknown(configs)) targets.push(configs);
      else for (const c of configs) targets.push(c.pool_id);
      if (listener && !isUnknown(listener)) listener.hasPolicies = true;
      for (const t of targets) {
        const pool = resolveRef(r, t, poolByAddress, ID, 'pool');
        if (pool && !isUnknown(pool)) {
          if (listener && !isUnknown(listener)) link(listener, pool);
          else pool.hasUnknownListeners = true;
        } else if (isUnknown(pool)) {
          if (listener && !isUnknown(listener)) listener.hasUnknownBackend = true;
        }
      }
      if (listener === undefined || isUnknown(listener)) {
        // A policy on a listener we cannot see may use any pool.
        for (const p of pools) p.hasUnknownListeners = true;
      }
    }

    for (const r of index.ofType(types.member)) {
      const pool = resolveRef(r, r.values.pool_id, poolByAddress, ID, 'pool');
      if (pool === undefined) continue;
      if (isUnknown(pool)) {
        for (const p of pools) p.hasUnknownMembers = true;
        continue;
      }
      const address = str(r.values.address) ?? new Unknown(`${r.address}.address is not set`);
      const member: Member = {
        address: r.address,
        family: FAMILY,
        resource: r,
        pool,
        ip: address,
        port: num(r.values.protocol_port) ?? new Unknown(`${r.address}.protocol_port is not set`),
        // The API default weight is 1 (providers.md §1.4, §1.8).
        weight: num(r.values.weight) ?? 1,
        weightAttribute: r.values.weight === undefined ? undefined : 'weight',
        backend: resolveBackend(r, address),
        subnet: resolveSubnet(r, r.values.subnet_id),
      };
      pool.members.push(member);
      model.members.push(member);
    }

    for (const r of index.ofType(types.monitor)) {
      const pool = resolveRef(r, r.values.pool_id, poolByAddress, ID, 'pool');
      if (pool === undefined) continue;
      if (isUnknown(pool)) {
        for (const p of pools) p.hasUnknownMonitors = true;
        continue;
      }
      const monitor = healthMonitor(r, kind);
      pool.monitors.push(monitor);
      model.monitors.push(monitor);
    }

    // Members, monitors, policies or pools with an unknown count/for_each are not expanded: any
    // pool may have them, any listener may use them.
    if (index.hasSkipped(types.listener)) for (const lb of lbs) lb.hasUnknownListeners = true;
    if (index.hasSkipped(types.member)) for (const p of pools) p.hasUnknownMembers = true;
    if (index.hasSkipped(types.monitor)) for (const p of pools) p.hasUnknownMonitors = true;
    if (index.hasSkipped(types.policy)) for (const p of pools) p.hasUnknownListeners = true;
    if (index.hasSkipped(types.pool) || (kind === 'dedicated' && index.hasSkipped('huaweicloud_elb_active_standby_pool'))) {
      for (const l of listeners) l.hasUnknownBackend = true;
    }

    for (const p of pools) if (foreign.has(p.address)) p.hasForeignReferences = true;

    accessControls(index, kind, listenerByAddress, model);

    model.loadBalancers.push(...lbs);
    model.listeners.push(...listeners);
    model.pools.push(...pools);
  }

  activeStandbyPools(index, model);
}

/**
 * Addresses referenced by resources this adapter does not model (an AS group's lbaas_listeners,
 * a CCE service…): a pool among them may get members or traffic from there, so it is never
 * called empty or unused.
 */
function foreignReferences(index: ResourceIndex): Set<string> {
  const foreign = new Set<string>();
  for (const r of index.all()) {
    if (LB_RESOURCE_TYPES.has(r.type)) continue;
    for (const ref of collectRefs(r.values)) {
      const a = ref.ref?.address;
      if (a) foreign.add(a).add(modulePrefix(r) + a);
    }
  }
  return foreign;
}

function link(listener: Listener, pool: Pool): void {
  if (!listener.pools.includes(pool)) listener.pools.push(pool);
  if (!pool.listeners.includes(listener)) pool.listeners.push(listener);
}

function ipsOf(b: Backend): string[] {
  const out: string[] = [];
  const nets = blocks(b.resource.values.network);
  if (!isUnknown(nets)) for (const n of nets) if (typeof n.fixed_ip_v4 === 'string') out.push(n.fixed_ip_v4);
  const fixed = blocks(b.resource.values.fixed_ip);
  if (!isUnknown(fixed)) for (const f of fixed) if (typeof f.ip_address === 'string') out.push(f.ip_address);
  if (typeof b.resource.values.access_ip_v4 === 'string') out.push(b.resource.values.access_ip_v4);
  return out;
}

function transparentClientIp(r: ResourceInstance, kind: 'dedicated' | 'shared'): Maybe<boolean> {
  // Dedicated ELBs always pass the client IP; shared TCP/UDP listeners default to false.
  if (kind === 'dedicated') return true;
  return bool(r.values.transparent_client_ip_enable) ?? false;
}

function loadBalancer(
  r: ResourceInstance,
  kind: 'dedicated' | 'shared',
  resolveSubnet: (from: ResourceInstance, v: Value | undefined) => Maybe<Subnet> | undefined,
  eipTargets: EipTargets,
): LoadBalancer {
  const v = r.values;
  if (kind === 'shared') {
    const subnet = resolveSubnet(r, v.vip_subnet_id);
    return {
      address: r.address,
      family: FAMILY,
      resource: r,
      kind,
      subnet,
      backendSubnets: new Unknown('shared load balancers reach backends from a fixed range'),
      crossVpcBackend: false,
      hasPrivateIpv4: true,
      hasIpv6: false,
      hasEip: eipTargets.hasEip(r, ['vip_port_id']),
      listeners: [],
      pools: [],
      hasUnknownListeners: false,
    };
  }
  const subnet = resolveSubnet(r, v.ipv4_subnet_id);
  let backendSubnets: Maybe<Subnet[]>;
  const listed = list(v.backend_subnets);
  if (listed !== undefined && !(Array.isArray(listed) && listed.length === 0)) {
    if (isUnknown(listed)) backendSubnets = listed;
    else {
      const out: Subnet[] = [];
      backendSubnets = out;
      for (const id of listed) {
        const s = resolveSubnet(r, id);
        if (s === undefined) continue;
        if (isUnknown(s)) {
          backendSubnets = s;
          break;
        }
        out.push(s);
      }
    }
  } else if (subnet !== undefined) {
    backendSubnets = isUnknown(subnet) ? subnet : [subnet];
  } else {
    backendSubnets = new Unknown(`${r.address} has no ipv4_subnet_id or backend_subnets, so the cloud picks the backend subnet`);
  }
  const inlineEip = v.ipv4_eip_id !== undefined && v.ipv4_eip_id !== null ? true : v.iptype !== undefined && v.iptype !== null ? true : undefined;
  return {
    address: r.address,
    family: FAMILY,
    resource: r,
    kind,
    subnet,
    backendSubnets,
    crossVpcBackend: bool(v.cross_vpc_backend) ?? false,
    // An empty string is what `var.x ? id : ""` leaves: the provider sends nothing.
    hasPrivateIpv4: isSet(v.ipv4_subnet_id),
    hasIpv6: isSet(v.ipv6_network_id),
    hasEip: inlineEip ?? eipTargets.hasEip(r, ['ipv4_port_id']),
    listeners: [],
    pools: [],
    hasUnknownListeners: false,
  };
}

interface EipTargets {
  hasEip(lb: ResourceInstance, portPaths: string[]): Maybe<boolean>;
}

/** EIP associations: port bindings (`port_id = lb.vip_port_id`) and ELB bindings (eipv3 ELB). */
function collectEipTargets(index: ResourceIndex): EipTargets {
  const bound = new Set<string>();
  let unknownBinding: Unknown | undefined;
  const note = (from: ResourceInstance, v: Value | undefined) => {
    if (v === undefined || v === null || v === '') return;
    if (isUnknown(v)) {
      if (v.ref) bound.add(`${v.ref.address}#${v.ref.path.join('.')}`), bound.add(`${modulePrefix(from)}${v.ref.address}#${v.ref.path.join('.')}`);
      else unknownBinding ??= v;
    } else unknownBinding ??= new Unknown(`an EIP is bound to port '${String(v)}', which this configuration does not define`);
  };
  for (const r of index.ofType('huaweicloud_vpc_eip_associate')) note(r, r.values.port_id);
  for (const r of index.ofType('huaweicloud_vpc_eipv3_associate')) note(r, r.values.associate_instance_id);
  for (const r of index.ofType('huaweicloud_vpc_eip')) {
    const pub = blocks(r.values.publicip);
    if (isUnknown(pub)) unknownBinding ??= pub;
    else for (const p of pub) note(r, p.port_id);
  }
  return {
    hasEip(lb, portPaths) {
      for (const p of [...portPaths, 'id']) if (bound.has(`${lb.address}#${p}`)) return true;
      return unknownBinding ?? false;
    },
  };
}

function healthMonitor(r: ResourceInstance, kind: 'dedicated' | 'shared'): HealthMonitor {
  const v = r.values;
  const dedicated = kind === 'dedicated';
  const protocolAttr = dedicated ? 'protocol' : 'type';
  const intervalAttr = dedicated ? 'interval' : 'delay';
  const codesAttr = dedicated ? 'status_code' : 'expected_codes';
  const enabledAttr = dedicated ? 'enabled' : 'admin_state_up';
  return {
    address: r.address,
    family: FAMILY,
    resource: r,
    protocol: upper(str(v[protocolAttr])) ?? new Unknown(`${r.address}.${protocolAttr} is not set`),
    port: num(v.port),
    portAttribute: 'port',
    interval: num(v[intervalAttr]),
    intervalAttribute: intervalAttr,
    timeout: num(v.timeout),
    timeoutAttribute: 'timeout',
    maxRetries: num(v.max_retries),
    maxRetriesDown: num(v.max_retries_down),
    urlPath: str(v.url_path),
    urlPathAttribute: 'url_path',
    domain: str(v.domain_name),
    domainAttribute: 'domain_name',
    expectedCodes: str(v[codesAttr]),
    expectedCodesAttribute: codesAttr,
    enabled: bool(v[enabledAttr]) ?? true,
    enabledAttribute: enabledAttr,
  };
}

function securityGroupRule(r: ResourceInstance): SecurityGroupRuleNode {
  const v = r.values;
  const direction = str(v.direction);
  const ethertype = str(v.ethertype);
  const action = str(v.action);
  let ports: Maybe<string> | undefined = str(v.ports);
  if (ports === undefined) {
    const min = num(v.port_range_min);
    const max = num(v.port_range_max);
    if (isUnknown(min)) ports = min;
    else if (isUnknown(max)) ports = max;
    else if (min !== undefined || max !== undefined) ports = `${min ?? max}-${max ?? min}`;
  }
  return {
    address: r.address,
    family: FAMILY,
    resource: r,
    range: r.block.range,
    direction: isUnknown(direction) ? direction : direction === 'egress' ? 'egress' : direction === 'ingress' ? 'ingress' : new Unknown(`${r.address}.direction is ${JSON.stringify(direction ?? null)}`),
    ethertype: isUnknown(ethertype) ? ethertype : ethertype?.toUpperCase() === 'IPV6' ? 6 : 4,
    protocol: str(v.protocol) ?? 'any',
    ports,
    remoteCidr: str(v.remote_ip_prefix),
    remoteGroup: v.remote_group_id !== undefined && v.remote_group_id !== null ? 'group' : v.remote_address_group_id !== undefined && v.remote_address_group_id !== null ? new Unknown(`${r.address} admits an address group whose members are not known`) : undefined,
    // The API default action is allow; the default priority is 1 (providers.md §1.9).
    action: isUnknown(action) ? action : action?.toLowerCase() === 'deny' ? 'deny' : 'allow',
    priority: num(v.priority) ?? 1,
  };
}

function buildNetworkAcls(
  index: ResourceIndex,
  resolveSubnet: (from: ResourceInstance, v: Value | undefined) => Maybe<Subnet> | undefined,
): NetworkAcl[] {
  const acls: NetworkAcl[] = [];
  const attach = (acl: NetworkAcl, from: ResourceInstance, ids: (Value | undefined)[]) => {
    for (const id of ids) {
      const s = resolveSubnet(from, id);
      if (s && !isUnknown(s)) s.acls.push(acl);
    }
  };

  // Current resource: inline ordered rules, ACLs are stateful (providers.md §5 HW-7).
  for (const r of index.ofType('huaweicloud_vpc_network_acl')) {
    const acl: NetworkAcl = {
      address: r.address,
      family: FAMILY,
      resource: r,
      enabled: bool(r.values.enabled) ?? true,
      stateful: true,
      ingress: inlineAclRules(r, 'ingress_rules'),
      egress: inlineAclRules(r, 'egress_rules'),
    };
    acls.push(acl);
    const assoc = blocks(r.values.associated_subnets);
    if (!isUnknown(assoc)) attach(acl, r, assoc.map((a) => a.subnet_id));
  }

  // Legacy resources: rule ids in order; port ranges written "a:b".
  const ruleByAddress = new Map<string, ResourceInstance>(index.ofType('huaweicloud_network_acl_rule').map((r) => [r.address, r]));
  for (const r of index.ofType('huaweicloud_network_acl')) {
    const legacyRules = (attrName: string): Maybe<AclRuleNode[]> => {
      const ids = list(r.values[attrName]);
      if (ids === undefined) return [];
      if (isUnknown(ids)) return ids;
      const out: AclRuleNode[] = [];
      for (const id of ids) {
        const rule = resolveRef(r, id, ruleByAddress, ID, 'network ACL rule');
        if (rule === undefined) continue;
        if (isUnknown(rule)) return rule;
        out.push(aclRule(rule, rule.values, rule.block.range, rule.address));
      }
      return out;
    };
    const acl: NetworkAcl = {
      address: r.address,
      family: FAMILY,
      resource: r,
      enabled: true,
      stateful: true,
      ingress: legacyRules('inbound_rules'),
      egress: legacyRules('outbound_rules'),
    };
    acls.push(acl);
    const subnets = list(r.values.subnets);
    if (subnets && !isUnknown(subnets)) attach(acl, r, subnets);
  }
  return acls;
}

function inlineAclRules(r: ResourceInstance, blockType: string): Maybe<AclRuleNode[]> {
  const rules = blocks(r.values[blockType]);
  if (isUnknown(rules)) return rules;
  return rules.map((rule, i) => aclRule(r, rule, nestedBlockRange(r, blockType, i), `${r.address}.${blockType}[${i}]`));
}

function aclRule(_r: ResourceInstance, v: { [key: string]: Value }, range: AclRuleNode['range'], address: string): AclRuleNode {
  const action = str(v.action);
  return {
    id: address,
    address,
    range,
    protocol: str(v.protocol) ?? 'any',
    sourceCidr: str(v.source_ip_address),
    destinationCidr: str(v.destination_ip_address),
    sourcePorts: str(v.source_port),
    destinationPorts: str(v.destination_port),
    action: isUnknown(action) ? action : action?.toLowerCase() === 'deny' ? 'deny' : action?.toLowerCase() === 'allow' ? 'allow' : new Unknown(`${address}.action is ${JSON.stringify(action ?? null)}`),
    enabled: bool(v.enabled) ?? true,
    // An `ip_version = 6` rule without addresses must not match IPv4 traffic.
    ...(v.ip_version !== undefined && v.ip_version !== null ? { ipVersion: num(v.ip_version) ?? new Unknown(`${address}.ip_version is not set`) } : {}),
  };
}

function accessControls(index: ResourceIndex, kind: 'dedicated' | 'shared', listenerByAddress: Map<string, Listener>, model: Model): void {
  if (kind === 'shared') {
    for (const r of index.ofType('huaweicloud_lb_whitelist')) {
      const listener = resolveRef(r, r.values.listener_id, listenerByAddress, ID, 'listener');
      if (!listener || isUnknown(listener)) continue;
      const raw = str(r.values.whitelist);
      const control: AccessControl = {
        node: { address: r.address, family: FAMILY, resource: r },
        enabled: bool(r.values.enable_whitelist) ?? new Unknown(`${r.address}.enable_whitelist is not set`),
        type: 'white',
        entries: raw === undefined ? [] : isUnknown(raw) ? raw : raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0),
        entriesAttribute: 'whitelist',
      };
      listener.accessControls.push(control);
      model.accessControls.push({ listener, control });
    }
    return;
  }
  const groups = new Map<string, ResourceInstance>(index.ofType('huaweicloud_elb_ipgroup').map((r) => [r.address, r]));
  for (const listener of listenerByAddress.values()) {
    const r = listener.resource;
    const group = resolveRef(r, r.values.ip_group, groups, ID, 'ip group');
    if (!group) continue;
    const policy = str(r.values.access_policy);
    const entries: Maybe<string[]> = isUnknown(group)
      ? group
      : (() => {
          const items = blocks(group.values.ip_list);
          if (isUnknown(items)) return items;
          const out: string[] = [];
          for (const i of items) {
            const ip = str(i.ip);
            if (isUnknown(ip)) return ip;
            if (ip) out.push(ip);
          }
          return out;
        })();
    const control: AccessControl = {
      node: isUnknown(group) ? { address: r.address, family: FAMILY, resource: r } : { address: group.address, family: FAMILY, resource: group },
      // ip_group_enable is an API default believed to be true (providers.md §1.2, unverified).
      enabled: bool(r.values.ip_group_enable) ?? new Unknown(`${r.address}.ip_group_enable is not set (API default unverified)`),
      type: isUnknown(policy) ? policy : policy === 'black' ? 'black' : 'white',
      entries,
      entriesAttribute: 'ip_list',
    };
    listener.accessControls.push(control);
    model.accessControls.push({ listener, control });
  }
}

/** `huaweicloud_elb_active_standby_pool`: a pool with inline members and monitor. */
function activeStandbyPools(index: ResourceIndex, model: Model): void {
  const listeners = new Map(model.listeners.map((l) => [l.address, l]));
  const standby = new Map<string, Pool>();
  for (const r of index.ofType('huaweicloud_elb_active_standby_pool')) {
    const { pool } = newPool(r, listeners);
    standby.set(pool.address, pool);
    // The inline `healthmonitor` block is the pool's monitor; a synthetic resource whose block is
    // the nested block keeps attribute ranges exact.
    const hm = blocks(r.values.healthmonitor);
    if (isUnknown(hm)) pool.hasUnknownMonitors = true;
    else
      hm.forEach((values, i) => {
        const block = r.block.blocks.filter((b) => b.type === 'healthmonitor')[i] ?? r.block;
        const synthetic: ResourceInstance = { ...r, address: `${r.address}.healthmonitor[${i}]`, block, values };
        const monitor = healthMonitor(synthetic, 'shared');
        monitor.protocol = upper(str(values.type)) ?? new Unknown(`${r.address}.healthmonitor.type is not set`);
        monitor.port = num(values.monitor_port);
        monitor.portAttribute = 'monitor_port';
        pool.monitors.push(monitor);
        model.monitors.push(monitor);
      });
    const members = blocks(r.values.members);
    if (isUnknown(members)) pool.hasUnknownMembers = true;
    else
      members.forEach((m, i) => {
        const member: Member = {
          address: `${r.address}.members[${i}]`,
          family: FAMILY,
          resource: r,
          pool,
          ip: str(m.address) ?? new Unknown('member address is not set'),
          port: num(m.protocol_port) ?? new Unknown('member port is not set'),
          weight: 1,
          backend: undefined,
          subnet: undefined,
        };
        pool.members.push(member);
      });
    model.pools.push(pool);
  }
  // Listeners may name an active-standby pool as their default pool.
  if (standby.size === 0) return;
  for (const l of model.listeners) {
    const target = resolveRef(l.resource, l.resource.values.default_pool_id, standby, ID, 'pool');
    if (target && !isUnknown(target)) link(l, target);
  }
}

/** A pool node linked to the listener its `listener_id` names. */
function newPool(r: ResourceInstance, listeners: ReadonlyMap<string, Listener>): { pool: Pool; listener: Maybe<Listener> | undefined } {
  const pool: Pool = {
    address: r.address,
    family: FAMILY,
    resource: r,
    loadBalancer: undefined,
    protocol: upper(str(r.values.protocol)) ?? new Unknown(`${r.address}.protocol is not set`),
    listeners: [],
    members: [],
    monitors: [],
    hasForeignReferences: false,
    hasUnknownMembers: false,
    hasUnknownMonitors: false,
    hasUnknownListeners: false,
    anyPortEnabled: bool(r.values.any_port_enable) ?? false,
  };
  const listener = resolveRef(r, r.values.listener_id, listeners, ID, 'listener');
  if (listener && !isUnknown(listener)) link(listener, pool);
  else if (isUnknown(listener)) pool.hasUnknownListeners = true;
  return { pool, listener };
}
