// Network ACLs of the Huawei-derived families: Huawei `vpc_network_acl` (inline ordered rules),
// the legacy `network_acl` + `network_acl_rule`, and OTC's FWaaS v2 firewall groups. All stateful.
import { Unknown, isUnknown, unknownAbout, type ProviderFamily, type ResourceInstance, type Value } from '../../types.js';
import { ID, ResourceIndex, modulePrefix, resolveRef, toMap } from '../graph.js';
import type { AclRuleNode, Maybe, NetworkAcl, Subnet } from '../types.js';
import type { Resolver } from '../network.js';
import { blocks, bool, isSet, list, nestedBlockRange, node, notSet, num, str } from '../values.js';
import type { Dialect } from './dialect.js';

export function buildNetworkAcls(index: ResourceIndex, d: Dialect, resolveSubnet: Resolver<Subnet>): NetworkAcl[] {
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
      const acl: NetworkAcl = node(r, FAMILY, {
        enabled: bool(r.values.enabled) ?? true,
        stateful: true,
        ingress: inlineAclRules(r, 'ingress_rules'),
        egress: inlineAclRules(r, 'egress_rules'),
      });
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
      const acl: NetworkAcl = node(r, FAMILY, {
        enabled: true,
        stateful: true,
        ingress: legacyRules('inbound_rules'),
        egress: legacyRules('outbound_rules'),
      });
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
    if (!isSet(v)) return unknownAbout(`${group.address}.${attr}`, `${group.address} has no ${attr}, and the firewall's behaviour without one is not documented`);
    const policy = resolveRef(group, v, policies, ID, 'firewall policy');
    if (policy === undefined) return notSet(group.address, attr);
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
    const acl: NetworkAcl = node(r, family, {
      enabled: bool(r.values.admin_state_up) ?? true,
      stateful: true,
      ingress: policyRules(r, 'ingress_policy_id'),
      egress: policyRules(r, 'egress_policy_id'),
    });
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
    action: isUnknown(action) ? action : a === 'deny' || (rejectIsDeny && a === 'reject') ? 'deny' : a === 'allow' ? 'allow' : unknownAbout(`${address}.action`, `${address}.action is ${JSON.stringify(action ?? null)}`),
    enabled: bool(v.enabled) ?? true,
    // An `ip_version = 6` rule without addresses must not match IPv4 traffic.
    ...(v.ip_version !== undefined && v.ip_version !== null ? { ipVersion: num(v.ip_version) ?? notSet(address, 'ip_version') } : {}),
  };
}
