// Security-group verdicts of backend flows, evaluated once per distinct group list and flow.
import { AddressSet, decideIngress, isOpen, netUnknown, normalizeProtocol, parseCidr, type Decision, type Open, type OpenFlow, type SgRule } from '../net/index.js';
import { isUnknown, restate } from '../types.js';
import type { Maybe, SecurityGroup, SecurityGroupRuleNode } from '../model/types.js';
import type { BackendFlow } from './flows.js';
import { lift, originKeyOf, portSet, unknownOf, verdictUnknown } from './net-values.js';

export interface GroupVerdict {
  verdict: Decision;
  groups: SecurityGroup[];
  /**
   * Groups picked by a conditional whose condition is not known: the other picks, whose verdict
   * has the same status (the verdict holds whichever is picked). `pickedBy` names the condition.
   */
  alternatives?: SecurityGroup[][];
  pickedBy?: string;
}

/** The flow as the evaluators take it: open fields stand for every value they could take. */
export function openFlow(flow: Pick<BackendFlow, 'protocol' | 'port' | 'source'>): OpenFlow {
  return { protocol: flow.protocol, source: flow.source, ...(flow.port !== undefined ? { port: flow.port } : {}) };
}

/** A key that tells flows apart for caching (open fields by their reason and range). */
export function flowKey(flow: Pick<BackendFlow, 'protocol' | 'port' | 'source'>): string {
  const part = (v: unknown): string =>
    v === undefined ? '' : v instanceof AddressSet ? v.toString() : isOpen(v as object) ? `open(${(v as Open<unknown>).unknown}|${originKeyOf(v as Open<unknown>)}|${String((v as Open<unknown>).among)})` : String(v);
  return `${part(flow.protocol)}|${part(flow.port)}|${part(flow.source)}`;
}

/** Security-group verdict of a flow at its backend; Unknown when the groups are not known. */
export function securityGroupVerdict(flow: BackendFlow): Maybe<GroupVerdict> {
  const groups = flow.backend.securityGroups;
  if (!isUnknown(groups)) return { verdict: groupsVerdict(groups, flow), groups };
  const choices = flow.backend.securityGroupChoices;
  if (!choices || choices.length === 0) return groups;
  // A conditional picks the groups: the verdict holds when it is the same for every pick.
  const judged = choices.map((c) => ({ groups: c, verdict: groupsVerdict(c, flow) }));
  const first = judged[0]!;
  const status = first.verdict.status;
  if ((status === 'blocked' || status === 'allowed') && judged.every((j) => j.verdict.status === status)) {
    return { verdict: first.verdict, groups: first.groups, alternatives: judged.slice(1).map((j) => j.groups), pickedBy: groups.reason };
  }
  const undecided = judged.find((j) => j.verdict.status === 'unknown');
  if (undecided) return verdictUnknown(undecided.verdict.unknowns) ?? groups;
  const picks = judged.map((j) => `${j.groups.map((g) => g.address).join(' + ') || 'no group'}: ${j.verdict.status}`).join('; ');
  return restate(groups, `${groups.reason}: the security groups it picks give different verdicts (${picks})`);
}

function groupsVerdict(groups: SecurityGroup[], flow: BackendFlow): Decision {
  // Many members behind the same groups get the same flow: evaluate each distinct one once.
  const anchor = groups[0];
  const key = `${groups.map((g) => g.address).join('\0')}|${flowKey(flow)}`;
  const memo = anchor === undefined ? undefined : (verdictCache.get(anchor) ?? new Map<string, Decision>());
  if (anchor !== undefined && memo !== undefined) verdictCache.set(anchor, memo);
  let verdict = memo?.get(key);
  if (verdict === undefined) {
    verdict = decideIngress(
      groups.map((g) => ({ id: g.address, rules: groupRules(g) })),
      openFlow(flow),
    );
    memo?.set(key, verdict);
  }
  return verdict;
}

/** Verdicts by group list and flow, per first group (model objects: dropped with the model). */
const verdictCache = new WeakMap<SecurityGroup, Map<string, Decision>>();

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
