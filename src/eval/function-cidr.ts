// CIDR math of Terraform's cidrsubnet, cidrsubnets, cidrhost and cidrnetmask (IPv4 and IPv6).

import { fail } from './function-args.js';
import { formatIp } from '../net/cidr.js';

// ---------------------------------------------------------------- CIDR math (IPv4 and IPv6)

interface Prefix {
  ip: bigint;
  bits: 32 | 128;
  length: number;
}

function parseIPv4(s: string): bigint | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let v = 0n;
  for (const o of m.slice(1)) {
    const n = Number(o);
    if (n > 255 || (o.length > 1 && o.startsWith('0'))) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  let text = s.toLowerCase();
  let tail: bigint[] = [];
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = parseIPv4(v4[1] as string);
    if (n === undefined) return undefined;
    tail = [n >> 16n, n & 0xffffn];
    text = text.slice(0, v4.index + 1) + '0:0';
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string): bigint[] | undefined => {
    if (h === '') return [];
    const groups = h.split(':');
    if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
    return groups.map((g) => BigInt(parseInt(g, 16)));
  };
  const head = parse(halves[0] as string);
  const rest = halves.length === 2 ? parse(halves[1] as string) : [];
  if (!head || !rest) return undefined;
  let groups: bigint[];
  if (halves.length === 2) {
    if (head.length + rest.length > 7) return undefined;
    groups = [...head, ...Array<bigint>(8 - head.length - rest.length).fill(0n), ...rest];
  } else groups = head;
  if (groups.length !== 8) return undefined;
  if (tail.length) groups.splice(6, 2, ...tail);
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

export function parsePrefix(s: string): Prefix {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  if (!m) fail(`invalid CIDR address ${JSON.stringify(s)}`);
  const addr = m[1] as string;
  const length = Number(m[2]);
  const v4 = parseIPv4(addr);
  const bits = v4 !== undefined ? 32 : 128;
  const ip = v4 ?? parseIPv6(addr);
  if (ip === undefined || length > bits) fail(`invalid CIDR address ${JSON.stringify(s)}`);
  const hostBits = BigInt(bits - length);
  return { ip: (ip >> hostBits) << hostBits, bits, length };
}

export function formatIP(ip: bigint, bits: 32 | 128): string {
  return formatIp(bits === 32 ? 4 : 6, ip);
}

export function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const p = parsePrefix(prefix);
  const length = p.length + newbits;
  if (newbits < 0 || length > p.bits) fail(`insufficient address space to extend prefix of ${p.length} by ${newbits}`);
  if (netnum < 0 || BigInt(netnum) >= 1n << BigInt(newbits)) fail(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  const ip = p.ip | (BigInt(netnum) << BigInt(p.bits - length));
  return `${formatIP(ip, p.bits)}/${length}`;
}

export function cidrhost(prefix: string, hostnum: number): string {
  const p = parsePrefix(prefix);
  const size = 1n << BigInt(p.bits - p.length);
  const n = hostnum < 0 ? size + BigInt(hostnum) : BigInt(hostnum);
  if (n < 0n || n >= size) fail(`prefix of ${p.length} does not accommodate a host numbered ${hostnum}`);
  return formatIP(p.ip + n, p.bits);
}

export function cidrnetmask(prefix: string): string {
  const p = parsePrefix(prefix);
  if (p.bits !== 32) fail('only IPv4 prefixes have a netmask');
  const mask = ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - p.length)) - 1n);
  return formatIP(mask, 32);
}
