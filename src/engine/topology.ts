// Gives each finding the part of its load balancer's graph it is about (listener → pool →
// members → backend → security group / ACL), with the edge into the resource at fault marked
// failing. The engine reads the model here so that reporters stay pure: the job summary only
// draws what it is given.
import { isUnknown } from '../types.js';
import type { Finding, Topology, TopologyNode, TopologyNodeKind } from '../types.js';
import type { LoadBalancer, Maybe, Model, Subnet } from '../model/types.js';

interface Graph {
  loadBalancer: string;
  nodes: Map<string, TopologyNode>;
  edges: { from: string; to: string }[];
  /** node → the nodes with an edge into it (built once per graph; prune walks it per finding). */
  parents: Map<string, string[]>;
}

function known<T>(v: Maybe<T> | undefined): T | undefined {
  return v === undefined || isUnknown(v) ? undefined : (v as T);
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function graphOf(lb: LoadBalancer): Graph {
  const g: Graph = { loadBalancer: lb.address, nodes: new Map(), edges: [], parents: new Map() };
  const edgeKeys = new Set<string>();
  const node = (id: string, kind: TopologyNodeKind, detail?: string): string => {
    if (!g.nodes.has(id)) g.nodes.set(id, detail ? { id, kind, detail } : { id, kind });
    return id;
  };
  const edge = (from: string, to: string): void => {
    const key = `${from}\0${to}`;
    if (from === to || edgeKeys.has(key)) return;
    edgeKeys.add(key);
    g.edges.push({ from, to });
    const parents = g.parents.get(to);
    if (parents) parents.push(from);
    else g.parents.set(to, [from]);
  };
  const acls = (from: string, subnet: Maybe<Subnet> | undefined): void => {
    for (const acl of known(subnet)?.acls ?? []) edge(from, node(acl.address, 'network-acl'));
  };

  node(lb.address, 'load-balancer', lb.kind);
  acls(lb.address, lb.subnet);
  const pools = new Set(lb.pools);
  for (const listener of lb.listeners) {
    const protocol = text(known(listener.protocol));
    const port = text(known(listener.port));
    edge(lb.address, node(listener.address, 'listener', protocol && port ? `${protocol}:${port}` : protocol));
    for (const ac of listener.accessControls) {
      if (ac.node.address !== listener.address) edge(listener.address, node(ac.node.address, 'access-control'));
    }
    for (const pool of listener.pools) {
      pools.add(pool);
      edge(listener.address, pool.address);
    }
  }
  for (const pool of pools) {
    node(pool.address, 'pool', text(known(pool.protocol)));
    if (pool.listeners.length === 0) edge(lb.address, pool.address);
    for (const monitor of pool.monitors) {
      const protocol = text(known(monitor.protocol));
      const port = text(known(monitor.port));
      edge(pool.address, node(monitor.address, 'monitor', protocol && port ? `${protocol}:${port}` : protocol));
    }
    for (const member of pool.members) {
      const ip = text(known(member.ip));
      const port = text(known(member.port));
      const weight = known(member.weight);
      const detail = [ip && port ? `${ip}:${port}` : (ip ?? (port ? `port ${port}` : undefined)), weight !== undefined ? `weight ${weight}` : undefined]
        .filter(Boolean)
        .join(' ');
      edge(pool.address, node(member.address, 'member', detail || undefined));
      acls(member.address, member.subnet);
      const backend = known(member.backend);
      if (!backend) continue;
      edge(member.address, node(backend.address, 'backend', text(known(backend.ip))));
      for (const sg of known(backend.securityGroups) ?? []) edge(backend.address, node(sg.address, 'security-group'));
      acls(backend.address, backend.subnet);
    }
  }
  return g;
}

function addressesOf(f: Finding): Set<string> {
  return new Set([f.address, ...f.related.map((r) => r.address).filter((a): a is string => a !== undefined)]);
}

/** The matched nodes and everything upstream of them (toward the load balancer). */
function prune(g: Graph, matched: Set<string>, primary: string): Topology {
  const keep = new Set<string>();
  const stack = [...matched];
  while (stack.length) {
    const id = stack.pop()!;
    if (keep.has(id)) continue;
    keep.add(id);
    for (const parent of g.parents.get(id) ?? []) stack.push(parent);
  }
  keep.add(g.loadBalancer);

  const nodes = [...g.nodes.values()].filter((n) => keep.has(n.id));
  const edges: Topology['edges'] = g.edges
    .filter((e) => keep.has(e.from) && keep.has(e.to))
    .map((e) => (e.to === primary ? { ...e, failing: true } : { ...e }));
  return { loadBalancer: g.loadBalancer, nodes, edges };
}

/** Sets `topology` on each finding whose addresses appear in a load balancer's graph: the best-matching ones. */
export function attachTopology(findings: readonly Finding[], model: Model): void {
  if (findings.length === 0 || model.loadBalancers.length === 0) return;
  const graphs = model.loadBalancers.map(graphOf);
  // address → the graphs that hold it, so each finding looks only at its own load balancers.
  const byAddress = new Map<string, Graph[]>();
  for (const g of graphs) {
    for (const id of g.nodes.keys()) {
      const list = byAddress.get(id);
      if (list === undefined) byAddress.set(id, [g]);
      else list.push(g);
    }
  }
  for (const f of findings) {
    const matches = new Map<Graph, Set<string>>();
    for (const a of addressesOf(f)) {
      for (const g of byAddress.get(a) ?? []) {
        let set = matches.get(g);
        if (!set) matches.set(g, (set = new Set()));
        set.add(a);
      }
    }
    // The resource at fault counts double: a security group shared by two load balancers belongs
    // to the one whose pool and members the finding names.
    const score = (matched: Set<string>): number => matched.size + (matched.has(f.address) ? 1 : 0);
    let best = 0;
    for (const matched of matches.values()) best = Math.max(best, score(matched));
    if (best === 0) continue;
    f.topology = [...matches].filter(([, matched]) => score(matched) === best).map(([g, matched]) => prune(g, matched, f.address));
  }
}
