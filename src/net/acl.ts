// Ordered network ACLs (Huawei/OTC stateful, Alibaba stateless): first match wins, default deny.
import { AddressSet, cidrContains, cidrOverlaps, formatCidr, type Cidr, type IpVersion } from './cidr.js';
import { decideFlow, type Decision, type OpenFlow } from './decide.js';
import type { Flow } from './flow.js';
import { formatPortSet, portSetCovers, portSetsOverlap, rangesCoverAll, type PortRange, type PortSet } from './ports.js';
import { protocolHasPorts, protocolMatches, type Protocol } from './protocol.js';
import { isNetUnknown, labelled, netUnknown, type MaybeUnknown, type NetUnknown } from './unknown.js';
import { sweep, type SweepCandidate, type Verdict } from './verdict.js';

export type AclEndpoint = { kind: 'any' } | { kind: 'cidr'; cidr: Cidr };

export interface AclRule {
  /** Opaque (e.g. a Terraform address); goes into the trace. */
  id: string;
  protocol: MaybeUnknown<Protocol>;
  /** Rule's IP version when it has one (Huawei `ip_version`); otherwise taken from its CIDRs. */
  ipVersion?: MaybeUnknown<IpVersion>;
  source: MaybeUnknown<AclEndpoint>;
  destination: MaybeUnknown<AclEndpoint>;
  sourcePorts: MaybeUnknown<PortSet>;
  /** Alibaba's single `port` field goes here in both directions (it matches the destination port). */
  destinationPorts: MaybeUnknown<PortSet>;
  action: MaybeUnknown<'allow' | 'deny'>;
  /** Default true; disabled rules are skipped. */
  enabled?: MaybeUnknown<boolean>;
}

export interface AclFlow extends Flow {
  /** Source ports of the traffic; health checks use ephemeral ports, i.e. 'all'. */
  sourcePorts: PortSet;
  /** Destination ports; defaults to `port` (unknown when that is undefined too). */
  destinationPorts?: PortSet;
}

export interface AclOptions {
  defaultAction?: 'deny' | 'allow';
}

export interface AclReturnOptions extends AclOptions {
  /** Ports the source side replies to; default EPHEMERAL_PORTS. */
  ephemeralPorts?: PortSet;
}

/**
 * Assumed client (ephemeral) ports of the health checker and the LB: 1024-65535. Wider than any
 * OS default (Linux 32768-60999), so a rule that admits only part of it makes the verdict
 * unknown rather than blocked, and a rule disjoint from it (e.g. `80/80`) cannot admit replies.
 */
export const EPHEMERAL_PORTS: readonly PortRange[] = Object.freeze([
  Object.freeze({ from: 1024, to: 65535 }),
]);

/** The ports the forward flow is addressed to: the given set, else its single port. */
function servicePorts(flow: AclFlow): PortSet | undefined {
  return flow.destinationPorts ?? (flow.port === undefined ? undefined : [{ from: flow.port, to: flow.port }]);
}

/** Verdict for `flow` against `rules`, given in evaluation order (inbound ACL of the member's subnet). */
export function evaluateAcl(rules: readonly AclRule[], flow: AclFlow, opts: AclOptions = {}): Verdict {
  return evaluate(rules, opts.defaultAction ?? 'deny', {
    protocol: flow.protocol,
    swept: flow.source,
    sweptSide: 'source',
    fixed: flow.destination,
    sourcePorts: flow.sourcePorts,
    destinationPorts: servicePorts(flow),
  });
}

/**
 * Verdict for the replies to `flow` (the forward flow) through a stateless ACL's outbound
 * `rules`: from the member, source port = the service port(s), to `flow.source`, destination
 * ports = ephemeral. The admitted set and the trace are in terms of `flow.source`. Only for
 * stateless ACLs (Alibaba); Huawei/OTC ACLs are stateful and need no return rule.
 */
export function evaluateAclReturn(rules: readonly AclRule[], flow: AclFlow, opts: AclReturnOptions = {}): Verdict {
  return evaluate(rules, opts.defaultAction ?? 'deny', {
    protocol: flow.protocol,
    swept: flow.source,
    sweptSide: 'destination',
    fixed: flow.destination,
    sourcePorts: servicePorts(flow),
    destinationPorts: opts.ephemeralPorts ?? EPHEMERAL_PORTS,
  });
}

interface DirectedFlow {
  protocol: Flow['protocol'];
  /** The address range judged address by address. */
  swept: AddressSet;
  /** Which rule side is compared with `swept`; the other is compared with `fixed`. */
  sweptSide: 'source' | 'destination';
  /** The member's address, undefined when unknown. */
  fixed: Cidr | undefined;
  /** undefined = not known. */
  sourcePorts: PortSet | undefined;
  destinationPorts: PortSet | undefined;
}

function evaluate(rules: readonly AclRule[], defaultAction: 'allow' | 'deny', flow: DirectedFlow): Verdict {
  const candidates: SweepCandidate[] = [];
  for (const rule of rules) {
    const candidate = matchRule(rule, flow);
    if (candidate) candidates.push(candidate);
  }
  return sweep(flow.swept, candidates, defaultAction);
}

