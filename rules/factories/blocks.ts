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
  verdictUnknown,
  type BackendFlow,
  type FlowKind,
  joinAddresses,
} from '../../src/analysis/index.js';
import { Unknown, isUnknown, type RelatedLocation, type Range } from '../../src/types.js';
import { AddressSet, isOpen, normalizeProtocol, parsePortSpec, portInRanges, protocolMatches, type Decision, type Verdict } from '../../src/net/index.js';

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
  if (verdict.status === 'blocked') return `admits no ${what} from ${flow.sourceText}${openValues(flow)}`;
  return `admits ${what} from only ${verdict.admitted.toString()} of ${flow.sourceText}${openValues(flow)}`;
}

/** The unknown port or protocol the verdict was taken over ("whatever it is"), for messages. */
function openValues(flow: BackendFlow): string {
  const open: string[] = [];
  if (isOpen(flow.protocol)) open.push(`protocol: ${flow.protocol.unknown}`);
  if (flow.port !== undefined && isOpen(flow.port)) open.push(`port: ${flow.port.unknown}`);
  return open.length ? ` (whatever the unknown ${open.join('; ')})` : '';
}

/**
 * A source that is not known (a dedicated LB's unknown backend subnet) can only be blocked when
 * nothing admits the flow from anywhere: the sentence says so, then names the source.
 */
function blockedFromAnySource(names: string, flow: BackendFlow, flows: BackendFlow[], kind: FlowKind, direction = ''): string {
  const members = joinAddresses([...new Set(flows.map((f) => f.member.address))]);
  const be = flows.length === 1 ? 'is' : 'are';
  const what = `${direction}${describeFlow(flow)}`;
  const among = isOpen(flow.source) ? flow.source.among : undefined;
  // Unbounded: nothing is admitted from anywhere. Bounded (subnets a conditional picks): from none of them.
  const anywhere = among === undefined || among.equals(AddressSet.all(among.version));
  const head = anywhere
    ? `No rule of ${names} admits ${what} from any source${openValues(flow)}`
    : `${names} admits no ${what} from ${among.toString()}${openValues(flow)}`;
  const source = flow.sourceText;
  switch (kind) {
    case 'health-check':
      return `${head}, so the health checks of ${flow.monitor?.address ?? flow.pool.address} from ${source} are dropped and ${members} ${be} marked unhealthy`;
    case 'backend-port':
      return `${head}, so ${flow.listener.address} cannot forward requests from ${source} to ${members}`;
    case 'icmp':
      return `${head}, so the UDP health check of ${flow.monitor?.address ?? flow.pool.address} from ${source} fails and ${members} ${be} marked unhealthy`;
  }
}

/** One key per distinct flow (protocol, port, source, open values). */
function flowGroupKey(flow: BackendFlow): string {
  return [describeFlow(flow), openValues(flow), flow.sourceText].join('|');
}

/** The attribute part of a finding's fingerprint: protocol and port as before for known flows. */
function attributeKey(flow: BackendFlow): string {
  const protocol = isOpen(flow.protocol) ? 'any' : flow.protocol;
  const port = flow.port === undefined ? '' : isOpen(flow.port) ? 'any' : flow.port;
  return `${protocol}:${port}`;
}

