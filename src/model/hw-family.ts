// The adapter engine of the Huawei-derived families (Huawei Cloud, Open Telekom Cloud,
// FlexibleEngine): one engine, driven by a per-family `Dialect` table of resource type names,
// attribute names and defaults (huaweicloud.ts, opentelekomcloud.ts, flexibleengine.ts).
// Attribute names and defaults: ../shared/reference/providers.md §1-§3.
import { Unknown, isUnknown, type ResourceInstance, type Value } from '../types.js';
import type { ProviderFamily } from '../types.js';
import { ID, ResourceIndex, foreignReferences, link, modulePrefix, resolveRef, toMap } from './graph.js';
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
  SecurityGroupRuleSyntax,
  Subnet,
} from './types.js';
import { backendsByIp, buildSecurityGroups, buildSubnets, eipBindings, type EipBindings, type Resolver } from './network.js';
import { blocks, bool, isSet, list, nestedBlockRange, num, str, upper, fieldAt, monitorAt, nodeAt, offText } from './values.js';

// ------------------------------------------------------------------ dialect

/** How a listener's whitelist (IP address group) is written and what its defaults are. */
export type IpGroupStyle =
  /** `ip_group = <ipgroup id>` + `access_policy`; `enabledAttribute` (if any) toggles it. */
  | {
      style: 'attribute';
      /** Attribute that switches access control; when absent, `enabledDefault` applies. */
      enabledAttribute?: string;
      /** 'unknown': an API default nobody has verified; 'policy-set': the provider enables it whenever `access_policy` is set. */
      enabledDefault: 'unknown' | 'policy-set';
    }
  /** `ip_group { id, enable, type }` (OTC): `enable` defaults to false. */
  | { style: 'block' };

export interface LbProduct {
  kind: 'dedicated' | 'shared';
  types: {
    loadBalancer: string;
    listener: string;
    pool: string;
    member: string;
    monitor: string;
    /** Forwarding policies that reference pools (`redirect_pool_id`, `redirect_pools_config`). */
    policies: string[];
  };
  loadBalancer: {
    /** Subnet of the LB's own private address (shared: the VIP subnet, always set). */
    subnetAttribute: string;
    /** Dedicated: the backend ("downstream") subnets = health-check source. */
    backendSubnetsAttribute?: string;
    /** Dedicated: "IP as a backend". */
    crossVpcAttribute?: string;
    ipv6Attribute?: string;
    /** Dedicated: attributes whose presence binds or creates an EIP inline. */
    inlineEipAttributes?: string[];
    /** Dedicated: nested blocks whose presence binds or creates an EIP inline (OTC `public_ip {}`). */
    inlineEipBlocks?: string[];
    /** Exported attributes naming the LB's port, as EIP associations reference them. */
    eipPortPaths: string[];
  };
  monitor: {
    protocol: string;
    interval: string;
    port: string;
    codes: string;
    enabled: string;
  };
  /** `*_whitelist` resource (`listener_id`, `enable_whitelist`, `whitelist`). */
  whitelist?: string;
  /** IP address group resource (`ip_list { ip }`) and how listeners use it. */
  ipGroup?: IpGroupStyle & {
    type: string;
    /** An ipgroup without `ip_list` entries: 'empty' = no entries; 'unknown' = the docs disagree on what it means. */
    emptyList: 'empty' | 'unknown';
  };
  /** Huawei `elb_active_standby_pool`: a pool with inline members and monitor. */
  activeStandbyPool?: string;
}

export interface Dialect {
  family: ProviderFamily;
  /** Subnets and the exported id attributes other resources use to name them. */
  subnets: { type: string; idPaths: string[][] }[];
  /** Security groups, their rule resource and how a rule writes its ports (for fix snippets). */
  securityGroup: { group: string; rule: string; ports: 'ports' | 'port-range' };
  /** Resources that attach extra security groups to a port: such a port's groups are not all known. */
  portSecurityGroupAssociations?: string[];
  instances: string[];
  ports: string[];
  /** An instance `network { port = … }` takes the port's security groups and subnet (OTC/FE). */
  instanceNetworkPort?: boolean;
  /** EIP bindings: `path` (within the resource's values) holds the bound port or LB id. */
  eipBindings: { type: string; path: string[] }[];
  acls: {
    /** Huawei `vpc_network_acl` (inline ordered rules). */
    inline?: string;
    /** Legacy `network_acl { inbound_rules, outbound_rules, subnets }` + `network_acl_rule`. */
    legacy?: { acl: string; rule: string };
    /** Neutron FWaaS v2 firewall groups (OTC's network ACL). */
    firewall?: { group: string; policy: string; rule: string; port: string; routerInterface: string };
  };
  products: LbProduct[];
}

