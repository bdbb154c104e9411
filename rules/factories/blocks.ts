// The checks behind the six *-blocks-* rules: run the reachability model and turn blocked or
// partly blocked flows into findings (one per security group or ACL and flow, never per member).
import type { RuleContext } from '../../src/rule.js';
import type { Model, SecurityGroup, SecurityGroupRuleSyntax, NetworkAcl, AclRuleNode } from '../../src/model/types.js';
import {
  aclVerdicts,
  backendFlows,
  describeFlow,
  isBlocking,
  securityGroupVerdict,
  traceLines,
  type BackendFlow,
  type FlowKind,
  joinAddresses,
} from '../../src/analysis/index.js';
import { Unknown, isUnknown, type RelatedLocation, type Range } from '../../src/types.js';
import { normalizeProtocol, parsePortSpec, portInRanges, protocolMatches, type Verdict } from '../../src/net/index.js';

/** Families whose security groups are not in the path of LB traffic (Alibaba: 100.64.0.0/10 is never blocked). */
const SG_EXEMPT_KINDS = new Set(['clb', 'alb', 'nlb']);

function consequence(kind: FlowKind, flows: BackendFlow[]): string {
  const members = joinAddresses([...new Set(flows.map((f) => f.member.address))]);
  const first = flows[0]!;
  switch (kind) {
    case 'health-check':
      return `where the health checks of ${first.monitor?.address ?? first.pool.address} come from, so ${members} ${flows.length === 1 ? 'is' : 'are'} marked unhealthy`;
    case 'backend-port':
      return `so ${first.listener.address} cannot forward requests to ${members}`;
    case 'icmp':
      return `which the UDP health check of ${first.monitor?.address ?? first.pool.address} needs, so ${members} ${flows.length === 1 ? 'is' : 'are'} marked unhealthy`;
  }
}

function admittedText(verdict: Verdict, flow: BackendFlow, direction = ''): string {
  const what = `${direction}${describeFlow(flow)}`;
  if (verdict.status === 'blocked') return `admits no ${what} from ${flow.sourceText}`;
  return `admits ${what} from only ${verdict.admitted.toString()} of ${flow.sourceText}`;
}

function flowRelated(flows: BackendFlow[]): RelatedLocation[] {
  const first = flows[0]!;
  const out: RelatedLocation[] = [];
  if (first.monitor) out.push({ range: first.monitor.range, address: first.monitor.address, message: 'health monitor' });
  out.push({ range: first.pool.range, address: first.pool.address, message: 'backend pool' });
  const seen = new Set<string>();
  for (const f of flows) {
    if (seen.has(f.member.address) || seen.size >= 5) continue;
    seen.add(f.member.address);
    out.push({ range: f.member.range, address: f.member.address, message: `member on ${f.backend.address}` });
  }
  out.push({ range: first.listener.range, address: first.listener.address, message: `${String(first.listener.protocol)} listener` });
  return out;
}

