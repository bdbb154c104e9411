// The flows (health checks, forwarded traffic, ICMP) the cloud sends to each member of each used
// pool, from which source range; shared by the six *-blocks-* rules.
import { ANY_FLOW_PROTOCOL, AddressSet, type Cidr, type FlowProtocol, type Open, type PortSet } from '../net/index.js';
import { Unknown, isUnknown, restate, unknownAbout, type Range } from '../types.js';
import { openOf } from './net-values.js';
import type { Backend, HealthMonitor, LoadBalancer, Listener, Member, Model, Pool } from '../model/types.js';
import { listenerMonitors } from './queries.js';
import { exemption, sourceRanges, transport, type AnalysisSettings } from './sources.js';

export type FlowKind = 'health-check' | 'backend-port' | 'icmp';

export interface BackendFlow {
  kind: FlowKind;
  lb: LoadBalancer;
  listener: Listener;
  pool: Pool;
  member: Member;
  backend: Backend;
  monitor?: HealthMonitor;
  /** Open (net/decide.ts) when the health-check protocol is not known: the verdict ranges over every protocol. */
  protocol: FlowProtocol | Open<readonly FlowProtocol[]>;
  /** TCP/UDP: the port, or open when it is not known. */
  port?: number | Open<PortSet>;
  /** The cloud's source addresses for this flow (IPv4); empty when the source is open. */
  sources: Cidr[];
  /** Every address the flow comes from, or open: some part of `among` that is not known (an unknown backend subnet). */
  source: AddressSet | Open<AddressSet>;
  /** "100.125.0.0/16" or "the backend subnet 10.0.1.0/24 of …", for messages. */
  sourceText: string;
}

/** A verdict that depended on an Unknown: which node, where, and the Unknown. */
export interface UnknownVerdict {
  address: string;
  range: Range;
  unknown: Unknown;
}

export interface FlowSet {
  flows: BackendFlow[];
  unknowns: UnknownVerdict[];
}

/**
 * The flows of one kind to every member of every used pool, with the exemptions of DESIGN.md:
 * dedicated TCP/UDP listeners without cross-VPC backends and shared TCP/UDP listeners with
 * transparent client IP are not subject to security groups or ACLs.
 */
export function backendFlows(model: Model, settings: AnalysisSettings, kind: FlowKind): FlowSet {
  const flows: BackendFlow[] = [];
  const unknowns: UnknownVerdict[] = [];
  const unknown = (node: { address: string; range: Range }, u: Unknown) => unknowns.push({ address: node.address, range: node.range, unknown: u });

  for (const pool of model.pools) {
    for (const listener of pool.listeners) {
      const lb = listener.loadBalancer;
      if (lb === undefined) continue;
      if (isUnknown(lb)) {
        unknown(listener, lb);
        continue;
      }
      const protocol = listener.protocol;
      if (isUnknown(protocol)) {
        unknown(listener, protocol);
        continue;
      }
      // ICMP is only needed by UDP health checks: other listeners have nothing to decide.
      if (kind === 'icmp' && protocol !== 'UDP') continue;
      const exempt = exemption(lb, listener, protocol);
      if (isUnknown(exempt)) {
        unknown(listener, exempt);
        continue;
      }
      if (exempt) continue;
      const sources = sourceRanges(lb, settings);
      if (isUnknown(sources)) {
        unknown(lb, sources);
        continue;
      }
      const source: BackendFlow['source'] = sources.open ?? AddressSet.fromCidrs(4, sources.cidrs);
      const monitors = listenerMonitors(pool, listener);
      const undecided = monitors.find((m) => isUnknown(m.enabled));
      if (undecided && isUnknown(undecided.enabled)) {
        unknown(undecided, undecided.enabled);
        continue;
      }
      for (const member of pool.members) {
        const backend = member.backend;
        if (backend === undefined) {
          unknown(member, unknownAbout(member.address, `${member.address} matches no instance or port in this configuration`));
          continue;
        }
        if (isUnknown(backend)) {
          unknown(member, backend);
          continue;
        }
        // Alibaba's default server group serves each listener's backend_port.
        const memberPort = pool.anyPortEnabled === true ? (listener.backendPort ?? listener.port) : member.port;
        // Object.assign onto a fresh literal, not `{ ...base, more }` (slow in V8: see node() in model/values.ts).
        const flow = (fields: Pick<BackendFlow, 'protocol'> & Partial<BackendFlow>): BackendFlow =>
          Object.assign({ lb, listener, pool, member, backend, sources: sources.cidrs, source, sourceText: sources.text, kind }, fields);
        if (kind === 'health-check') {
          for (const monitor of monitors) {
            // An unknown protocol or port stands for every value it could take (net/decide.ts).
            const p: BackendFlow['protocol'] = isUnknown(monitor.protocol) ? openOf(monitor.protocol, ANY_FLOW_PROTOCOL) : transport(monitor.protocol);
            const port = monitor.port ?? memberPort;
            const flowPort: BackendFlow['port'] = isUnknown(port) ? openOf(port, 'all') : port;
            flows.push(p === 'icmp' ? flow({ monitor, protocol: p }) : flow({ monitor, protocol: p, port: flowPort }));
          }
        } else if (kind === 'backend-port') {
          const p = transport(protocol);
          // One defect, one finding: the health-check rule already covers the same flow. A
          // monitor without a port checks the member port, whatever its value.
          const covered = monitors.some((m) => {
            if (isUnknown(m.protocol) || transport(m.protocol) !== p) return false;
            return m.port === undefined || (!isUnknown(memberPort) && m.port === memberPort);
          });
          if (covered) continue;
          if (isUnknown(memberPort)) {
            unknown(member, memberPort);
            continue;
          }
          // A monitor whose port or protocol is not known may check the member port already.
          const undecidedMonitor = monitors.find((m) => isUnknown(m.port) || isUnknown(m.protocol));
          if (undecidedMonitor) {
            const u = isUnknown(undecidedMonitor.port) ? undecidedMonitor.port : undecidedMonitor.protocol;
            unknown(pool, isUnknown(u) ? restate(u, `${undecidedMonitor.address} may check the member port: ${u.reason}`) : unknownAbout(`${undecidedMonitor.address}.port`, `${undecidedMonitor.address} may check the member port: its port is not known`));
            continue;
          }
          // A monitor this configuration cannot see may check the member port already.
          if (pool.hasUnknownMonitors) {
            unknown(pool, unknownAbout(pool.address, `${pool.address} may have a health monitor this configuration does not show (unknown count, for_each or pool_id)`));
            continue;
          }
          flows.push(flow({ protocol: p, port: memberPort }));
        } else {
          const udp = monitors.find((m) => m.protocol === 'UDP_CONNECT');
          if (!udp) continue; // only UDP listeners get here (see above)
          flows.push(flow({ monitor: udp, protocol: 'icmp' }));
        }
      }
    }
  }
  return { flows, unknowns };
}