/** `<prefix>{loadbalancer,listener,pool,member,monitor}<suffix>`: OTC/FE `…_lb_*_v2` and `…_lb_*_v3`. */
export function lbTypes(prefix: string, suffix: string, policies: string[]): LbProduct['types'] {
  const t = (name: string) => `${prefix}${name}${suffix}`;
  return { loadBalancer: t('loadbalancer'), listener: t('listener'), pool: t('pool'), member: t('member'), monitor: t('monitor'), policies };
}

/** Neutron FWaaS v2 resources (`<prefix>fw_*_v2`) and the port resources their groups attach to. */
export function fwaasV2(prefix: string): NonNullable<Dialect['acls']['firewall']> {
  return {
    group: `${prefix}fw_firewall_group_v2`,
    policy: `${prefix}fw_policy_v2`,
    rule: `${prefix}fw_rule_v2`,
    port: `${prefix}networking_port_v2`,
    routerInterface: `${prefix}networking_router_interface_v2`,
  };
}

/** Monitor attributes of the dedicated-ELB shape (`protocol`, `interval`, `status_code`, `enabled`). */
export const ELB_MONITOR: LbProduct['monitor'] = { protocol: 'protocol', interval: 'interval', port: 'port', codes: 'status_code', enabled: 'enabled' };

/** Monitor attributes of the neutron LBaaS shape (`type`, `delay`, `expected_codes`, `admin_state_up`); the port attribute varies. */
export function lbaasMonitor(port: 'port' | 'monitor_port'): LbProduct['monitor'] {
  return { protocol: 'type', interval: 'delay', port, codes: 'expected_codes', enabled: 'admin_state_up' };
}

/**
 * The body of a `*_networking_secgroup_rule*` resource admitting one flow: `ports = "80"` on
 * Huawei Cloud, `port_range_min`/`port_range_max` on the neutron providers (OTC, FlexibleEngine).
 */
function secgroupRuleBody(ports: 'ports' | 'port-range'): SecurityGroupRuleSyntax['ingressBody'] {
  return ({ groupRef, protocol, port, cidr }) => [
    `security_group_id = ${groupRef}`,
    `direction         = "ingress"`,
    `ethertype         = "IPv4"`,
    `protocol          = "${protocol}"`,
    ...(port === undefined ? [] : ports === 'port-range' ? [`port_range_min    = ${port}`, `port_range_max    = ${port}`] : [`ports             = "${port}"`]),
    `remote_ip_prefix  = "${cidr}"`,
  ];
}

// ------------------------------------------------------------------ engine

