// Security-group verdicts of backend flows, evaluated once per distinct group list and flow.
import { AddressSet, evaluateIngress, netUnknown, normalizeProtocol, parseCidr, type SgRule, type Verdict } from '../net/index.js';
import { isUnknown } from '../types.js';
import type { Maybe, SecurityGroup, SecurityGroupRuleNode } from '../model/types.js';
import type { BackendFlow } from './flows.js';
import { lift, portSet, unknownOf } from './net-values.js';

export interface GroupVerdict {
  verdict: Verdict;
  groups: SecurityGroup[];
}

/** Security-group verdict of a flow at its backend; Unknown when the groups are not known. */
export function securityGroupVerdict(flow: BackendFlow): Maybe<GroupVerdict> {
  const groups = flow.backend.securityGroups;
  if (isUnknown(groups)) return groups;
  // Many members behind the same groups get the same flow: evaluate each distinct one once.
  const anchor = groups[0];
  const key = `${groups.map((g) => g.address).join('\0')}|${flow.protocol}|${flow.port ?? ''}|${flow.sources.map((c) => c.text).join(',')}`;
  const memo = anchor === undefined ? undefined : (verdictCache.get(anchor) ?? new Map<string, Verdict>());
  if (anchor !== undefined && memo !== undefined) verdictCache.set(anchor, memo);
  let verdict = memo?.get(key);
  if (verdict === undefined) {
    const source = AddressSet.fromCidrs(4, flow.sources);
    verdict = evaluateIngress(
      groups.map((g) => ({ id: g.address, rules: groupRules(g) })),
      { protocol: flow.protocol, source, ...(flow.port !== undefined ? { port: flow.port } : {}) },
    );
    memo?.set(key, verdict);
  }
  return { verdict, groups };
}

/** Verdicts by group list and flow, per first group (model objects: dropped with the model). */
const verdictCache = new WeakMap<SecurityGroup, Map<string, Verdict>>();

const ruleCache = new WeakMap<SecurityGroup, SgRule[]>();

function groupRules(group: SecurityGroup): SgRule[] {
  let rules = ruleCache.get(group);
  if (rules) return rules;
  rules = group.rules.map(toSgRule);
  if (group.hasUnknownRules) {
    // A rule attached through an unknown group id may be this group's: it could admit anything.
    const u = netUnknown(
      group.unknownRulesFrom !== undefined
        ? `${group.unknownRulesFrom}, and it may add a rule to this group`
        : 'a security group rule with an unknown security_group_id, count or for_each may belong to this group',
    );
    rules.push({ id: `${group.address} (unknown rule)`, direction: 'ingress', ethertype: 4, protocol: u, ports: u, remote: u, action: u, priority: u });
  }
  ruleCache.set(group, rules);
  return rules;
}

function toSgRule(rule: SecurityGroupRuleNode): SgRule {
  const invalid = (what: string) => netUnknown(`${rule.address} has an invalid ${what}`);
  const direction = isUnknown(rule.direction) ? 'ingress' : rule.direction;
  const protocol = isUnknown(rule.protocol) ? unknownOf(rule.protocol) : normalizeProtocol(rule.protocol) ?? invalid('protocol');
  const ports = portSet(rule.ports, invalid);
  let remote: SgRule['remote'];
  if (isUnknown(rule.remoteGroup)) remote = unknownOf(rule.remoteGroup);
  else if (rule.remoteGroup !== undefined) remote = { kind: 'group', id: rule.remoteGroup };
  else if (isUnknown(rule.remoteCidr)) remote = unknownOf(rule.remoteCidr);
  else if (rule.remoteCidr === undefined || rule.remoteCidr === '') remote = { kind: 'any' };
  else {
    const c = parseCidr(rule.remoteCidr);
    remote = c ? { kind: 'cidr', cidr: c } : invalid('remote_ip_prefix');
  }
  return {
    id: rule.address,
    direction,
    ethertype: isUnknown(rule.ethertype) ? 4 : rule.ethertype,
    protocol: isUnknown(rule.direction) ? unknownOf(rule.direction) : protocol,
    ports,
    remote,
    action: lift(rule.action),
    priority: lift(rule.priority),
  };
}