/** undefined when the rule is disabled or its known fields exclude the flow. */
function matchRule(rule: AclRule, flow: DirectedFlow): SweepCandidate | undefined {
  const version = flow.swept.version;
  const reasons: NetUnknown[] = [];

  if (isNetUnknown(rule.enabled)) reasons.push(labelled('enabled', rule.enabled));
  else if (rule.enabled === false) return undefined;

  if (rule.ipVersion !== undefined) {
    if (isNetUnknown(rule.ipVersion)) reasons.push(labelled('ip version', rule.ipVersion));
    else if (rule.ipVersion !== version) return undefined;
  }

  if (isNetUnknown(rule.protocol)) reasons.push(labelled('protocol', rule.protocol));
  else if (!protocolMatches(rule.protocol, flow.protocol, version)) return undefined;

  if (protocolHasPorts(flow.protocol)) {
    for (const [label, rulePorts, flowPorts] of [
      ['source port', rule.sourcePorts, flow.sourcePorts],
      ['destination port', rule.destinationPorts, flow.destinationPorts],
    ] as const) {
      if (isNetUnknown(rulePorts)) {
        reasons.push(labelled(label, rulePorts));
        continue;
      }
      const match = matchPorts(rulePorts, flowPorts);
      if (match === 'none') return undefined;
      if (match === 'partial') {
        reasons.push(
          netUnknown(
            flowPorts === undefined
              ? `${label} ${formatPortSet(rulePorts)}: the flow's ${label} is not known`
              : `${label} ${formatPortSet(rulePorts)} covers only part of the flow's ${label}s ${formatPortSet(flowPorts)}`,
          ),
        );
      }
    }
  }

  const sweptEndpoint = flow.sweptSide === 'source' ? rule.source : rule.destination;
  const fixedEndpoint = flow.sweptSide === 'source' ? rule.destination : rule.source;
  const fixedLabel = flow.sweptSide === 'source' ? 'destination' : 'source';

  if (isNetUnknown(fixedEndpoint)) reasons.push(labelled(fixedLabel, fixedEndpoint));
  else if (fixedEndpoint.kind === 'cidr') {
    const ruleCidr = fixedEndpoint.cidr;
    if (ruleCidr.version !== version) return undefined;
    if (flow.fixed === undefined) reasons.push(netUnknown(`${fixedLabel} ${formatCidr(ruleCidr)}: the member address is not known`));
    else if (!cidrOverlaps(ruleCidr, flow.fixed)) return undefined;
    else if (!cidrContains(ruleCidr, flow.fixed)) {
      reasons.push(netUnknown(`${fixedLabel} ${formatCidr(ruleCidr)} covers only part of ${formatCidr(flow.fixed)}`));
    }
  }

  let addresses: AddressSet | undefined;
  if (isNetUnknown(sweptEndpoint)) reasons.push(labelled(flow.sweptSide, sweptEndpoint));
  else if (sweptEndpoint.kind === 'cidr') {
    if (sweptEndpoint.cidr.version !== version) return undefined;
    addresses = AddressSet.fromCidr(sweptEndpoint.cidr);
  }

  let action: 'allow' | 'deny' | undefined;
  if (isNetUnknown(rule.action)) reasons.push(labelled('action', rule.action));
  else action = rule.action;

  return { id: rule.id, addresses, action, uncertain: reasons };
}

/**
 * `partial`: the rule matches some of the flow's ports but not all (allow `source_port = "80"`
 * for ephemeral traffic), so whether it applies depends on the packet; treated as unknown.
 */
function matchPorts(rulePorts: PortSet, flowPorts: PortSet | undefined): 'match' | 'none' | 'partial' {
  if (rulePorts === 'all' || rangesCoverAll(rulePorts)) return 'match';
  if (flowPorts === undefined) return 'partial';
  if (portSetCovers(rulePorts, flowPorts)) return 'match';
  return portSetsOverlap(rulePorts, flowPorts) ? 'partial' : 'none';
}

/** `evaluateAcl` for a flow whose source, port or protocol may be open (decide.ts). */
export function decideAcl(rules: readonly AclRule[], flow: OpenFlow & { sourcePorts: PortSet }, opts: AclOptions = {}): Decision {
  const cuts = rules.flatMap((r) => (isNetUnknown(r.destinationPorts) ? [] : [r.destinationPorts]));
  return decideFlow(flow, cuts, (known) => evaluateAcl(rules, { ...known, sourcePorts: flow.sourcePorts }, opts));
}

/** `evaluateAclReturn` for a flow whose source, port or protocol may be open: the service port is the reply's source port. */
export function decideAclReturn(rules: readonly AclRule[], flow: OpenFlow & { sourcePorts: PortSet }, opts: AclReturnOptions = {}): Decision {
  const cuts = rules.flatMap((r) => (isNetUnknown(r.sourcePorts) ? [] : [r.sourcePorts]));
  return decideFlow(flow, cuts, (known) => evaluateAclReturn(rules, { ...known, sourcePorts: flow.sourcePorts }, opts));
}
