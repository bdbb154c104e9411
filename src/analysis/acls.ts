// Network-ACL verdicts of backend flows on the member's subnet, evaluated once per subnet and flow.
import { AddressSet, decideAcl, decideAclReturn, isOpen, netUnknown, normalizeProtocol, open, parseCidr, type AclRule, type Decision, type IpVersion, type MaybeUnknown, type Open } from '../net/index.js';
import { Unknown, isUnknown, unknownAbout } from '../types.js';
import type { AclRuleNode, Maybe, NetworkAcl, Subnet } from '../model/types.js';
import type { BackendFlow } from './flows.js';
import { flowKey } from './security-groups.js';
import { lift, portSet, unknownOf } from './net-values.js';

export interface AclVerdict {
  acl: NetworkAcl;
  subnet: Subnet;
  verdict: Decision;
  /** 'in' for the inbound check; 'out' for the reply on stateless ACLs. */
  direction: 'in' | 'out';
}

/** The subnet a member lives in. */
export function memberSubnet(flow: BackendFlow): Maybe<Subnet> | undefined {
  const direct = flow.member.subnet;
  if (direct !== undefined && !isUnknown(direct)) return direct;
  return flow.backend.subnet ?? direct;
}

/**
 * Verdicts of every enabled ACL on the member's subnet. Traffic from inside the subnet itself
 * is not filtered (providers.md §6 pitfall 2), so that part of the source range is left out.
 */
export function aclVerdicts(flow: BackendFlow): Maybe<readonly AclVerdict[]> {
  const subnet = memberSubnet(flow);
  if (subnet === undefined) return unknownAbout(flow.member.address, `the subnet of ${flow.member.address} is not known`);
  if (isUnknown(subnet)) return subnet;
  return aclVerdictsFor(subnet, flow.source, flow.protocol, flow.port, flow.member.ip);
}

/** Verdicts by subnet and flow (model objects: dropped with the model); callers must not modify them. */
const aclVerdictCache = new WeakMap<Subnet, Map<string, Maybe<readonly AclVerdict[]>>>();

export function aclVerdictsFor(
  subnet: Subnet,
  source: BackendFlow['source'],
  protocol: BackendFlow['protocol'],
  port: BackendFlow['port'],
  destinationIp: Maybe<string> | undefined,
): Maybe<readonly AclVerdict[]> {
  // Listeners sharing a pool, and health checks and forwarded traffic on one port, ask again.
  const key = `${flowKey({ source, protocol, port })}|${typeof destinationIp === 'string' ? destinationIp : ''}`;
  let memo = aclVerdictCache.get(subnet);
  if (memo === undefined) aclVerdictCache.set(subnet, (memo = new Map()));
  let result = memo.get(key);
  if (result === undefined) {
    result = evaluateSubnetAcls(subnet, source, protocol, port, destinationIp);
    memo.set(key, result);
  }
  return result;
}

function evaluateSubnetAcls(
  subnet: Subnet,
  flowSource: BackendFlow['source'],
  protocol: BackendFlow['protocol'],
  port: BackendFlow['port'],
  destinationIp: Maybe<string> | undefined,
): Maybe<AclVerdict[]> {
  const out: AclVerdict[] = [];
  const sourceOpen = isOpen(flowSource) ? flowSource : undefined;
  let source = sourceOpen ? sourceOpen.among : (flowSource as AddressSet);
  // Whether the open source may be the member's own subnet (then the ACL does not filter it).
  let mayBeOwnSubnet = sourceOpen !== undefined;
  if (isUnknown(subnet.cidr)) {
    if (subnet.acls.length > 0) return subnet.cidr;
  } else {
    const own = parseCidr(subnet.cidr);
    if (own && own.version === 4) {
      if (sourceOpen && !sourceOpen.among.overlaps(own)) mayBeOwnSubnet = false;
      source = source.subtract(AddressSet.fromCidr(own));
    }
  }
  if (source.isEmpty()) return out;
  const destination = typeof destinationIp === 'string' ? parseCidr(destinationIp) : undefined;
  for (const acl of subnet.acls) {
    if (acl.enabled === false) continue;
    if (isUnknown(acl.enabled)) return acl.enabled;
    if (isUnknown(acl.ingress)) return acl.ingress;
    const flow = {
      protocol,
      source: sourceOpen ? open(sourceOpen.unknown, source, sourceOpen.cause) : source,
      ...(destination ? { destination } : {}),
      ...(port !== undefined ? { port } : {}),
      sourcePorts: 'all' as const,
    };
    out.push({ acl, subnet, direction: 'in', verdict: sameSubnetMayPass(decideAcl(aclRules(acl.ingress), flow), mayBeOwnSubnet ? sourceOpen : undefined, subnet) });
    if (!acl.stateful) {
      if (isUnknown(acl.egress)) return acl.egress;
      out.push({ acl, subnet, direction: 'out', verdict: sameSubnetMayPass(decideAclReturn(aclRules(acl.egress), flow), mayBeOwnSubnet ? sourceOpen : undefined, subnet) });
    }
  }
  return out;
}

/**
 * An open source (an unknown LB subnet) may be the member's own subnet, whose traffic the ACL
 * does not filter: "blocked for every other subnet" is then no proof.
 */
function sameSubnetMayPass(verdict: Decision, sourceOpen: Open<AddressSet> | undefined, subnet: Subnet): Decision {
  if (!sourceOpen || verdict.status !== 'blocked') return verdict;
  return Object.assign({}, verdict, {
    status: 'unknown' as const,
    unknowns: [netUnknown(`${sourceOpen.unknown}: the load balancer's subnet may be ${subnet.address}, whose own traffic its network ACL does not filter`, sourceOpen.cause)],
  });
}

/** One ACL direction in the evaluator's form, converted once per rule list. */
const aclRuleCache = new WeakMap<readonly AclRuleNode[], AclRule[]>();

function aclRules(rules: readonly AclRuleNode[]): AclRule[] {
  let out = aclRuleCache.get(rules);
  if (out === undefined) aclRuleCache.set(rules, (out = rules.map(toAclRule)));
  return out;
}

function endpoint(text: Maybe<string> | undefined, invalid: (what: string) => MaybeUnknown<never>): AclRule['source'] {
  if (text === undefined || text === '' || text === 'any') return { kind: 'any' };
  if (isUnknown(text)) return unknownOf(text);
  const c = parseCidr(text);
  return c ? { kind: 'cidr', cidr: c } : invalid(`address ${JSON.stringify(text)}`);
}

function toAclRule(rule: AclRuleNode): AclRule {
  const invalid = (what: string) => netUnknown(`${rule.address} has an invalid ${what}`);
  const protocol = isUnknown(rule.protocol) ? unknownOf(rule.protocol) : normalizeProtocol(rule.protocol) ?? invalid('protocol');
  return {
    id: rule.address,
    protocol,
    source: endpoint(rule.sourceCidr, invalid),
    destination: endpoint(rule.destinationCidr, invalid),
    sourcePorts: portSet(rule.sourcePorts, invalid),
    destinationPorts: portSet(rule.destinationPorts, invalid),
    action: lift(rule.action),
    enabled: lift(rule.enabled),
    ...(rule.ipVersion !== undefined ? { ipVersion: ipVersionOf(rule.ipVersion, invalid) } : {}),
  };
}

function ipVersionOf(v: Maybe<number>, invalid: (what: string) => MaybeUnknown<never>): MaybeUnknown<IpVersion> {
  if (isUnknown(v)) return unknownOf(v);
  return v === 4 || v === 6 ? v : invalid(`ip_version ${v}`);
}
