// The network of a Huawei-derived family: subnets (and their ACLs), security groups, the instances
// and NICs members point at, and EIP bindings, through the shared builder of ../network.ts.
import { Unknown, isUnknown, unknownAbout, type ProviderFamily, type ResourceInstance, type Value } from '../../types.js';
import { choicesOf } from '../choices.js';
import { ID, ResourceIndex, modulePrefix, resolveRef, toMap } from '../graph.js';
import type { Backend, Maybe, SecurityGroup, SecurityGroupRuleNode, Subnet } from '../types.js';
import { expandAddressGroups } from '../address-groups.js';
import { backendsByIp, buildSecurityGroups, buildSubnets, eipBindings, resolveGroupIds, type EipBindings, type Resolver } from '../network.js';
import { blocks, isSet, list, num, str, node } from '../values.js';
import { buildNetworkAcls } from './acls.js';
import { computeSecurityGroups } from '../compute-secgroups.js';
import { secgroupRuleBody, type Dialect } from './dialect.js';

export interface HwNetwork {
  resolveSubnet: Resolver<Subnet>;
  /** Security groups named by id references (`security_groups { id }` of an AS group…). */
  resolveGroupIds(from: ResourceInstance, ids: Maybe<Value[]>): Maybe<SecurityGroup[]>;
  /** The instance or NIC a member's address names (by reference, else by a literal IP). */
  resolveBackend(m: ResourceInstance, address: Maybe<string> | undefined): Maybe<Backend> | undefined;
  eips: EipBindings;
}

/** Subnets and their ACLs, security groups, backends and EIP bindings of one Huawei-derived family. */
export function buildHwNetwork(index: ResourceIndex, d: Dialect): HwNetwork {
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
  expandAddressGroups(index, groups);
  groups.push(...computeSecurityGroups(index, FAMILY, d.computeSecurityGroups ?? []));
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

  const resolveGroupsOf = (from: ResourceInstance, idsValue: Value | undefined, namesValue: Value | undefined): Maybe<SecurityGroup[]> => {
    const ids = list(idsValue);
    if (ids !== undefined) {
      const out = resolveGroupIds(from, ids, groupByAddress);
      if (isUnknown(out) || out.length) return out;
    }
    const names = list(namesValue);
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
        if (!only) return unknownAbout(from.address, `security group named '${String(n)}' is not defined in this configuration`);
        out.push(only);
      }
      if (out.length) return out;
    }
    return unknownAbout(from.address, `${from.address} uses the default security group, which this configuration does not define`);
  };
  // A conditional with an unknown condition may pick the groups: each pick is resolved, and the
  // analysis judges every pick (a verdict the same for all holds).
  const resolveGroups = (from: ResourceInstance): Pick<Backend, 'securityGroups' | 'securityGroupChoices'> => {
    const ids = from.values.security_group_ids;
    const names = from.values.security_groups;
    const securityGroups = resolveGroupsOf(from, ids, names);
    if (!isUnknown(securityGroups)) return { securityGroups };
    const idPicks = choicesOf(ids);
    const namePicks = choicesOf(names);
    if (idPicks.length * namePicks.length <= 1) return { securityGroups };
    const securityGroupChoices: SecurityGroup[][] = [];
    for (const i of idPicks) {
      for (const n of namePicks) {
        const picked = resolveGroupsOf(from, i, n);
        if (isUnknown(picked)) return { securityGroups };
        securityGroupChoices.push(picked);
      }
    }
    return { securityGroups, securityGroupChoices };
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
      portBackends.push(node(r, FAMILY, {
        ip: first ? str(first.ip_address) : undefined,
        ...(associated.has(r.address)
          ? { securityGroups: unknownAbout(r.address, `${r.address} gets security groups from an association resource`) }
          : resolveGroups(r)),
        subnet: resolveSubnet(r, first?.subnet_id ?? r.values.network_id),
      }));
    }
  }
  const portByAddress = toMap(portBackends);
  for (const type of d.instances) {
    for (const r of index.ofType(type)) {
      const nets = blocks(r.values.network);
      const first = isUnknown(nets) ? undefined : nets[0];
      let securityGroups: Pick<Backend, 'securityGroups' | 'securityGroupChoices'> | undefined;
      let subnet: Maybe<Subnet> | undefined;
      if (d.instanceNetworkPort && first && isSet(first.port)) {
        // The NIC is a port of its own: its security groups and subnet are the port's.
        const port = resolveRef(r, first.port, portByAddress, ID, 'port');
        if (port && !isUnknown(port)) {
          securityGroups = { securityGroups: port.securityGroups, ...(port.securityGroupChoices ? { securityGroupChoices: port.securityGroupChoices } : {}) };
          subnet = port.subnet;
        } else {
          securityGroups = { securityGroups: port ?? unknownAbout(r.address, `${r.address} uses a port this configuration does not define`) };
          subnet = port;
        }
      }
      instanceBackends.push(node(r, FAMILY, {
        ip: first ? str(first.fixed_ip_v4) : undefined,
        ...(securityGroups ?? resolveGroups(r)),
        subnet: subnet ?? (first ? resolveSubnet(r, first.uuid) : isUnknown(nets) ? nets : undefined),
      }));
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

  return { resolveSubnet, resolveBackend, eips, resolveGroupIds: (from, ids) => resolveGroupIds(from, ids, groupByAddress) };
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
  return node(r, family, {
    range: r.block.range,
    direction: isUnknown(direction) ? direction : direction === 'egress' ? 'egress' : direction === 'ingress' ? 'ingress' : unknownAbout(`${r.address}.direction`, `${r.address}.direction is ${JSON.stringify(direction ?? null)}`),
    ethertype: isUnknown(ethertype) ? ethertype : ethertype?.toUpperCase() === 'IPV6' ? 6 : 4,
    protocol: str(v.protocol) ?? 'any',
    ports,
    remoteCidr: str(v.remote_ip_prefix),
    remoteGroup: v.remote_group_id !== undefined && v.remote_group_id !== null ? 'group' : v.remote_address_group_id !== undefined && v.remote_address_group_id !== null ? unknownAbout(r.address, `${r.address} admits an address group whose members are not known`) : undefined,
    // The API default action is allow (neutron `_v2` rules are allow-only); the default priority is 1 (providers.md §1.9).
    action: isUnknown(action) ? action : action?.toLowerCase() === 'deny' ? 'deny' : 'allow',
    priority: num(v.priority) ?? 1,
  });
}