export function securityGroupCheck(kind: FlowKind) {
  return (model: Model, ctx: RuleContext): void => {
    const { flows, unknowns } = backendFlows(model, ctx.settings, kind);
    for (const u of unknowns) ctx.unknown(u.unknown, u);
    const groups = new Map<string, { flows: BackendFlow[]; verdict: Verdict; sgs: SecurityGroup[] }>();
    for (const flow of flows) {
      if (SG_EXEMPT_KINDS.has(flow.lb.kind)) continue;
      const result = securityGroupVerdict(flow);
      const memberRange = flow.member.range;
      if (isUnknown(result)) {
        ctx.unknown(result, { address: flow.member.address, range: memberRange });
        continue;
      }
      if (result.verdict.status === 'unknown') {
        ctx.unknown(new Unknown(result.verdict.unknownReasons[0] ?? 'a security group rule is not known'), { address: flow.backend.address, range: memberRange });
        continue;
      }
      if (!isBlocking(result.verdict) || result.groups.length === 0) continue;
      const key = [result.groups.map((g) => g.address).join(','), flow.protocol, flow.port, flow.sourceText, flow.monitor?.address].join('|');
      const entry = groups.get(key);
      if (entry) entry.flows.push(flow);
      else groups.set(key, { flows: [flow], verdict: result.verdict, sgs: result.groups });
    }
    for (const { flows: list, verdict, sgs } of groups.values()) {
      const first = list[0]!;
      const sg = sgs[0]!;
      const names = sgs.length === 1 ? sg.address : `security groups ${joinAddresses(sgs.map((g) => g.address))} of ${first.backend.address}`;
      const ruleRanges = new Map(sgs.flatMap((g) => g.rules.map((r) => [r.address, r.range] as const)));
      const related: RelatedLocation[] = [
        ...verdict.trace.flatMap((step) => {
          const range = ruleRanges.get(step.ruleId);
          return range ? [{ range, address: step.ruleId, message: `${step.effect} ${step.addresses}` }] : [];
        }),
        ...nearMisses(sgs, first, new Set(verdict.trace.map((t) => t.ruleId))),
        ...sgs.slice(1).map((g) => ({ range: g.range, address: g.address, message: 'security group of the backend' })),
        ...flowRelated(list),
      ];
      ctx.report({
        message: `${names} ${admittedText(verdict, first)}, ${consequence(kind, list)}.`,
        address: sg.address,
        attribute: `${kind}:${first.protocol}:${first.port ?? ''}`,
        range: sg.range,
        related,
        trace: [
          `${first.lb.address} (${first.lb.kind}) → ${first.listener.address} → ${first.pool.address} → ${first.member.address} → ${first.backend.address}`,
          `flow: ${describeFlow(first)} from ${first.sourceText}`,
          ...traceLines(verdict),
        ],
        ...(deniedAtTopPriority(verdict, sgs) || !sg.ruleSyntax ? {} : { fix: securityGroupFix(sg, sg.ruleSyntax, first) }),
      });
    }
  };
}

/**
 * An added allow rule gets priority 1, and a deny at priority 1 wins the tie: when such a deny
 * decides the flow, the fix is to change that rule, which is not mechanical.
 */
function deniedAtTopPriority(verdict: Verdict, sgs: SecurityGroup[]): boolean {
  const priorities = new Map(sgs.flatMap((g) => g.rules.map((r) => [r.address, r.priority] as const)));
  return verdict.trace.some((step) => {
    if (step.effect !== 'deny') return false;
    const priority = priorities.get(step.ruleId);
    return priority === undefined || isUnknown(priority) || priority <= 1;
  });
}

/** Allow rules that admit the right protocol and port, but from the wrong source: the usual mistake. */
function nearMisses(sgs: SecurityGroup[], flow: BackendFlow, inTrace: ReadonlySet<string>): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  for (const group of sgs) {
    for (const rule of group.rules) {
      if (inTrace.has(rule.address) || rule.direction !== 'ingress' || rule.action !== 'allow') continue;
      const protocol = typeof rule.protocol === 'string' ? normalizeProtocol(rule.protocol) : undefined;
      if (protocol === undefined || !protocolMatches(protocol, flow.protocol)) continue;
      if (flow.port !== undefined) {
        const ports = rule.ports === undefined || rule.ports === '' ? 'all' : typeof rule.ports === 'string' ? parsePortSpec(rule.ports) : undefined;
        if (ports === undefined || !portInRanges(flow.port, ports)) continue;
      }
      const from = typeof rule.remoteCidr === 'string' ? rule.remoteCidr : rule.remoteGroup !== undefined ? 'a security group' : undefined;
      if (from === undefined) continue;
      out.push({ range: rule.range, address: rule.address, message: `admits ${describeFlow(flow)} only from ${from}` });
    }
  }
  return out;
}

function localAddress(address: string): string {
  return address.replace(/^(module\.[^.]+(\[[^\]]+\])?\.)+/, '');
}

