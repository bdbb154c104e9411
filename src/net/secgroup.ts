// Stateful security groups: does a group set admit a flow, and which rule decided each address.
// Stateful, so only ingress rules matter: replies to admitted traffic pass regardless of egress.
import { AddressSet, type Cidr, type IpVersion } from './cidr.js';
import type { Flow } from './flow.js';
import { decideFlow, type Decision, type OpenFlow } from './decide.js';
import { portInRanges, rangesCoverAll, type PortRange, type PortSet } from './ports.js';
import { protocolHasPorts, protocolMatches, type Protocol } from './protocol.js';
import { isNetUnknown, labelled, netUnknown, type MaybeUnknown, type NetUnknown } from './unknown.js';
import { sweep, type SweepCandidate, type Verdict } from './verdict.js';

export type SgRemote = { kind: 'any' } | { kind: 'cidr'; cidr: Cidr } | { kind: 'group'; id: string };

export interface SgRule {
  /** Opaque (e.g. a Terraform address); goes into the trace. */
  id: string;
  direction: 'ingress' | 'egress';
  ethertype: IpVersion;
  protocol: MaybeUnknown<Protocol>;
  ports: MaybeUnknown<PortRange[] | 'all'>;
  remote: MaybeUnknown<SgRemote>;
  action: MaybeUnknown<'allow' | 'deny'>;
  /** Lower number first. Clouds without priorities (OTC neutron groups): pass 1. */
  priority: MaybeUnknown<number>;
}

export interface SecurityGroupRules {
  id: string;
  rules: SgRule[];
}

/**
 * Ingress verdict for `flow` through `groups`, earlier groups first. Within a group: ascending
 * priority, deny before allow at equal priority, then input order; first match decides; default
 * deny. A rule whose remote is a group never matches (the LB is in no group). A rule with an
 * unknown field that could match makes the verdict `unknown` rather than `blocked`/`partial`.
 */
export function evaluateIngress(groups: readonly SecurityGroupRules[], flow: Flow): Verdict {
  const version = flow.source.version;
  const candidates: SweepCandidate[] = [];
  groups.forEach((group, groupIndex) => {
    const rules = group.rules.filter((r) => r.direction === 'ingress' && r.ethertype === version);
    for (const rule of sortRules(rules)) {
      const candidate = matchRule(rule, flow, version);
      if (candidate) candidates.push({ ...candidate, group: groupIndex });
    }
  });
  return sweep(flow.source, candidates);
}

function sortRules(rules: SgRule[]): SgRule[] {
  // An unknown priority could be the highest: such rules go first and are checked against what
  // the group started with (anyPosition), so they can only make the verdict uncertain.
  const priorityKey = (r: SgRule): number => (isNetUnknown(r.priority) ? -Infinity : r.priority);
  // Deny wins ties (documented for a Huawei-derived cloud); an unknown action may be a deny.
  const actionKey = (r: SgRule): number => (r.action === 'allow' ? 1 : 0);
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => priorityKey(a.rule) - priorityKey(b.rule) || actionKey(a.rule) - actionKey(b.rule) || a.index - b.index)
    .map((x) => x.rule);
}

/** undefined when the rule's known fields exclude the flow. */
function matchRule(rule: SgRule, flow: Flow, version: IpVersion): SweepCandidate | undefined {
  const reasons: NetUnknown[] = [];

  if (isNetUnknown(rule.protocol)) reasons.push(labelled('protocol', rule.protocol));
  else if (!protocolMatches(rule.protocol, flow.protocol, version)) return undefined;

  if (protocolHasPorts(flow.protocol)) {
    const ports = rule.ports;
    if (isNetUnknown(ports)) reasons.push(labelled('ports', ports));
    else if (flow.port === undefined) {
      if (!rangesCoverAll(ports)) reasons.push(netUnknown('ports: the flow port is not known'));
    } else if (!portInRanges(flow.port, ports)) return undefined;
  }

  let addresses: AddressSet | undefined;
  const remote = rule.remote;
  if (isNetUnknown(remote)) reasons.push(labelled('remote', remote));
  else if (remote.kind === 'group') return undefined;
  else if (remote.kind === 'cidr') {
    if (remote.cidr.version !== version) return undefined;
    addresses = AddressSet.fromCidr(remote.cidr);
  }

  let action: 'allow' | 'deny' | undefined;
  if (isNetUnknown(rule.action)) reasons.push(labelled('action', rule.action));
  else action = rule.action;

  const anyPosition = isNetUnknown(rule.priority);
  if (isNetUnknown(rule.priority)) reasons.push(labelled('priority', rule.priority));

  return { id: rule.id, addresses, action, uncertain: reasons, anyPosition };
}

/**
 * `evaluateIngress` for a flow whose source, port or protocol may be open (decide.ts): the
 * verdict holds for every value they could take, or is unknown.
 */
export function decideIngress(groups: readonly SecurityGroupRules[], flow: OpenFlow): Decision {
  const cuts: PortSet[] = [];
  for (const g of groups) for (const r of g.rules) if (!isNetUnknown(r.ports)) cuts.push(r.ports);
  return decideFlow(flow, cuts, (known) => evaluateIngress(groups, known));
}