export function buildHwFamily(index: ResourceIndex, model: Model, d: Dialect): void {
  const FAMILY = d.family;

  // ---- network: subnets, ACLs
  const subnetPaths: string[][] = [];
  for (const spec of d.subnets) for (const p of spec.idPaths) if (!subnetPaths.some((q) => q.join('.') === p.join('.'))) subnetPaths.push(p);
  // One subnet has several ids (Huawei `id`/`ipv4_subnet_id`; OTC `id`/`network_id`/`subnet_id`):
  // resolve it through any of them.
  const { resolveSubnet } = buildSubnets(index, { family: FAMILY, types: d.subnets.map((s) => ({ type: s.type, cidr: 'cidr' })), idPaths: subnetPaths, noun: 'subnet' });

  buildNetworkAcls(index, d, resolveSubnet);

  // ---- security groups
  const groups = buildSecurityGroups(index, {
    family: FAMILY,
    group: d.securityGroup.group,
    rule: d.securityGroup.rule,
    name: (r) => r.values.name,
    toRule: (r) => securityGroupRule(r, FAMILY),
    ruleSyntax: { type: d.securityGroup.rule, ingressBody: secgroupRuleBody(d.securityGroup.ports) },
  });
  const groupByAddress = toMap(groups);

  // Names resolve within the module that declares the instance.
  const groupsByName = new Map<string, SecurityGroup[]>();
  for (const g of groups) {
    if (typeof g.name !== 'string') continue;
    const key = `${g.resource.modulePath.join('.')}\0${g.name}`;
    const same = groupsByName.get(key);
    if (same === undefined) groupsByName.set(key, [g]);
    else same.push(g);
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

  // Ports whose security groups are (also) set by an association resource.
  const associated = new Set<string>();
  for (const type of d.portSecurityGroupAssociations ?? []) {
    for (const r of index.ofType(type)) {
      const v = r.values.port_id;
      if (isUnknown(v) && v.ref) associated.add(v.ref.address).add(modulePrefix(r) + v.ref.address);
    }
  }

  // ---- backends: ECS instances and NICs (ports first: an instance NIC may be one of them)
  const instanceBackends: Backend[] = [];
  const portBackends: Backend[] = [];
  for (const type of d.ports) {
    for (const r of index.ofType(type)) {
      const fixed = blocks(r.values.fixed_ip);
      const first = isUnknown(fixed) ? undefined : fixed[0];
      portBackends.push({
        address: r.address,
        family: FAMILY,
        ...nodeAt(r),
        ip: first ? str(first.ip_address) : undefined,
        securityGroups: associated.has(r.address)
          ? new Unknown(`${r.address} gets security groups from an association resource`)
          : resolveGroups(r),
        subnet: resolveSubnet(r, first?.subnet_id ?? r.values.network_id),
      });
    }
  }
  const portByAddress = toMap(portBackends);
  for (const type of d.instances) {
    for (const r of index.ofType(type)) {
      const nets = blocks(r.values.network);
      const first = isUnknown(nets) ? undefined : nets[0];
      let securityGroups: Maybe<SecurityGroup[]> | undefined;
      let subnet: Maybe<Subnet> | undefined;
      if (d.instanceNetworkPort && first && isSet(first.port)) {
        // The NIC is a port of its own: its security groups and subnet are the port's.
        const port = resolveRef(r, first.port, portByAddress, ID, 'port');
        if (port && !isUnknown(port)) {
          securityGroups = port.securityGroups;
          subnet = port.subnet;
        } else {
          securityGroups = port ?? new Unknown(`${r.address} uses a port this configuration does not define`);
          subnet = port;
        }
      }
      instanceBackends.push({
        address: r.address,
        family: FAMILY,
        ...nodeAt(r),
        ip: first ? str(first.fixed_ip_v4) : undefined,
        securityGroups: securityGroups ?? resolveGroups(r),
        subnet: subnet ?? (first ? resolveSubnet(r, first.uuid) : isUnknown(nets) ? nets : undefined),
      });
    }
  }
  const backends = [...instanceBackends, ...portBackends];
  const backendByAddress = toMap(backends);

  // Literal member addresses match the IPs the configuration gives instances and ports.
  const byIp = backendsByIp(backends, (b) => new Set([...(typeof b.ip === 'string' ? [b.ip] : []), ...ipsOf(b)]));

  const resolveBackend = (m: ResourceInstance, address: Maybe<string> | undefined): Maybe<Backend> | undefined => {
    const v = m.values.address;
    if (isUnknown(v) && v.ref) {
      return backendByAddress.get(v.ref.address) ?? backendByAddress.get(modulePrefix(m) + v.ref.address) ?? v;
    }
    if (typeof address !== 'string') return address;
    const matches = byIp.get(address) ?? [];
    return matches.length === 1 ? matches[0] : undefined;
  };

  // ---- EIP bindings to LB ports / LBs
  const eips = eipBindings(index, { bindings: d.eipBindings, byAttribute: true, unknownTarget: (v) => `an EIP is bound to port '${v}', which this configuration does not define` });

  // ---- load balancers
  let foreign: Set<string> | undefined;
  for (const product of d.products) {
    const { kind, types } = product;
    const lbs: LoadBalancer[] = index.ofType(types.loadBalancer).map((r) => loadBalancer(r, product, FAMILY, resolveSubnet, eips));
    const lbByAddress = toMap(lbs);

    const listeners: Listener[] = index.ofType(types.listener).map((r) => {
      const lb = resolveRef(r, r.values.loadbalancer_id, lbByAddress, ID, 'load balancer');
      const listener: Listener = {
        address: r.address,
        family: FAMILY,
        ...nodeAt(r),
        loadBalancer: lb,
        protocol: upper(str(r.values.protocol)) ?? new Unknown(`${r.address}.protocol is not set`),
        port: num(r.values.protocol_port) ?? new Unknown(`${r.address}.protocol_port is not set`),
        pools: [],
        hasUnknownBackend: false,
        hasRoutingRules: false,
        transparentClientIp: transparentClientIp(r, kind),
        isRedirect: false,
        accessControls: [],
      };
      if (lb && !isUnknown(lb)) lb.listeners.push(listener);
      return listener;
    });
    const listenerByAddress = toMap(listeners);

    const pools: Pool[] = index.ofType(types.pool).map((r) => {
      const { pool, listener } = newPool(r, FAMILY, listenerByAddress);
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

    for (const r of index.ofType(...types.policies)) {
      const listener = resolveRef(r, r.values.listener_id, listenerByAddress, ID, 'listener');
      const targets: (Value | undefined)[] = [r.values.redirect_pool_id];
      const configs = blocks(r.values.redirect_pools_config);
      if (isUnknown(configs)) targets.push(configs);
      else for (const c of configs) targets.push(c.pool_id);
      if (listener && !isUnknown(listener)) listener.hasRoutingRules = true;
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
        ...nodeAt(r),
        pool,
        ip: address,
        port: num(r.values.protocol_port) ?? new Unknown(`${r.address}.protocol_port is not set`),
        // The API default weight is 1 (providers.md §1.4, §1.8, §2.1).
        weight: num(r.values.weight) ?? 1,
        weightDefaulted: r.values.weight === undefined,
        at: { port: fieldAt(r, 'protocol_port'), weight: fieldAt(r, 'weight') },
        backend: resolveBackend(r, address),
        subnet: resolveSubnet(r, r.values.subnet_id),
      };
      pool.members.push(member);
    }

    for (const r of index.ofType(types.monitor)) {
      const pool = resolveRef(r, r.values.pool_id, poolByAddress, ID, 'pool');
      if (pool === undefined) continue;
      if (isUnknown(pool)) {
        for (const p of pools) p.hasUnknownMonitors = true;
        continue;
      }
      const monitor = healthMonitor(r, FAMILY, product.monitor);
      pool.monitors.push(monitor);
      model.monitors.push(monitor);
    }

    // Members, monitors, policies or pools with an unknown count/for_each are not expanded: any
    // pool may have them, any listener may use them.
    if (index.hasSkipped(types.listener)) for (const lb of lbs) lb.hasUnknownListeners = true;
    if (index.hasSkipped(types.member)) for (const p of pools) p.hasUnknownMembers = true;
    if (index.hasSkipped(types.monitor)) for (const p of pools) p.hasUnknownMonitors = true;
    if (types.policies.some((t) => index.hasSkipped(t))) for (const p of pools) p.hasUnknownListeners = true;
    if (index.hasSkipped(types.pool) || (product.activeStandbyPool !== undefined && index.hasSkipped(product.activeStandbyPool))) {
      for (const l of listeners) l.hasUnknownBackend = true;
    }

    if (pools.length > 0) {
      foreign ??= foreignReferences(index, lbResourceTypes(d));
      for (const p of pools) if (foreign.has(p.address)) p.hasForeignReferences = true;
    }

    accessControls(index, product, FAMILY, listenerByAddress, model);

    model.loadBalancers.push(...lbs);
    model.listeners.push(...listeners);
    model.pools.push(...pools);
  }

  for (const product of d.products) {
    if (product.activeStandbyPool) activeStandbyPools(index, product.activeStandbyPool, FAMILY, model);
  }
}

/** Resource types whose references to a pool are understood by the adapter of `d`. */
function lbResourceTypes(d: Dialect): Set<string> {
  const out = new Set<string>();
  for (const p of d.products) {
    const t = p.types;
    for (const type of [t.loadBalancer, t.listener, t.pool, t.member, t.monitor, ...t.policies]) out.add(type);
    if (p.activeStandbyPool) out.add(p.activeStandbyPool);
    if (p.whitelist) out.add(p.whitelist);
    if (p.ipGroup) out.add(p.ipGroup.type);
  }
  return out;
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

function loadBalancer(r: ResourceInstance, product: LbProduct, family: ProviderFamily, resolveSubnet: Resolver<Subnet>, eips: EipBindings): LoadBalancer {
  const v = r.values;
  const spec = product.loadBalancer;
  const subnet = resolveSubnet(r, v[spec.subnetAttribute]);
  const node = {
    address: r.address,
    family,
    ...nodeAt(r),
    kind: product.kind,
    subnet,
    // The VPC's network ACL on the LB's subnet filters client traffic too (providers.md §5).
    subnetAclFiltersClients: true,
    listeners: [],
    pools: [],
    hasUnknownListeners: false,
  };
  if (product.kind === 'shared') {
    return {
      ...node,
      backendSubnets: new Unknown('shared load balancers reach backends from a fixed range'),
      crossVpcBackend: false,
      hasPrivateIpv4: true,
      hasIpv6: false,
      hasEip: eips.bound(r, spec.eipPortPaths),
    };
  }
  let backendSubnets: Maybe<Subnet[]>;
  const listed = spec.backendSubnetsAttribute ? list(v[spec.backendSubnetsAttribute]) : undefined;
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
    const attrs = [spec.subnetAttribute, spec.backendSubnetsAttribute].filter((a): a is string => a !== undefined);
    backendSubnets = new Unknown(`${r.address} has no ${attrs.join(' or ')}, so the cloud picks the backend subnet`);
  }
  let inlineEip: Maybe<boolean> | undefined;
  for (const a of spec.inlineEipAttributes ?? []) if (v[a] !== undefined && v[a] !== null) inlineEip = true;
  for (const b of spec.inlineEipBlocks ?? []) {
    // A `dynamic` block with an unknown for_each may or may not bind one.
    const found = blocks(v[b]);
    if (isUnknown(found)) inlineEip = inlineEip === true ? true : found;
    else if (found.length > 0) inlineEip = true;
  }
  return {
    ...node,
    backendSubnets,
    crossVpcBackend: (spec.crossVpcAttribute ? bool(v[spec.crossVpcAttribute]) : undefined) ?? false,
    // An empty string is what `var.x ? id : ""` leaves: the provider sends nothing.
    hasPrivateIpv4: isSet(v[spec.subnetAttribute]),
    hasIpv6: spec.ipv6Attribute ? isSet(v[spec.ipv6Attribute]) : false,
    hasEip: inlineEip ?? eips.bound(r, spec.eipPortPaths),
  };
}

function healthMonitor(r: ResourceInstance, family: ProviderFamily, attrs: LbProduct['monitor']): HealthMonitor {
  const v = r.values;
  return {
    address: r.address,
    family,
    ...nodeAt(r),
    protocol: upper(str(v[attrs.protocol])) ?? new Unknown(`${r.address}.${attrs.protocol} is not set`),
    port: num(v[attrs.port]),
    interval: num(v[attrs.interval]),
    timeout: num(v.timeout),
    maxRetries: num(v.max_retries),
    maxRetriesDown: num(v.max_retries_down),
    urlPath: str(v.url_path),
    domain: str(v.domain_name),
    expectedCodes: str(v[attrs.codes]),
    enabled: bool(v[attrs.enabled]) ?? true,
    at: monitorAt(r, { port: attrs.port, interval: attrs.interval, timeout: 'timeout', maxRetries: 'max_retries', maxRetriesDown: 'max_retries_down', urlPath: 'url_path', domain: 'domain_name', expectedCodes: attrs.codes, enabled: attrs.enabled }),
    offText: offText(attrs.enabled),
  };
}

function securityGroupRule(r: ResourceInstance, family: ProviderFamily): SecurityGroupRuleNode {
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
    family,
    ...nodeAt(r),
    range: r.block.range,
    direction: isUnknown(direction) ? direction : direction === 'egress' ? 'egress' : direction === 'ingress' ? 'ingress' : new Unknown(`${r.address}.direction is ${JSON.stringify(direction ?? null)}`),
    ethertype: isUnknown(ethertype) ? ethertype : ethertype?.toUpperCase() === 'IPV6' ? 6 : 4,
    protocol: str(v.protocol) ?? 'any',
    ports,
    remoteCidr: str(v.remote_ip_prefix),
    remoteGroup: v.remote_group_id !== undefined && v.remote_group_id !== null ? 'group' : v.remote_address_group_id !== undefined && v.remote_address_group_id !== null ? new Unknown(`${r.address} admits an address group whose members are not known`) : undefined,
    // The API default action is allow (neutron `_v2` rules are allow-only); the default priority is 1 (providers.md §1.9).
    action: isUnknown(action) ? action : action?.toLowerCase() === 'deny' ? 'deny' : 'allow',
    priority: num(v.priority) ?? 1,
  };
}

function buildNetworkAcls(index: ResourceIndex, d: Dialect, resolveSubnet: Resolver<Subnet>): NetworkAcl[] {
  const FAMILY = d.family;
  const acls: NetworkAcl[] = [];
  const attach = (acl: NetworkAcl, from: ResourceInstance, ids: (Value | undefined)[]) => {
    for (const id of ids) {
      const s = resolveSubnet(from, id);
      if (s && !isUnknown(s)) s.acls.push(acl);
    }
  };

  // Current resource: inline ordered rules, ACLs are stateful (providers.md §5 HW-7).
  if (d.acls.inline) {
    for (const r of index.ofType(d.acls.inline)) {
      const acl: NetworkAcl = {
        address: r.address,
        family: FAMILY,
        ...nodeAt(r),
        enabled: bool(r.values.enabled) ?? true,
        stateful: true,
        ingress: inlineAclRules(r, 'ingress_rules'),
        egress: inlineAclRules(r, 'egress_rules'),
      };
      acls.push(acl);
      const assoc = blocks(r.values.associated_subnets);
      if (!isUnknown(assoc)) attach(acl, r, assoc.map((a) => a.subnet_id));
    }
  }

  // Legacy resources: rule ids in order; port ranges written "a:b".
  if (d.acls.legacy) {
    const ruleByAddress = toMap(index.ofType(d.acls.legacy.rule));
    for (const r of index.ofType(d.acls.legacy.acl)) {
      const legacyRules = (attrName: string): Maybe<AclRuleNode[]> => {
        const ids = list(r.values[attrName]);
        if (ids === undefined) return [];
        if (isUnknown(ids)) return ids;
        const out: AclRuleNode[] = [];
        for (const id of ids) {
          const rule = resolveRef(r, id, ruleByAddress, ID, 'network ACL rule');
          if (rule === undefined) continue;
          if (isUnknown(rule)) return rule;
          out.push(aclRule(rule.values, rule.block.range, rule.address));
        }
        return out;
      };
      const acl: NetworkAcl = {
        address: r.address,
        family: FAMILY,
        ...nodeAt(r),
        enabled: true,
        stateful: true,
        ingress: legacyRules('inbound_rules'),
        egress: legacyRules('outbound_rules'),
      };
      acls.push(acl);
      const subnets = list(r.values.subnets);
      if (subnets && !isUnknown(subnets)) attach(acl, r, subnets);
    }
  }

  if (d.acls.firewall) acls.push(...firewallGroups(index, FAMILY, d.acls.firewall, resolveSubnet));
  return acls;
}

/**
 * Neutron FWaaS v2 firewall groups (OTC's network ACL, providers.md §2.3, §5 OTC-3): stateful,
 * ordered, default deny; `ingress_policy_id`/`egress_policy_id` → `fw_policy_v2.rules` →
 * `fw_rule_v2`. A group applies to the subnets whose router-interface ports its `ports` list.
 */
function firewallGroups(
  index: ResourceIndex,
  family: ProviderFamily,
  types: NonNullable<Dialect['acls']['firewall']>,
  resolveSubnet: Resolver<Subnet>,
): NetworkAcl[] {
  const rules = toMap(index.ofType(types.rule));
  const policies = toMap(index.ofType(types.policy));
  // Ports a router interface resource is built on (by address as written and module-qualified).
  const interfacePorts = new Set<string>();
  for (const ri of index.ofType(types.routerInterface)) {
    const p = ri.values.port_id;
    if (isUnknown(p) && p.ref !== undefined) interfacePorts.add(p.ref.address).add(modulePrefix(ri) + p.ref.address);
  }

  const policyRules = (group: ResourceInstance, attr: string): Maybe<AclRuleNode[]> => {
    const v = group.values[attr];
    // Which traffic a firewall group without a policy for a direction lets through is not documented.
    if (!isSet(v)) return new Unknown(`${group.address} has no ${attr}, and the firewall's behaviour without one is not documented`);
    const policy = resolveRef(group, v, policies, ID, 'firewall policy');
    if (policy === undefined) return new Unknown(`${group.address}.${attr} is not set`);
    if (isUnknown(policy)) return policy;
    const ids = list(policy.values.rules);
    if (ids === undefined) return [];
    if (isUnknown(ids)) return ids;
    const out: AclRuleNode[] = [];
    for (const id of ids) {
      const rule = resolveRef(policy, id, rules, ID, 'firewall rule');
      if (rule === undefined) continue;
      if (isUnknown(rule)) return rule;
      out.push(aclRule(rule.values, rule.block.range, rule.address, true));
    }
    return out;
  };

  /** The subnet whose router interface a `ports` entry names, when the configuration proves it. */
  const portSubnet = (from: ResourceInstance, v: Value): Maybe<Subnet> | undefined => {
    if (!isUnknown(v) || !v.ref) return undefined;
    const ref = v.ref;
    const target = index.get(ref.address) ?? index.get(modulePrefix(from) + ref.address);
    if (!target) return undefined;
    const path = ref.path.join('.');
    // `networking_router_interface_v2.x.port_id`: the interface's subnet.
    if (target.type === types.routerInterface && target.mode === 'managed' && path === 'port_id') {
      return resolveSubnet(target, target.values.subnet_id);
    }
    if (target.type !== types.port || path !== 'id') return undefined;
    if (target.mode === 'managed') {
      // A port is a router interface when a router interface resource is built on it.
      if (!interfacePorts.has(target.address)) return undefined;
    } else {
      // A looked-up port: only a router interface (`device_owner = "network:router_interface…"`).
      const owner = target.values.device_owner;
      if (typeof owner !== 'string' || !owner.startsWith('network:router_interface')) return undefined;
    }
    const fixed = blocks(target.values.fixed_ip);
    const first = isUnknown(fixed) ? undefined : fixed[0];
    return resolveSubnet(target, first?.subnet_id ?? target.values.network_id);
  };

  const out: NetworkAcl[] = [];
  for (const r of index.ofType(types.group)) {
    const acl: NetworkAcl = {
      address: r.address,
      family,
      ...nodeAt(r),
      enabled: bool(r.values.admin_state_up) ?? true,
      stateful: true,
      ingress: policyRules(r, 'ingress_policy_id'),
      egress: policyRules(r, 'egress_policy_id'),
    };
    out.push(acl);
    const ports = list(r.values.ports);
    if (ports === undefined || isUnknown(ports)) continue;
    for (const p of ports) {
      const s = portSubnet(r, p);
      if (s && !isUnknown(s) && !s.acls.includes(acl)) s.acls.push(acl);
    }
  }
  return out;
}

function inlineAclRules(r: ResourceInstance, blockType: string): Maybe<AclRuleNode[]> {
  const rules = blocks(r.values[blockType]);
  if (isUnknown(rules)) return rules;
  return rules.map((rule, i) => aclRule(rule, nestedBlockRange(r, blockType, i), `${r.address}.${blockType}[${i}]`));
}

/** `rejectIsDeny`: FWaaS rules also take `reject` (drop with an answer). */
function aclRule(v: { [key: string]: Value }, range: AclRuleNode['range'], address: string, rejectIsDeny = false): AclRuleNode {
  const action = str(v.action);
  const a = typeof action === 'string' ? action.toLowerCase() : undefined;
  return {
    id: address,
    address,
    range,
    protocol: str(v.protocol) ?? 'any',
    sourceCidr: str(v.source_ip_address),
    destinationCidr: str(v.destination_ip_address),
    sourcePorts: str(v.source_port),
    destinationPorts: str(v.destination_port),
    action: isUnknown(action) ? action : a === 'deny' || (rejectIsDeny && a === 'reject') ? 'deny' : a === 'allow' ? 'allow' : new Unknown(`${address}.action is ${JSON.stringify(action ?? null)}`),
    enabled: bool(v.enabled) ?? true,
    // An `ip_version = 6` rule without addresses must not match IPv4 traffic.
    ...(v.ip_version !== undefined && v.ip_version !== null ? { ipVersion: num(v.ip_version) ?? new Unknown(`${address}.ip_version is not set`) } : {}),
  };
}

function accessControls(index: ResourceIndex, product: LbProduct, family: ProviderFamily, listenerByAddress: Map<string, Listener>, model: Model): void {
  if (product.whitelist) {
    for (const r of index.ofType(product.whitelist)) {
      const listener = resolveRef(r, r.values.listener_id, listenerByAddress, ID, 'listener');
      if (!listener || isUnknown(listener)) continue;
      const raw = str(r.values.whitelist);
      const control: AccessControl = {
        node: { address: r.address, family, ...nodeAt(r) },
        enabled: bool(r.values.enable_whitelist) ?? new Unknown(`${r.address}.enable_whitelist is not set`),
        type: 'white',
        entries: raw === undefined ? [] : isUnknown(raw) ? raw : raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0),
        entriesAt: fieldAt(r, 'whitelist'),
      };
      listener.accessControls.push(control);
      model.accessControls.push({ listener, control });
    }
  }
  const spec = product.ipGroup;
  if (!spec) return;
  const groups = toMap(index.ofType(spec.type));
  for (const listener of listenerByAddress.values()) {
    const r = listener.resource;
    let groupRef: Value | undefined;
    let enabled: Maybe<boolean>;
    let policy: Maybe<string> | undefined;
    if (spec.style === 'block') {
      // OTC `ip_group { id, enable, type }`: `enable` defaults to false (providers.md §2.2, §6-5).
      const found = blocks(r.values.ip_group);
      if (isUnknown(found)) continue;
      const block = found[0];
      if (!block) continue;
      groupRef = block.id;
      enabled = bool(block.enable) ?? false;
      policy = str(block.type);
    } else {
      groupRef = r.values.ip_group;
      policy = str(r.values.access_policy);
      const flag = spec.enabledAttribute ? bool(r.values[spec.enabledAttribute]) : undefined;
      if (flag !== undefined) enabled = flag;
      else if (spec.enabledDefault === 'policy-set') {
        // The provider sends `enable_ipgroup = true` whenever `access_policy` is set.
        enabled = isUnknown(policy) ? policy : isSet(policy);
      } else {
        // ip_group_enable is an API default believed to be true (providers.md §1.2, unverified).
        enabled = new Unknown(`${r.address}.${spec.enabledAttribute ?? 'ip_group_enable'} is not set (API default unverified)`);
      }
    }
    const group = resolveRef(r, groupRef, groups, ID, 'ip group');
    if (!group) continue;
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
          if (out.length === 0 && spec.emptyList === 'unknown') {
            return new Unknown(`${group.address} has no ip_list entries, which the provider documents both as "any IP" and as "nobody"`);
          }
          return out;
        })();
    const control: AccessControl = {
      node: isUnknown(group) ? { address: r.address, family, ...nodeAt(r) } : { address: group.address, family, ...nodeAt(group) },
      enabled,
      type: isUnknown(policy) ? policy : policy === 'black' ? 'black' : 'white',
      entries,
      entriesAt: fieldAt(isUnknown(group) ? r : group, 'ip_list'),
    };
    listener.accessControls.push(control);
    model.accessControls.push({ listener, control });
  }
}

