// Three-valued verdicts. A flow whose source, port or protocol the configuration does not fix
// stands for every value it could take: the verdict is decided when it is the same for all of
// them (every value blocked, or every value admitted), and stays unknown otherwise, saying which
// value it hangs on. Precision first: "blocked" here means blocked whatever the value turns out to be.
import { AddressSet, type Cidr } from './cidr.js';
import type { Flow, FlowProtocol } from './flow.js';
import { ALL_PORTS, formatPortSet, normalizePortRanges, type PortRange, type PortSet } from './ports.js';
import { protocolHasPorts } from './protocol.js';
import { netUnknown, type NetCause, type NetUnknown } from './unknown.js';
import type { TraceStep, Verdict, VerdictStatus } from './verdict.js';

/** A value the configuration does not fix, and the values it may take. */
export interface Open<T> extends NetUnknown {
  /** Why it is not known, naming what was unknown (e.g. `var.ipv4_subnet_id has no value`). */
  readonly unknown: string;
  readonly among: T;
}

export function open<T>(unknown: string, among: T, cause?: NetCause): Open<T> {
  return cause === undefined ? { unknown, among } : { unknown, among, cause };
}

export function isOpen<V>(v: V): v is Extract<V, Open<unknown>> {
  return typeof v === 'object' && v !== null && !(v instanceof AddressSet) && 'among' in v && 'unknown' in v;
}

/** Every protocol a flow of unknown protocol may have (health checks: TCP, UDP or ICMP). */
export const ANY_FLOW_PROTOCOL: readonly FlowProtocol[] = Object.freeze(['tcp', 'udp', 'icmp'] as const);

/** A flow some of whose fields may be open. */
export interface OpenFlow {
  protocol: FlowProtocol | Open<readonly FlowProtocol[]>;
  /** Destination port for TCP/UDP (ignored for ICMP). Left out for TCP/UDP: any port, not known. */
  port?: number | Open<PortSet>;
  /**
   * Every address the traffic comes from, judged address by address; or, open, some non-empty
   * part of `among` that is not known (an unknown subnet: `among` is 0.0.0.0/0, or its VPC's CIDR).
   */
  source: AddressSet | Open<AddressSet>;
  destination?: Cidr;
}

/** One class of values that every rule treats alike, and its verdict. */
export interface FlowCase {
  protocol: FlowProtocol;
  /** The ports the case stands for (TCP/UDP); one port when the port is known. */
  ports?: PortRange;
  verdict: Verdict;
}

export interface Decision extends Verdict {
  /** The open inputs the verdict was taken over; empty when all were known. */
  openInputs: NetUnknown[];
  /** The verdict of each class of values (one when every input is known). */
  cases: FlowCase[];
}

/** How one known flow is judged (the evaluator of a security group or an ACL). */
export type FlowJudge = (flow: Flow) => Verdict;

/**
 * Decides `flow` for every value of its open inputs. `portCuts` are the port sets of the rules
 * (known ones): ports between two cuts are treated alike by every rule, so one port per class
 * stands for the class. Each class is judged by the real first-match evaluator (denies and
 * priorities included), and the classes are combined:
 * - every class admits every address → allowed;
 * - every class admits nothing → blocked;
 * - every class drops part of the addresses (known source) → partial (`admitted`: the most any class admits);
 * - otherwise → unknown, with a reason that names the open input and how the answer splits.
 */
export function decideFlow(flow: OpenFlow, portCuts: readonly PortSet[], judge: FlowJudge): Decision {
  const protocolOpen = isOpen(flow.protocol) ? flow.protocol : undefined;
  const protocols = protocolOpen ? [...new Set(protocolOpen.among)] : [flow.protocol as FlowProtocol];
  const sourceOpen = isOpen(flow.source) ? flow.source : undefined;
  const source = sourceOpen ? sourceOpen.among : (flow.source as AddressSet);
  const portOpen: Open<PortSet> | undefined =
    flow.port === undefined ? open('the port is not known', 'all') : isOpen(flow.port) ? flow.port : undefined;
  const destination = flow.destination ? { destination: flow.destination } : {};

  const cases: FlowCase[] = [];
  let portsUsed = false;
  for (const protocol of protocols) {
    if (!protocolHasPorts(protocol)) {
      cases.push({ protocol, verdict: judge({ protocol, source, ...destination }) });
      continue;
    }
    portsUsed = true;
    const classes = portOpen ? portClasses(portOpen.among, portCuts) : [{ from: flow.port as number, to: flow.port as number }];
    for (const ports of classes) cases.push({ protocol, ports, verdict: judge({ protocol, source, port: ports.from, ...destination }) });
  }

  const openInputs: NetUnknown[] = [
    ...(protocolOpen ? [protocolOpen] : []),
    ...(portOpen && portsUsed ? [portOpen] : []),
    ...(sourceOpen ? [sourceOpen] : []),
  ].map((o) => netUnknown(o.unknown, o.cause));
  if (cases.length === 1 && !sourceOpen) return { ...cases[0]!.verdict, openInputs, cases };
  return combine(cases, source, sourceOpen, openInputs);
}

