// The Alibaba network: vSwitches, stateless network ACLs (current and legacy), security groups
// with their rules, and the ECS instances and ENIs members name, through ../network.ts.
import { Unknown, isUnknown, unknownAbout, type ResourceInstance, type Value } from '../../types.js';
import { ID, ResourceIndex, resolveRef, toMap } from '../graph.js';
import type { AclRuleNode, Backend, Maybe, NetworkAcl, SecurityGroup, SecurityGroupRuleNode, Subnet } from '../types.js';
import { backendsByIp, buildSecurityGroups, buildSubnets, resolveGroupIds, type Resolver } from '../network.js';
import { blocks, isSet, list, lower, nestedBlockRange, node, notSet, num, str } from '../values.js';
import { FAMILY, type Ctx } from './common.js';

/** vSwitches and their ACLs, security groups, and the ECS instances and ENIs members name. */
export function buildAliNetwork(index: ResourceIndex): Pick<Ctx, 'resolveSubnet' | 'resolveBackend' | 'resolveGroupIds'> {
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
    if (ids === undefined) return notSet(from.address, attr);
    return resolveGroupIds(from, ids, groupByAddress);
  };

  // ---- backends: ECS instances and ENIs
  const backends: Backend[] = [];
  for (const r of index.ofType('alicloud_instance')) {
    backends.push(node(r, FAMILY, { ip: str(r.values.private_ip), securityGroups: resolveGroups(r, 'security_groups'), subnet: resolveSubnet(r, r.values.vswitch_id) }));
  }
  for (const r of index.ofType('alicloud_ecs_network_interface')) {
    backends.push(node(r, FAMILY, { ip: str(r.values.primary_ip_address), securityGroups: resolveGroups(r, 'security_group_ids'), subnet: resolveSubnet(r, r.values.vswitch_id) }));
  }
  for (const r of index.ofType('alicloud_network_interface')) {
    backends.push(node(r, FAMILY, { ip: str(r.values.private_ip), securityGroups: resolveGroups(r, 'security_groups'), subnet: resolveSubnet(r, r.values.vswitch_id) }));
  }
  const backendByAddress = toMap(backends);
  const ipIndex = backendsByIp(backends, (b) => (typeof b.ip === 'string' ? [b.ip] : []));

  /** Members name their server by id (ECS/ENI); `byIp` for ALB/NLB `Ip` server groups. */
  const resolveBackend = (from: ResourceInstance, v: Value | undefined, byIp = false): Maybe<Backend> | undefined => {
    if (byIp && typeof v === 'string') {
      const matches = ipIndex.get(v) ?? [];
      return matches.length === 1 ? matches[0] : new Unknown(`no instance in this configuration has the address ${v}`);
    }
    return resolveRef(from, v, backendByAddress, ID, 'server') ?? unknownAbout(from.address, `${from.address} names no server`);
  };

  return { resolveSubnet, resolveBackend, resolveGroupIds: (from, ids) => resolveGroupIds(from, ids, groupByAddress) };
}

function securityGroupRule(r: ResourceInstance): SecurityGroupRuleNode {
  const v = r.values;
  const type = lower(str(v.type));
  const policy = lower(str(v.policy));
  const v6 = isSet(v.ipv6_cidr_ip);
  const cidr = str(v6 ? v.ipv6_cidr_ip : v.cidr_ip);
  let remoteGroup: Maybe<string> | undefined;
  if (cidr === undefined) {
    // No CIDR: a group or prefix-list source (never "any": an empty cidr_ip is an API error).
    remoteGroup = isSet(v.source_security_group_id) ? 'group' : unknownAbout(r.address, `${r.address} admits a source this configuration does not resolve`);
  }
  return node(r, FAMILY, {
    range: r.block.range,
    direction: isUnknown(type) ? type : type === 'ingress' ? 'ingress' : type === 'egress' ? 'egress' : unknownAbout(`${r.address}.type`, `${r.address}.type is ${JSON.stringify(type ?? null)}`),
    ethertype: v6 ? 6 : 4,
    protocol: str(v.ip_protocol) ?? notSet(r.address, 'ip_protocol'),
    ports: str(v.port_range) ?? '-1/-1',
    remoteCidr: cidr,
    remoteGroup,
    // Defaults: policy accept, priority 1 (providers.md §4.3).
    action: isUnknown(policy) ? policy : policy === 'drop' ? 'deny' : policy === undefined || policy === 'accept' ? 'allow' : unknownAbout(`${r.address}.policy`, `${r.address}.policy is ${JSON.stringify(policy)}`),
    priority: num(v.priority) ?? 1,
  });
}

export function buildNetworkAcls(index: ResourceIndex, resolveSubnet: Resolver<Subnet>): NetworkAcl[] {
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
    const acl: NetworkAcl = node(r, FAMILY, {
      enabled: true,
      stateful: false,
      ingress: aclEntries(r, 'ingress_acl_entries', 'ingress'),
      egress: aclEntries(r, 'egress_acl_entries', 'egress'),
    });
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
  if (raw === undefined || raw === null) return unknownAbout(`${r.address}.${blockType}`, `${r.address} does not set ${blockType}, so the cloud's entries apply`);
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
      protocol: protocol ?? notSet(address, 'protocol'),
      sourceCidr: direction === 'ingress' ? str(e.source_cidr_ip) ?? notSet(address, 'source_cidr_ip') : undefined,
      destinationCidr: direction === 'egress' ? str(e.destination_cidr_ip) ?? notSet(address, 'destination_cidr_ip') : undefined,
      // Alibaba's one `port` field matches the DESTINATION port in both directions.
      sourcePorts: undefined,
      destinationPorts: port ?? (needsPort ? notSet(address, 'port') : undefined),
      action: isUnknown(policy) ? policy : policy === 'accept' ? 'allow' : policy === 'drop' ? 'deny' : unknownAbout(`${address}.policy`, `${address}.policy is ${JSON.stringify(policy ?? null)}`),
      enabled: true,
      ...(ipVersion !== undefined ? { ipVersion: isUnknown(ipVersion) ? ipVersion : ipVersion === 'ipv6' ? 6 : 4 } : {}),
    };
  });
}
