// Port-range syntaxes of the four providers, parsed to sorted, merged ranges.

export interface PortRange {
  from: number;
  to: number;
}

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export const ALL_PORTS: readonly PortRange[] = Object.freeze([Object.freeze({ from: MIN_PORT, to: MAX_PORT })]);

/** A set of ports as rules and flows carry it: explicit ranges or every port. */
export type PortSet = readonly PortRange[] | 'all';

const SINGLE_OR_RANGE = /^(\d{1,5})(?:\s*[-:/]\s*(\d{1,5}))?$/;

/**
 * Parses `80`, `1-30`, `22,3389,80`, `22-30,33` (Huawei), `1:100` (Huawei legacy ACL, neutron FWaaS),
 * `80/80`, `1/65535`, `-1/-1` (Alibaba: every port). Empty, `any` and `-1` also mean every port.
 * Returns undefined for reversed ranges, ports outside 1-65535 and anything else it cannot read.
 */
export function parsePortSpec(spec: string | number): PortRange[] | undefined {
  if (typeof spec === 'number') {
    if (spec === -1) return [{ ...ALL_PORTS[0]! }];
    if (!Number.isInteger(spec) || spec < MIN_PORT || spec > MAX_PORT) return undefined;
    return [{ from: spec, to: spec }];
  }
  if (typeof spec !== 'string') return undefined;
  const text = spec.trim();
  if (text === '' || /^(any|-1|-1\/-1)$/i.test(text)) return [{ ...ALL_PORTS[0]! }];
  const ranges: PortRange[] = [];
  for (const part of text.split(',')) {
    const m = SINGLE_OR_RANGE.exec(part.trim());
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < MIN_PORT || to > MAX_PORT || from > to) return undefined;
    ranges.push({ from, to });
  }
  return normalizePortRanges(ranges);
}

/** Sorts and merges overlapping or adjacent ranges. */
export function normalizePortRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && r.from <= prev.to + 1) prev.to = Math.max(prev.to, r.to);
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}

export function portInRanges(port: number, ranges: PortSet): boolean {
  if (ranges === 'all') return true;
  return ranges.some((r) => r.from <= port && port <= r.to);
}

export function rangesCoverAll(ranges: PortSet): boolean {
  return portSetCovers(ranges, 'all');
}

/** True when every port of `inner` is in `outer`. */
export function portSetCovers(outer: PortSet, inner: PortSet): boolean {
  if (outer === 'all') return true;
  const o = normalizePortRanges(outer);
  const i = inner === 'all' ? ALL_PORTS : normalizePortRanges(inner);
  // Both are merged, so each inner range must sit inside one outer range.
  return i.every((r) => o.some((x) => x.from <= r.from && r.to <= x.to));
}

export function portSetsOverlap(a: PortSet, b: PortSet): boolean {
  const x = a === 'all' ? ALL_PORTS : a;
  const y = b === 'all' ? ALL_PORTS : b;
  return x.some((r) => y.some((s) => r.from <= s.to && s.from <= r.to));
}

/** `80`, `8000-8080, 9000`, or `all`. */
export function formatPortSet(ports: PortSet): string {
  if (ports === 'all' || rangesCoverAll(ports)) return 'all';
  if (ports.length === 0) return 'none';
  return normalizePortRanges(ports)
    .map((r) => (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`))
    .join(', ');
}