/** The ports of `among`, split at every boundary of `cuts`. */
export function portClasses(among: PortSet, cuts: readonly PortSet[]): PortRange[] {
  const base = among === 'all' ? ALL_PORTS : normalizePortRanges(among);
  const points: number[] = [];
  for (const cut of cuts) {
    if (cut === 'all') continue;
    for (const r of cut) points.push(r.from, r.to + 1);
  }
  points.sort((a, b) => a - b);
  const out: PortRange[] = [];
  for (const r of base) {
    let start = r.from;
    for (const p of points) {
      if (p <= start || p > r.to) continue;
      out.push({ from: start, to: p - 1 });
      start = p;
    }
    out.push({ from: start, to: r.to });
  }
  return out;
}

type Outcome = 'allowed' | 'blocked' | 'partial' | 'mixed' | 'unknown';

function outcome(verdict: Verdict, sourceOpen: boolean): Outcome {
  // An open source is some part of the range: a partly admitted range could hold it either way.
  if (verdict.status === 'partial') return sourceOpen ? 'mixed' : 'partial';
  return verdict.status;
}

function combine(cases: FlowCase[], source: AddressSet, sourceOpen: Open<AddressSet> | undefined, openInputs: NetUnknown[]): Decision {
  const outcomes = cases.map((c) => outcome(c.verdict, sourceOpen !== undefined));
  const every = (...o: Outcome[]) => outcomes.every((x) => o.includes(x));
  const trace = mergeTraces(cases);
  const unknowns: NetUnknown[] = [];
  let status: VerdictStatus;
  let admitted: AddressSet;
  if (outcomes.includes('unknown')) {
    status = 'unknown';
    for (const c of cases) for (const r of c.verdict.unknowns) if (!unknowns.some((x) => x.unknown === r.unknown)) unknowns.push(r);
    admitted = intersectAll(cases, source);
  } else if (every('allowed')) {
    status = 'allowed';
    admitted = source;
  } else if (every('blocked')) {
    status = 'blocked';
    admitted = AddressSet.empty(source.version);
  } else if (every('blocked', 'partial')) {
    status = 'partial';
    admitted = cases.reduce((acc, c) => acc.union(c.verdict.admitted), AddressSet.empty(source.version));
  } else {
    status = 'unknown';
    // Named by the first open input: the verdict hangs on it (and on the others, listed in the text).
    unknowns.push(netUnknown(splitReason(cases, outcomes, source, sourceOpen, openInputs), openInputs[0]?.cause));
    admitted = intersectAll(cases, source);
  }
  return { status, admitted, trace, unknowns, openInputs, cases };
}

function intersectAll(cases: FlowCase[], source: AddressSet): AddressSet {
  return cases.reduce((acc, c) => acc.intersect(c.verdict.admitted), source);
}

export function describeCase(c: Pick<FlowCase, 'protocol' | 'ports'>): string {
  const name = c.protocol.toUpperCase();
  if (!c.ports) return name;
  return `${name} ${c.ports.from === c.ports.to ? c.ports.from : `${c.ports.from}-${c.ports.to}`}`;
}

/** Names the classes of each side, merging the port ranges of one protocol. */
function describeCases(cases: FlowCase[]): string {
  const byProtocol = new Map<FlowProtocol, PortRange[] | undefined>();
  for (const c of cases) {
    if (!c.ports) byProtocol.set(c.protocol, undefined);
    else byProtocol.set(c.protocol, [...(byProtocol.get(c.protocol) ?? []), c.ports]);
  }
  return [...byProtocol]
    .map(([p, ports]) => {
      if (!ports) return p.toUpperCase();
      const text = formatPortSet(ports);
      return text === 'all' ? `${p.toUpperCase()} (every port)` : `${p.toUpperCase()} ${text}`;
    })
    .join(', ');
}

function splitReason(cases: FlowCase[], outcomes: Outcome[], source: AddressSet, sourceOpen: Open<AddressSet> | undefined, openInputs: NetUnknown[]): string {
  const what = openInputs.map((o) => o.unknown).join('; ');
  const admittedCases = cases.filter((_, i) => outcomes[i] === 'allowed');
  const mixed = cases.filter((_, i) => outcomes[i] === 'mixed' || outcomes[i] === 'partial');
  if (cases.length === 1 && sourceOpen) {
    const admitted = cases[0]!.verdict.admitted;
    return `${what}: the verdict depends on it, as only ${admitted.toString()} of ${source.toString()} is admitted`;
  }
  const parts: string[] = [];
  if (admittedCases.length) parts.push(`${describeCases(admittedCases)} admitted`);
  if (mixed.length) parts.push(`${describeCases(mixed)} admitted from part of ${source.toString()}`);
  const dropped = cases.filter((_, i) => outcomes[i] === 'blocked');
  if (dropped.length) parts.push(`${describeCases(dropped)} dropped`);
  return `${what}: the verdict depends on it (${parts.join('; ')})`;
}

/** The steps of every case, each step once, labelled with the cases it occurs in. */
function mergeTraces(cases: FlowCase[]): TraceStep[] {
  if (cases.length === 1) return cases[0]!.verdict.trace;
  const steps = new Map<string, { step: TraceStep; cases: FlowCase[] }>();
  for (const c of cases) {
    for (const step of c.verdict.trace) {
      const key = `${step.ruleId}\0${step.effect}\0${step.addresses}`;
      const entry = steps.get(key);
      if (entry) entry.cases.push(c);
      else steps.set(key, { step, cases: [c] });
    }
  }
  return [...steps.values()].map(({ step, cases: where }) =>
    where.length === cases.length ? step : { ...step, flow: describeCases(where) },
  );
}