function securityGroupFix(sg: SecurityGroup, syntax: SecurityGroupRuleSyntax, flow: BackendFlow) {
  const name = `${sg.resourceName}_allow_${flow.kind.replace(/-/g, '_')}${flow.port !== undefined ? `_${flow.port}` : ''}`;
  const ref = `${localAddress(sg.address)}.id`;
  const lines: string[] = [];
  for (const cidr of flow.sources) {
    const suffix = flow.sources.length > 1 ? `_${cidr.text.replace(/[./]/g, '_')}` : '';
    lines.push(`resource "${syntax.type}" "${name}${suffix}" {`);
    const body = syntax.ingressBody({ groupRef: ref, protocol: flow.protocol, ...(flow.port !== undefined ? { port: flow.port } : {}), cidr: cidr.text });
    for (const line of body) lines.push(`  ${line}`);
    lines.push('}');
  }
  return {
    description: `Admit ${describeFlow(flow)} from ${flow.sources.map((c) => c.text).join(', ')} in ${sg.address}.`,
    insertText: `\n${lines.join('\n')}\n`,
    after: sg.blockRange,
  };
}

export function networkAclCheck(kind: FlowKind) {
  return (model: Model, ctx: RuleContext): void => {
    const { flows, unknowns } = backendFlows(model, ctx.settings, kind);
    for (const u of unknowns) ctx.unknown(u.unknown, u);
    const groups = new Map<string, { flows: BackendFlow[]; verdict: Verdict; acl: NetworkAcl; direction: 'in' | 'out' }>();
    for (const flow of flows) {
      const result = aclVerdicts(flow);
      const memberRange = flow.member.range;
      if (isUnknown(result)) {
        ctx.unknown(result, { address: flow.member.address, range: memberRange });
        continue;
      }
      for (const { acl, verdict, direction } of result) {
        if (verdict.status === 'unknown') {
          ctx.unknown(new Unknown(verdict.unknownReasons[0] ?? 'an ACL rule is not known'), { address: acl.address, range: acl.range });
          continue;
        }
        if (!isBlocking(verdict)) continue;
        const key = [acl.address, direction, flow.protocol, flow.port, flow.sourceText, flow.monitor?.address].join('|');
        const entry = groups.get(key);
        if (entry) entry.flows.push(flow);
        else groups.set(key, { flows: [flow], verdict, acl, direction });
      }
    }
    for (const { flows: list, verdict, acl, direction } of groups.values()) {
      const first = list[0]!;
      const what =
        direction === 'in'
          ? `${acl.address} ${admittedText(verdict, first, 'inbound ')}`
          : `${acl.address} admits no outbound reply (${describeFlow(first)} back to the ephemeral ports of ${first.sourceText})`;
      ctx.report({
        message: `${what}, ${consequence(kind, list)}.`,
        address: acl.address,
        attribute: `${kind}:${direction}:${first.protocol}:${first.port ?? ''}`,
        range: acl.range,
        related: [...aclRuleLocations(acl, verdict), ...(direction === 'out' ? outboundEntries(acl, verdict) : []), ...flowRelated(list)],
        trace: [
          `${first.lb.address} (${first.lb.kind}) → ${first.listener.address} → ${first.pool.address} → ${first.member.address}`,
          `flow: ${describeFlow(first)} from ${first.sourceText}${direction === 'out' ? ' (reply direction)' : ''}`,
          ...traceLines(verdict),
        ],
      });
    }
  };
}

/** Stateless ACLs (Alibaba): the outbound entries that let the reply fall through to the default deny. */
function outboundEntries(acl: NetworkAcl, verdict: Verdict): RelatedLocation[] {
  if (!Array.isArray(acl.egress)) return [];
  const inTrace = new Set(verdict.trace.map((t) => t.ruleId));
  return acl.egress
    .filter((r) => !inTrace.has(r.id))
    .slice(0, 5)
    .map((r) => ({ range: r.range, address: r.address, message: 'outbound entry that does not match the reply' }));
}

export function aclRuleLocations(acl: NetworkAcl, verdict: Verdict): RelatedLocation[] {
  const rules: AclRuleNode[] = [...(Array.isArray(acl.ingress) ? acl.ingress : []), ...(Array.isArray(acl.egress) ? acl.egress : [])];
  const byId = new Map<string, Range>(rules.map((r) => [r.id, r.range]));
  return verdict.trace.flatMap((step) => {
    const range = byId.get(step.ruleId);
    return range ? [{ range, address: step.ruleId, message: `${step.effect} ${step.addresses}` }] : [];
  });
}


