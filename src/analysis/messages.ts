// Text of findings: flows, verdict traces, address lists.
import type { FlowProtocol, Verdict } from '../net/index.js';

export function describeFlow(flow: { protocol: FlowProtocol; port?: number | undefined }): string {
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

/** `a`, `a and b`, `a, b and c`, `a, b, c and 2 more`. */
export function joinAddresses(addresses: readonly string[], max = 3): string {
  const shown = addresses.slice(0, max);
  const rest = addresses.length - shown.length;
  const text = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : text;
}
