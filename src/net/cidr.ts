// CIDR parsing and sets of addresses as sorted, disjoint bigint intervals (IPv4 and IPv6).
import { createRequire } from 'node:module';
import type * as IpNum from 'ip-num';

const require = createRequire(import.meta.url);
let ipNumModule: typeof IpNum | undefined;
/** ip-num, loaded on first use: about 60 ms of start-up that a run answered by the cache never needs. */
function ipNum(): typeof IpNum {
  return (ipNumModule ??= require('ip-num') as typeof IpNum);
}

export type IpVersion = 4 | 6;

export interface Cidr {
  version: IpVersion;
  /** Network address (host bits cleared). */
  first: bigint;
  /** Last address of the block. */
  last: bigint;
  prefix: number;
  /** The text as given, e.g. `10.0.0.5/24` (formatCidr gives the normalized form). */
  text: string;
}

const BITS: Record<IpVersion, number> = { 4: 32, 6: 128 };

export function addressBits(version: IpVersion): number {
  return BITS[version];
}

function maxAddress(version: IpVersion): bigint {
  return (1n << BigInt(BITS[version])) - 1n;
}

const IPV4_SHAPE = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6_SHAPE = /^[0-9A-Fa-f:.]+$/;

/** Parses a bare IPv4 or IPv6 address (no zone index, no leading zeros in IPv4 octets). */
export function parseIp(text: string): { version: IpVersion; value: bigint } | undefined {
  const s = text.trim();
  try {
    if (IPV4_SHAPE.test(s)) {
      // ip-num accepts `01`; Terraform and the clouds reject octets with leading zeros.
      if (s.split('.').some((o) => o.length > 1 && o.startsWith('0'))) return undefined;
      return { version: 4, value: ipNum().IPv4.fromString(s).getValue() };
    }
    if (s.includes(':') && IPV6_SHAPE.test(s)) {
      return { version: 6, value: ipNum().IPv6.fromString(s).getValue() };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** `10.0.0.0/16`, `2001:db8::/32`, or a bare IP (→ /32, /128). Host bits are cleared; `text` keeps the input. */
export function parseCidr(text: string): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const ipText = slash < 0 ? trimmed : trimmed.slice(0, slash);
  const ip = parseIp(ipText);
  if (!ip) return undefined;
  let prefix = BITS[ip.version];
  if (slash >= 0) {
    const prefixText = trimmed.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > BITS[ip.version]) return undefined;
  }
  return makeCidr(ip.version, ip.value, prefix, text);
}

function makeCidr(version: IpVersion, address: bigint, prefix: number, text?: string): Cidr {
  const hostBits = BigInt(BITS[version] - prefix);
  const hostMask = (1n << hostBits) - 1n;
  const first = address & ~hostMask & maxAddress(version);
  const cidr: Cidr = { version, first, last: first | hostMask, prefix, text: '' };
  cidr.text = text ?? formatCidr(cidr);
  return cidr;
}

/** The whole address space of a version: 0.0.0.0/0 or ::/0. */
export function anyCidr(version: IpVersion): Cidr {
  return makeCidr(version, 0n, 0);
}

export function formatIp(version: IpVersion, value: bigint): string {
  if (version === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  }
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((value >> shift) & 0xffffn));
  // RFC 5952: compress the longest run (length ≥ 2) of zero groups, the first one on a tie.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Normalized `network/prefix`, e.g. `10.0.0.0/24` for an input of `10.0.0.5/24`. */
export function formatCidr(cidr: Cidr): string {
  return `${formatIp(cidr.version, cidr.first)}/${cidr.prefix}`;
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.version === inner.version && outer.first <= inner.first && inner.last <= outer.last;
}

export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && a.first <= b.last && b.first <= a.last;
}

export interface AddressInterval {
  readonly first: bigint;
  readonly last: bigint;
}

/**
 * An immutable set of addresses of one IP version. Sets of different versions are disjoint:
 * intersect/subtract across versions are well defined, union across versions throws.
 */
export class AddressSet {
  private constructor(
    readonly version: IpVersion,
    /** Sorted, disjoint and non-adjacent. */
    readonly intervals: readonly AddressInterval[],
  ) {}

  static empty(version: IpVersion): AddressSet {
    return new AddressSet(version, []);
  }

  static all(version: IpVersion): AddressSet {
    return new AddressSet(version, [{ first: 0n, last: maxAddress(version) }]);
  }

  static fromCidr(cidr: Cidr): AddressSet {
    return new AddressSet(cidr.version, [{ first: cidr.first, last: cidr.last }]);
  }

  /** Throws RangeError when a CIDR has the other IP version (see partitionCidrs for mixed lists). */
  static fromCidrs(version: IpVersion, cidrs: Iterable<Cidr>): AddressSet {
    const intervals: AddressInterval[] = [];
    for (const c of cidrs) {
      if (c.version !== version) throw new RangeError(`AddressSet.fromCidrs: ${c.text} is not IPv${version}`);
      intervals.push({ first: c.first, last: c.last });
    }
    return new AddressSet(version, normalize(intervals));
  }