/** Trace lines naming the unknown values the verdict holds for. */
function openInputLines(verdict: Decision): string[] {
  return verdict.openInputs.map((u) => `holds for every value of: ${u.unknown}`);
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
    const groups = new Map<string, { flows: BackendFlow[]; verdict: Decision; sgs: SecurityGroup[]; alternatives: SecurityGroup[][]; pickedBy?: string }>();
    for (const flow of flows) {
      if (SG_EXEMPT_KINDS.has(flow.lb.kind)) continue;
      const result = securityGroupVerdict(flow);
      const memberRange = flow.member.range;
      if (isUnknown(result)) {
        ctx.unknown(result, { address: flow.member.address, range: memberRange });
        continue;
      }
      if (result.verdict.status === 'unknown') {
        ctx.unknown(verdictUnknown(result.verdict.unknowns) ?? new Unknown('a security group rule is not known'), { address: flow.backend.address, range: memberRange });
        continue;
      }
      if (!isBlocking(result.verdict) || result.groups.length === 0) continue;
      const alternatives = result.alternatives ?? [];
      const key = [[result.groups, ...alternatives].map((c) => c.map((g) => g.address).join(',')).join(' or '), flowGroupKey(flow), flow.monitor?.address].join('|');
      const entry = groups.get(key);
      if (entry) entry.flows.push(flow);
      else groups.set(key, { flows: [flow], verdict: result.verdict, sgs: result.groups, alternatives, ...(result.pickedBy ? { pickedBy: result.pickedBy } : {}) });
    }
    for (const { flows: list, verdict, sgs, alternatives, pickedBy } of groups.values()) {
      const first = list[0]!;
      const sg = sgs[0]!;
      let names = sgs.length === 1 ? sg.address : `security groups ${joinAddresses(sgs.map((g) => g.address))} of ${first.backend.address}`;
      if (alternatives.length > 0) {
        const others = alternatives.map((c) => joinAddresses(c.map((g) => g.address)) || 'no group').join(' or ');
        names = `${names} or ${others}, whichever the unknown condition picks (${pickedBy ?? 'not known'}),`;
      }
      const sourceOpen = isOpen(first.source);
      const ruleRanges = new Map(sgs.flatMap((g) => g.rules.map((r) => [r.address, r.range] as const)));
      const related: RelatedLocation[] = [
        ...verdict.trace.flatMap((step) => {
          const range = ruleRanges.get(step.ruleId);
          return range ? [{ range, address: step.ruleId, message: `${step.effect} ${step.addresses}` }] : [];
        }),
        ...nearMisses(sgs, first, new Set(verdict.trace.map((t) => t.ruleId))),
        ...sgs.slice(1).map((g) => ({ range: g.range, address: g.address, message: 'security group of the backend' })),
        ...alternatives.flat().map((g) => ({ range: g.range, address: g.address, message: 'security group the conditional may pick instead' })),
        ...flowRelated(list),
      ];
      const message = sourceOpen && verdict.status === 'blocked' ? blockedFromAnySource(names, first, list, kind) : `${names} ${admittedText(verdict, first)}, ${consequence(kind, list)}`;
      const mechanical = !sourceOpen && alternatives.length === 0 && !isOpen(first.protocol) && (first.port === undefined || !isOpen(first.port));
      ctx.report({
        message: `${message}.`,
        address: sg.address,
        attribute: `${kind}:${attributeKey(first)}`,
        range: sg.range,
        related,
        trace: [
          `${first.lb.address} (${first.lb.kind}) → ${first.listener.address} → ${first.pool.address} → ${first.member.address} → ${first.backend.address}`,
          `flow: ${describeFlow(first)} from ${first.sourceText}`,
          ...openInputLines(verdict),
          ...traceLines(verdict),
          ...alternatives.map((c) => `the same verdict (${verdict.status}) for the other pick: ${joinAddresses(c.map((g) => g.address)) || 'no group'}`),
        ],
        ...(!mechanical || deniedAtTopPriority(verdict, sgs) || !sg.ruleSyntax ? {} : { fix: securityGroupFix(sg, sg.ruleSyntax, first) }),
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
      if (isOpen(flow.protocol) || (flow.port !== undefined && isOpen(flow.port))) continue;
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

/**
 * Nova-shaped groups (`compute_secgroup_v2`) own their rules: a rule added by another resource
 * would be removed at the next apply, so the fix is one more inline `rule` block, after the last.
 */
function inlineRuleFix(sg: SecurityGroup, syntax: SecurityGroupRuleSyntax, flow: BackendFlow) {
  const blocks = flow.sources.map((cidr) =>
    ['  rule {', ...syntax.ingressBody({ groupRef: '', protocol: String(flow.protocol), ...(typeof flow.port === 'number' ? { port: flow.port } : {}), cidr: cidr.text }).map((l) => `    ${l}`), '  }'].join('\n'),
  );
  const last = sg.rules[sg.rules.length - 1];
  return {
    description: `Admit ${describeFlow(flow)} from ${flow.sources.map((c) => c.text).join(', ')} in ${sg.address} (an inline rule: the group owns its rules).`,
    insertText: last ? `\n\n${blocks.join('\n\n')}` : `\n${blocks.join('\n\n')}\n`,
    after: last ? last.range : sg.range,
  };
}

function securityGroupFix(sg: SecurityGroup, syntax: SecurityGroupRuleSyntax, flow: BackendFlow) {
  if (syntax.inline) return inlineRuleFix(sg, syntax, flow);
  const name = `${sg.resourceName}_allow_${flow.kind.replace(/-/g, '_')}${flow.port !== undefined ? `_${flow.port}` : ''}`;
  const ref = `${localAddress(sg.address)}.id`;
  const lines: string[] = [];
  for (const cidr of flow.sources) {
    const suffix = flow.sources.length > 1 ? `_${cidr.text.replace(/[./]/g, '_')}` : '';
    lines.push(`resource "${syntax.type}" "${name}${suffix}" {`);
    // Only for known protocols and ports (see `mechanical`).
    const body = syntax.ingressBody({ groupRef: ref, protocol: String(flow.protocol), ...(typeof flow.port === 'number' ? { port: flow.port } : {}), cidr: cidr.text });
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
    const groups = new Map<string, { flows: BackendFlow[]; verdict: Decision; acl: NetworkAcl; direction: 'in' | 'out' }>();
    for (const flow of flows) {
      const result = aclVerdicts(flow);
      const memberRange = flow.member.range;
      if (isUnknown(result)) {
        ctx.unknown(result, { address: flow.member.address, range: memberRange });
        continue;
      }
      for (const { acl, verdict, direction } of result) {
        if (verdict.status === 'unknown') {
          ctx.unknown(verdictUnknown(verdict.unknowns) ?? new Unknown('an ACL rule is not known'), { address: acl.address, range: acl.range });
          continue;
        }
        if (!isBlocking(verdict)) continue;
        const key = [acl.address, direction, flowGroupKey(flow), flow.monitor?.address].join('|');
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
        attribute: `${kind}:${direction}:${attributeKey(first)}`,
        range: acl.range,
        related: [...aclRuleLocations(acl, verdict), ...(direction === 'out' ? outboundEntries(acl, verdict) : []), ...flowRelated(list)],
        trace: [
          `${first.lb.address} (${first.lb.kind}) → ${first.listener.address} → ${first.pool.address} → ${first.member.address}`,
          `flow: ${describeFlow(first)} from ${first.sourceText}${direction === 'out' ? ' (reply direction)' : ''}`,
          ...openInputLines(verdict),
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


