// Reachability of backends: which flows (health checks, forwarded traffic, ICMP) the cloud sends
// from which source range to each member, and whether security groups and network ACLs admit
// them. Shared by the six *-blocks-* rules; the per-family facts come from DESIGN.md's table.
import {
  AddressSet,
  evaluateAcl,
  evaluateAclReturn,
  evaluateIngress,
  netUnknown,
  normalizeProtocol,
  parseCidr,
  parsePortSpec,
  type AclRule,
  type Cidr,
  type FlowProtocol,
  type IpVersion,
  type MaybeUnknown,
  type PortRange,
  type SgRule,
  type Verdict,
} from '../net/index.js';
import type { RuleSettings } from '../rule.js';
import { Unknown, isUnknown, type Range } from '../types.js';
import { isLayer4, listenerMonitors } from './query.js';
import type {
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
  Subnet,
} from './types.js';

export type FlowKind = 'health-check' | 'backend-port' | 'icmp';

export interface BackendFlow {
  kind: FlowKind;
  lb: LoadBalancer;
  listener: Listener;
  pool: Pool;
  member: Member;
  backend: Backend;
  monitor?: HealthMonitor;
  protocol: FlowProtocol;
  port?: number;
  /** The cloud's source addresses for this flow (IPv4). */
  sources: Cidr[];
  /** "100.125.0.0/16" or "the backend subnet 10.0.1.0/24 of …", for messages. */
  sourceText: string;
}

export interface UnknownVerdict {
  address: string;
  range: Range;
  what: string;
}

export interface FlowSet {
  flows: BackendFlow[];
  unknowns: UnknownVerdict[];
}

/** Health-check source ranges of the fixed-range (shared) families; overridable in the config. */
export const DEFAULT_HEALTH_CHECK_SOURCES: RuleSettings['healthCheckSources'] = {
  huaweicloud: ['100.125.0.0/16'],
  opentelekomcloud: ['100.125.0.0/16'],
  flexibleengine: ['100.125.0.0/16'],
  alicloud: ['100.64.0.0/10'],
};

function transport(protocol: string): FlowProtocol {
  return protocol === 'UDP' || protocol === 'UDP_CONNECT' || protocol === 'QUIC' ? 'udp' : protocol === 'PING' ? 'icmp' : 'tcp';
}

/**
 * The flows of one kind to every member of every used pool, with the exemptions of DESIGN.md:
 * dedicated TCP/UDP listeners without cross-VPC backends and shared TCP/UDP listeners with
 * transparent client IP are not subject to security groups or ACLs.
 */
