// First-match sweep shared by the security-group and ACL evaluators, and the verdict it yields.
import { AddressSet } from './cidr.js';
import { labelled, type NetUnknown } from './unknown.js';

export type VerdictStatus = 'allowed' | 'partial' | 'blocked' | 'unknown';

export type TraceEffect = 'allow' | 'deny' | 'default-deny' | 'default-allow' | 'unknown';

export interface TraceStep {
  /** The rule's opaque id, or `default` for the default action. */
  ruleId: string;
  effect: TraceEffect;
  /** The part of the swept range this step decided (for `unknown`: could have decided), e.g. `100.125.0.0/16`. */
  addresses: string;
  /** With an open port or protocol: the values this step applies to (absent: all of them), e.g. `TCP 1-79`. */
  flow?: string;
}

export interface Verdict {
  /**
   * allowed: all of the range is admitted; partial: some; blocked: none; unknown: a rule with an
   * unknown or uncertain field could change the answer, and the known rules do not admit everything
   * (or that rule could deny). A rule should report only partial and blocked.
   */
  status: VerdictStatus;
  /** What the rules admit, counting rules with uncertain effect as not matching. */
  admitted: AddressSet;
  trace: TraceStep[];
  /** `<rule id>: <reason>` for every uncertain rule that could match, each with the cause of its input. */
  unknowns: NetUnknown[];
}

/** One rule after the evaluator has matched its fields other than the swept address. */
export interface SweepCandidate {
  id: string;
  /** Addresses of the swept side the rule matches; undefined = all of them (or not known). */
  addresses: AddressSet | undefined;
  /** undefined = not known. */
  action: 'allow' | 'deny' | undefined;
  /** Non-empty: the rule may or may not match (or act), and why; it then decides nothing but taints the verdict. */
  uncertain: NetUnknown[];
  /** Rules are ordered within a group; groups in sequence (security groups of one port). */
  group?: number;
  /**
   * The rule's place in its group is not known (unknown priority): it could come before every
   * other rule of the group, so it is checked against what was undecided when the group began.
   */
  anyPosition?: boolean;
}

export function sweep(
  range: AddressSet,
  candidates: Iterable<SweepCandidate>,
  defaultAction: 'allow' | 'deny' = 'deny',
): Verdict {
  let undecided = range;
  let admitted = AddressSet.empty(range.version);
  const trace: TraceStep[] = [];
  const reasons: NetUnknown[] = [];
  let isUncertain = false;
  let mayDeny = false;
  let group: number | undefined;
  let groupStart = undecided;
  for (const c of candidates) {
    if (c.group !== group) {
      group = c.group;
      groupStart = undecided;
    }
    if (c.uncertain.length > 0) {
      const base = c.anyPosition ? groupStart : undecided;
      const possible = c.addresses ? base.intersect(c.addresses) : base;
      if (possible.isEmpty()) continue;
      isUncertain = true;
      if (c.action !== 'allow') mayDeny = true;
      trace.push({ ruleId: c.id, effect: 'unknown', addresses: possible.toString() });
      for (const r of c.uncertain) {
        const line = labelled(c.id, r);
        if (!reasons.some((x) => x.unknown === line.unknown)) reasons.push(line);
      }
      continue;
    }
    if (undecided.isEmpty()) continue;
    const decided = c.addresses ? undecided.intersect(c.addresses) : undecided;
    if (decided.isEmpty()) continue;
    // Candidates without reasons have a known action; guard anyway.
    const effect = c.action ?? 'deny';
    trace.push({ ruleId: c.id, effect, addresses: decided.toString() });
    if (effect === 'allow') admitted = admitted.union(decided);
    undecided = undecided.subtract(decided);
  }
  if (!undecided.isEmpty()) {
    trace.push({
      ruleId: 'default',
      effect: defaultAction === 'allow' ? 'default-allow' : 'default-deny',
      addresses: undecided.toString(),
    });
    if (defaultAction === 'allow') admitted = admitted.union(undecided);
  }
  const coversAll = admitted.covers(range);
  let status: VerdictStatus;
  if (isUncertain && (mayDeny || !coversAll)) status = 'unknown';
  else if (coversAll) status = 'allowed';
  else if (admitted.isEmpty()) status = 'blocked';
  else status = 'partial';
  return { status, admitted, trace, unknowns: reasons };
}
