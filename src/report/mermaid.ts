// Mermaid flowcharts of the load balancers that have findings: listener → pool → members →
// backend → security group / ACL, with the edges into the resources at fault drawn red and
// labelled with the rule ids. Pure: draws the `topology` the engine attached to each finding.
import type { Finding, TopologyNode, TopologyNodeKind } from '../types.js';
import { escapeLine } from './sanitize.js';
import { compareStrings } from './sort.js';

const KIND_LABEL: Record<TopologyNodeKind, string> = {
  'load-balancer': 'load balancer',
  listener: 'listener',
  'access-control': 'access control',
  pool: 'pool',
  monitor: 'health monitor',
  member: 'member',
  backend: 'backend',
  'security-group': 'security group',
  'network-acl': 'network ACL',
};

const KIND_ORDER: TopologyNodeKind[] = ['load-balancer', 'network-acl', 'listener', 'access-control', 'pool', 'monitor', 'member', 'backend', 'security-group'];

/**
 * Text inside a quoted Mermaid label: controls become visible escapes, and every character that
 * could end the label, the code fence or the line, or be read as HTML, becomes a Mermaid entity.
 */
export function escapeMermaid(text: string): string {
  return escapeLine(text)
    .replace(/#/g, '#35;')
    .replace(/&/g, '#38;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/\|/g, '#124;');
}

/** Members drawn per pool: those at fault first, the rest become one "… more" node. */
export const MAX_MEMBERS_PER_POOL = 8;

export interface Diagram {
  loadBalancer: string;
  mermaid: string;
}

interface Merged {
  nodes: Map<string, TopologyNode>;
  edges: Map<string, { from: string; to: string; rules: Set<string> }>;
}

/** One diagram per load balancer named by an unsuppressed finding's topology, sorted by address. */
export function topologyDiagrams(findings: readonly Finding[]): Diagram[] {
  const byLb = new Map<string, Merged>();
  for (const f of findings) {
    if (f.suppression) continue;
    for (const t of f.topology ?? []) {
      let m = byLb.get(t.loadBalancer);
      if (!m) byLb.set(t.loadBalancer, (m = { nodes: new Map(), edges: new Map() }));
      for (const n of t.nodes) if (!m.nodes.has(n.id)) m.nodes.set(n.id, n);
      for (const e of t.edges) {
        const key = `${e.from}\0${e.to}`;
        let edge = m.edges.get(key);
        if (!edge) m.edges.set(key, (edge = { from: e.from, to: e.to, rules: new Set() }));
        if (e.failing) edge.rules.add(f.ruleId);
      }
    }
  }
  return [...byLb.keys()].sort(compareStrings).map((lb) => ({ loadBalancer: lb, mermaid: render(byLb.get(lb)!) }));
}

/** Drops members beyond MAX_MEMBERS_PER_POOL (failing ones kept first), and what only they led to. */
function capMembers(m: Merged): Merged {
  const failingTo = new Set([...m.edges.values()].filter((e) => e.rules.size > 0).map((e) => e.to));
  const children = new Map<string, string[]>();
  for (const e of m.edges.values()) {
    const list = children.get(e.from);
    if (list === undefined) children.set(e.from, [e.to]);
    else list.push(e.to);
  }
  const dropped = new Set<string>();
  const more = new Map<string, number>();
  for (const [id, n] of m.nodes) {
    if (n.kind !== 'pool') continue;
    const members = (children.get(id) ?? []).filter((c) => m.nodes.get(c)?.kind === 'member');
    if (members.length <= MAX_MEMBERS_PER_POOL) continue;
    const ordered = [...members.filter((c) => failingTo.has(c)).sort(compareStrings), ...members.filter((c) => !failingTo.has(c)).sort(compareStrings)];
    const extra = ordered.slice(MAX_MEMBERS_PER_POOL - 1);
    for (const c of extra) dropped.add(c);
    more.set(id, extra.length);
  }
  if (dropped.size === 0) return m;
  // Keep what is still reachable from the kept nodes without passing through a dropped member.
  const roots = [...m.nodes.values()].filter((n) => n.kind === 'load-balancer').map((n) => n.id);
  const reachable = new Set(roots);
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    for (const c of children.get(id) ?? []) {
      if (dropped.has(c) || reachable.has(c)) continue;
      reachable.add(c);
      stack.push(c);
    }
  }
  const nodes = new Map([...m.nodes].filter(([id]) => reachable.has(id)));
  const edges = new Map([...m.edges].filter(([, e]) => reachable.has(e.from) && reachable.has(e.to)));
  for (const [pool, count] of more) {
    const id = `${pool}\0more`;
    nodes.set(id, { id: `… ${count} more member${count === 1 ? '' : 's'}`, kind: 'member' });
    edges.set(`${pool}\0${id}`, { from: pool, to: id, rules: new Set() });
  }
  return { nodes, edges };
}

function render(merged: Merged): string {
  const m = capMembers(merged);
  const nodes = [...m.nodes].sort(([ka, a], [kb, b]) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareStrings(ka, kb));
  const order = new Map(nodes.map(([key], i) => [key, i]));
  const ids = new Map(nodes.map(([key], i) => [key, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const [key, n] of nodes) {
    const detail = n.detail ? ` · ${n.detail}` : '';
    lines.push(`  ${ids.get(key)}["${escapeMermaid(n.id)}<br/>${escapeMermaid(KIND_LABEL[n.kind] + detail)}"]`);
  }
  const edges = [...m.edges.values()]
    .filter((e) => ids.has(e.from) && ids.has(e.to))
    .sort((a, b) => order.get(a.from)! - order.get(b.from)! || order.get(a.to)! - order.get(b.to)!);
  const failingLinks: number[] = [];
  const failingNodes = new Set<string>();
  edges.forEach((e, i) => {
    const from = ids.get(e.from)!;
    const to = ids.get(e.to)!;
    if (e.rules.size > 0) {
      failingLinks.push(i);
      failingNodes.add(to);
      lines.push(`  ${from} -->|"✖ ${escapeMermaid([...e.rules].sort(compareStrings).join(', '))}"| ${to}`);
    } else {
      lines.push(`  ${from} --> ${to}`);
    }
  });
  lines.push('  classDef failing fill:#ffebe9,stroke:#d1242f,stroke-width:2px,color:#1f2328');
  if (failingNodes.size) lines.push(`  class ${[...failingNodes].join(',')} failing`);
  if (failingLinks.length) lines.push(`  linkStyle ${failingLinks.join(',')} stroke:#d1242f,stroke-width:3px`);
  return lines.join('\n');
}