export function backendFlows(model: Model, settings: RuleSettings, kind: FlowKind): FlowSet {
  const flows: BackendFlow[] = [];
  const unknowns: UnknownVerdict[] = [];
  const unknown = (node: { address: string; resource: { block: { headerRange: Range } } }, what: string) =>
    unknowns.push({ address: node.address, range: node.resource.block.headerRange, what });

  for (const pool of model.pools) {
    for (const listener of pool.listeners) {
      const lb = listener.loadBalancer;
      if (lb === undefined) continue;
      if (isUnknown(lb)) {
        unknown(listener, lb.reason);
        continue;
      }
      const protocol = listener.protocol;
      if (isUnknown(protocol)) {
        unknown(listener, protocol.reason);
        continue;
      }
      // ICMP is only needed by UDP health checks: other listeners have nothing to decide.
      if (kind === 'icmp' && protocol !== 'UDP') continue;
      const exempt = exemption(lb, listener, protocol);
      if (isUnknown(exempt)) {
        unknown(listener, exempt.reason);
        continue;
      }
      if (exempt) continue;
      const sources = sourceRanges(lb, settings);
      if (isUnknown(sources)) {
        unknown(lb, sources.reason);
        continue;
      }
      const monitors = listenerMonitors(pool, listener);
      const undecided = monitors.find((m) => isUnknown(m.enabled));
      if (undecided && isUnknown(undecided.enabled)) {
        unknown(undecided, undecided.enabled.reason);
        continue;
      }
      for (const member of pool.members) {
        const backend = member.backend;
        if (backend === undefined) {
          unknown(member, `${member.address} matches no instance or port in this configuration`);
          continue;
        }
        if (isUnknown(backend)) {
          unknown(member, backend.reason);
          continue;
        }
        // Alibaba's default server group serves each listener's backend_port.
        const memberPort = pool.anyPortEnabled === true ? (listener.backendPort ?? listener.port) : member.port;
        const base = { lb, listener, pool, member, backend, sources: sources.cidrs, sourceText: sources.text };
        if (kind === 'health-check') {
          for (const monitor of monitors) {
            if (isUnknown(monitor.protocol)) {
              unknown(monitor, monitor.protocol.reason);
              continue;
            }
            const port = monitor.port ?? memberPort;
            if (isUnknown(port)) {
              unknown(monitor, port.reason);
              continue;
            }
            const p = transport(monitor.protocol);
            flows.push({ ...base, kind, monitor, protocol: p, ...(p === 'icmp' ? {} : { port }) });
          }
        } else if (kind === 'backend-port') {
          if (isUnknown(memberPort)) {
            unknown(member, memberPort.reason);
            continue;
          }
          const p = transport(protocol);
          // One defect, one finding: the health-check rule already covers the same flow.
          const covered = monitors.some((m) => {
            const hcPort = m.port ?? memberPort;
            return !isUnknown(m.protocol) && transport(m.protocol) === p && hcPort === memberPort;
          });
          if (covered) continue;
          if (monitors.some((m) => isUnknown(m.port) || isUnknown(m.protocol))) {
            unknown(pool, 'the health-check port or protocol is not known');
            continue;
          }
          // A monitor this configuration cannot see may check the member port already.
          if (pool.hasUnknownMonitors) {
            unknown(pool, `${pool.address} may have a health monitor this configuration does not show (unknown count, for_each or pool_id)`);
            continue;
          }
          flows.push({ ...base, kind, protocol: p, port: memberPort });
        } else {
          const udp = monitors.find((m) => m.protocol === 'UDP_CONNECT');
          if (!udp) continue; // only UDP listeners get here (see above)
          flows.push({ ...base, kind, monitor: udp, protocol: 'icmp' });
        }
      }
    }
  }
  return { flows, unknowns };
}

/** A reason the cloud does not apply security groups/ACLs to this listener's backend traffic. */
function exemption(lb: LoadBalancer, listener: Listener, protocol: string): Maybe<string | undefined> {
  if (!isLayer4(protocol)) return undefined;
  if (lb.kind === 'dedicated') {
    if (isUnknown(lb.crossVpcBackend)) return lb.crossVpcBackend;
    return lb.crossVpcBackend ? undefined : 'dedicated TCP/UDP listener without IP as a backend';
  }
  if (lb.kind === 'shared') {
    if (isUnknown(listener.transparentClientIp)) return listener.transparentClientIp;
    return listener.transparentClientIp ? 'shared TCP/UDP listener with transparent client IP' : undefined;
  }
  return undefined;
}

function sourceRanges(lb: LoadBalancer, settings: RuleSettings): Maybe<{ cidrs: Cidr[]; text: string }> {
  if (lb.kind === 'dedicated') {
    const subnets = lb.backendSubnets;
    if (isUnknown(subnets)) return subnets;
    const cidrs: Cidr[] = [];
    for (const s of subnets) {
      if (isUnknown(s.cidr)) return s.cidr;
      const c = parseCidr(s.cidr);
      if (!c) return new Unknown(`${s.address}.cidr ${JSON.stringify(s.cidr)} is not a CIDR`);
      if (c.version === 4) cidrs.push(c);
    }
    if (cidrs.length === 0) return new Unknown(`${lb.address} has no IPv4 backend subnet`);
    return { cidrs, text: `${cidrs.map((c) => c.text).join(', ')} (backend subnet of ${lb.address})` };
  }
  const texts = settings.healthCheckSources[lb.family] ?? [];
  const cidrs = texts.map(parseCidr).filter((c): c is Cidr => c !== undefined && c.version === 4);
  if (cidrs.length === 0) return new Unknown(`no health-check source range is configured for ${lb.family}`);
  return { cidrs, text: cidrs.map((c) => c.text).join(', ') };
}

// ------------------------------------------------------------------ security groups

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

function lift<T>(v: Maybe<T>): MaybeUnknown<T> {
  return isUnknown(v) ? netUnknown(v.reason) : v;
}