/** `huaweicloud_elb_active_standby_pool`: a pool with inline members and monitor. */
function activeStandbyPools(index: ResourceIndex, type: string, family: ProviderFamily, model: Model): void {
  const listeners = new Map(model.listeners.map((l) => [l.address, l]));
  const standby = new Map<string, Pool>();
  for (const r of index.ofType(type)) {
    const { pool } = newPool(r, family, listeners);
    standby.set(pool.address, pool);
    // The inline `healthmonitor` block is the pool's monitor; a synthetic resource whose block is
    // the nested block keeps attribute ranges exact.
    const hm = blocks(r.values.healthmonitor);
    if (isUnknown(hm)) pool.hasUnknownMonitors = true;
    else
      hm.forEach((values, i) => {
        const block = r.block.blocks.filter((b) => b.type === 'healthmonitor')[i] ?? r.block;
        const synthetic: ResourceInstance = { ...r, address: `${r.address}.healthmonitor[${i}]`, block, values };
        const monitor = healthMonitor(synthetic, family, lbaasMonitor('monitor_port'));
        monitor.protocol = upper(str(values.type)) ?? new Unknown(`${r.address}.healthmonitor.type is not set`);
        pool.monitors.push(monitor);
        model.monitors.push(monitor);
      });
    const members = blocks(r.values.members);
    if (isUnknown(members)) pool.hasUnknownMembers = true;
    else
      members.forEach((m, i) => {
        const member: Member = {
          address: `${r.address}.members[${i}]`,
          family,
          ...nodeAt(r),
          pool,
          ip: str(m.address) ?? new Unknown('member address is not set'),
          port: num(m.protocol_port) ?? new Unknown('member port is not set'),
          weight: 1,
          weightDefaulted: true,
          at: { port: fieldAt(r, 'protocol_port'), weight: fieldAt(r, 'weight') },
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
    if (l.family !== family) continue;
    const target = resolveRef(l.resource, l.resource.values.default_pool_id, standby, ID, 'pool');
    if (target && !isUnknown(target)) link(l, target);
  }
}

/** A pool node linked to the listener its `listener_id` names. */
function newPool(r: ResourceInstance, family: ProviderFamily, listeners: ReadonlyMap<string, Listener>): { pool: Pool; listener: Maybe<Listener> | undefined } {
  const pool: Pool = {
    address: r.address,
    family,
    ...nodeAt(r),
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
