// Text of findings: flows, verdict traces, address lists.
import { isOpen, type FlowProtocol, type Open, type PortSet, type Verdict } from '../net/index.js';

export function describeFlow(flow: { protocol: FlowProtocol | Open<readonly FlowProtocol[]>; port?: number | Open<PortSet> | undefined }): string {
  const protocol = flow.protocol;
  if (isOpen(protocol)) {
    const port = flow.port === undefined ? '' : isOpen(flow.port) ? ' on any port' : ` on port ${flow.port}`;
    return `traffic of any protocol${port}`;
  }
  if (protocol === 'icmp') return 'ICMP';
  if (flow.port !== undefined && isOpen(flow.port)) return `${protocol.toUpperCase()} on any port`;
  return `${protocol.toUpperCase()} port ${flow.port}`;
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
    const when = step.flow ? ` (${step.flow})` : '';
    return step.ruleId === 'default' ? `${step.addresses}: ${what}${when}` : `${step.ruleId} ${what} ${step.addresses}${when}`;
  });
}

export function isBlocking(verdict: Verdict): boolean {
  return verdict.status === 'blocked' || verdict.status === 'partial';
}

/** `a`, `a and b`, `a, b and c`, `a, b, c and 2 more`. */
export function joinAddresses(addresses: readonly string[], max = 3): string {
  const shown = addresses.slice(0, max);
  const rest = addresses.length - shown.length;
  const text = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : text;
}