function unknownOf(v: Unknown): MaybeUnknown<never> {
  return netUnknown(v.reason);
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

function portSet(spec: Maybe<string> | undefined, invalid: (what: string) => MaybeUnknown<never>): MaybeUnknown<PortRange[] | 'all'> {
  if (spec === undefined || spec === '') return 'all';
  if (isUnknown(spec)) return unknownOf(spec);
  const parsed = parsePortSpec(spec);
  return parsed ?? invalid(`port range ${JSON.stringify(spec)}`);
}

// ------------------------------------------------------------------ network ACLs

export interface AclVerdict {
  acl: NetworkAcl;
  subnet: Subnet;
  verdict: Verdict;
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
  if (subnet === undefined) return new Unknown(`the subnet of ${flow.member.address} is not known`);
  if (isUnknown(subnet)) return subnet;
  return aclVerdictsFor(subnet, flow.sources, flow.protocol, flow.port, flow.member.ip);
}

/** Verdicts by subnet and flow (model objects: dropped with the model); callers must not modify them. */
const aclVerdictCache = new WeakMap<Subnet, Map<string, Maybe<readonly AclVerdict[]>>>();

export function aclVerdictsFor(
  subnet: Subnet,
  sources: Cidr[],
  protocol: FlowProtocol,
  port: number | undefined,
  destinationIp: Maybe<string> | undefined,
): Maybe<readonly AclVerdict[]> {
  // Listeners sharing a pool, and health checks and forwarded traffic on one port, ask again.
  const key = `${sources.map((c) => c.text).join(',')}|${protocol}|${port ?? ''}|${typeof destinationIp === 'string' ? destinationIp : ''}`;
  let memo = aclVerdictCache.get(subnet);
  if (memo === undefined) aclVerdictCache.set(subnet, (memo = new Map()));
  let result = memo.get(key);
  if (result === undefined) {
    result = evaluateSubnetAcls(subnet, sources, protocol, port, destinationIp);
    memo.set(key, result);
  }
  return result;
}

function evaluateSubnetAcls(
  subnet: Subnet,
  sources: Cidr[],
  protocol: FlowProtocol,
  port: number | undefined,
  destinationIp: Maybe<string> | undefined,
): Maybe<AclVerdict[]> {
  const out: AclVerdict[] = [];
  let source = AddressSet.fromCidrs(4, sources);
  if (isUnknown(subnet.cidr)) {
    if (subnet.acls.length > 0) return subnet.cidr;
  } else {
    const own = parseCidr(subnet.cidr);
    if (own && own.version === 4) source = source.subtract(AddressSet.fromCidr(own));
  }
  if (source.isEmpty()) return out;
  const destination = typeof destinationIp === 'string' ? parseCidr(destinationIp) : undefined;
  for (const acl of subnet.acls) {
    if (acl.enabled === false) continue;
    if (isUnknown(acl.enabled)) return acl.enabled;
    if (isUnknown(acl.ingress)) return acl.ingress;
    const flow = {
      protocol,
      source,
      ...(destination ? { destination } : {}),
      ...(port !== undefined ? { port } : {}),
      sourcePorts: 'all' as const,
    };
    out.push({ acl, subnet, direction: 'in', verdict: evaluateAcl(aclRules(acl.ingress), flow) });
    if (!acl.stateful) {
      if (isUnknown(acl.egress)) return acl.egress;
      out.push({ acl, subnet, direction: 'out', verdict: evaluateAclReturn(aclRules(acl.egress), flow) });
    }
  }
  return out;
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

// ------------------------------------------------------------------ messages

export function describeFlow(flow: Pick<BackendFlow, 'protocol' | 'port'>): string {
  if (flow.protocol === 'icmp') return 'ICMP';
  return `${flow.protocol.toUpperCase()} port ${flow.port}`;
}

export function traceLines(verdict: Verdict): string[] {
  return verdict.trace.map((step) => {
    const what =
      step.effect === 'default-deny'
        ? 'no rule matches: denied by default'
        : step.effect === 'default-allow'
          ? 'allowed by default'
          : step.effect === 'deny'
            ? 'denies'
            : step.effect === 'allow'
              ? 'allows'
              : 'may decide';
    return step.ruleId === 'default' ? `${step.addresses}: ${what}` : `${step.ruleId} ${what} ${step.addresses}`;
  });
}

export function isBlocking(verdict: Verdict): boolean {
  return verdict.status === 'blocked' || verdict.status === 'partial';
}