  static fromIntervals(version: IpVersion, intervals: Iterable<AddressInterval>): AddressSet {
    const max = maxAddress(version);
    const list: AddressInterval[] = [];
    for (const i of intervals) {
      if (i.first < 0n || i.last > max || i.first > i.last) {
        throw new RangeError(`AddressSet.fromIntervals: invalid IPv${version} interval`);
      }
      list.push(i);
    }
    return new AddressSet(version, normalize(list));
  }

  isEmpty(): boolean {
    return this.intervals.length === 0;
  }

  /** Number of addresses. */
  get size(): bigint {
    let n = 0n;
    for (const i of this.intervals) n += i.last - i.first + 1n;
    return n;
  }

  union(other: AddressSet): AddressSet {
    if (other.version !== this.version) throw new RangeError('AddressSet.union: IPv4 and IPv6 sets cannot be merged');
    return new AddressSet(this.version, normalize([...this.intervals, ...other.intervals]));
  }

  intersect(other: AddressSet): AddressSet {
    if (other.version !== this.version) return AddressSet.empty(this.version);
    const out: AddressInterval[] = [];
    let i = 0;
    let j = 0;
    const a = this.intervals;
    const b = other.intervals;
    while (i < a.length && j < b.length) {
      const x = a[i]!;
      const y = b[j]!;
      const first = x.first > y.first ? x.first : y.first;
      const last = x.last < y.last ? x.last : y.last;
      if (first <= last) out.push({ first, last });
      if (x.last < y.last) i++;
      else j++;
    }
    return new AddressSet(this.version, out);
  }

  subtract(other: AddressSet): AddressSet {
    if (other.version !== this.version || other.isEmpty() || this.isEmpty()) return this;
    const out: AddressInterval[] = [];
    let j = 0;
    const b = other.intervals;
    for (const x of this.intervals) {
      let first = x.first;
      while (j < b.length && b[j]!.last < first) j++;
      let k = j;
      while (k < b.length && b[k]!.first <= x.last) {
        const y = b[k]!;
        if (y.first > first) out.push({ first, last: y.first - 1n });
        first = y.last + 1n;
        if (y.last >= x.last) break;
        k++;
      }
      if (first <= x.last) out.push({ first, last: x.last });
    }
    return new AddressSet(this.version, out);
  }

  equals(other: AddressSet): boolean {
    if (other.version !== this.version || other.intervals.length !== this.intervals.length) return false;
    return this.intervals.every((x, n) => x.first === other.intervals[n]!.first && x.last === other.intervals[n]!.last);
  }

  /** True when every address of `target` is in this set (false for the other IP version). */
  covers(target: Cidr | AddressSet): boolean {
    const set = target instanceof AddressSet ? target : AddressSet.fromCidr(target);
    if (set.version !== this.version) return false;
    return set.subtract(this).isEmpty();
  }

  overlaps(target: Cidr | AddressSet): boolean {
    const set = target instanceof AddressSet ? target : AddressSet.fromCidr(target);
    return !this.intersect(set).isEmpty();
  }

  /** The minimal list of CIDR blocks that make up the set, in address order. */
  toCidrs(): Cidr[] {
    const bits = BITS[this.version];
    const out: Cidr[] = [];
    for (const { first: start, last } of this.intervals) {
      let first = start;
      while (first <= last) {
        // Largest aligned block that starts at `first` and ends at or before `last`.
        let hostBits = 0;
        while (hostBits < bits) {
          const size = 1n << BigInt(hostBits + 1);
          if (first % size !== 0n || first + size - 1n > last) break;
          hostBits++;
        }
        const cidr = makeCidr(this.version, first, bits - hostBits);
        out.push(cidr);
        first = cidr.last + 1n;
      }
    }
    return out;
  }

  /** `100.125.0.0/16, 100.126.0.0/17`, or `none` for the empty set. */
  toString(): string {
    if (this.isEmpty()) return 'none';
    return this.toCidrs()
      .map((c) => c.text)
      .join(', ');
  }
}

function normalize(intervals: AddressInterval[]): AddressInterval[] {
  const sorted = [...intervals].sort((x, y) => (x.first < y.first ? -1 : x.first > y.first ? 1 : 0));
  const out: { first: bigint; last: bigint }[] = [];
  for (const i of sorted) {
    const prev = out[out.length - 1];
    if (prev && i.first <= prev.last + 1n) {
      if (i.last > prev.last) prev.last = i.last;
    } else {
      out.push({ first: i.first, last: i.last });
    }
  }
  return out;
}

/** Splits a mixed list (e.g. backend subnets with IPv6) into one set per IP version. */
export function partitionCidrs(cidrs: Iterable<Cidr>): Record<IpVersion, AddressSet> {
  const list = [...cidrs];
  return {
    4: AddressSet.fromCidrs(4, list.filter((c) => c.version === 4)),
    6: AddressSet.fromCidrs(6, list.filter((c) => c.version === 6)),
  };
}
