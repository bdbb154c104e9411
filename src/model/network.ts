// The network half of every adapter, driven by a small spec per family: subnets and their
// resolver, security groups with their rules (and the marking of groups that rules with an
// unknown group, count or for_each may belong to), the backend-by-IP index and EIP bindings.
import { Unknown, isUnknown, unknownAbout, type ProviderFamily, type ResourceInstance, type Value } from '../types.js';
import { ID, ResourceIndex, modulePrefix, resolveOrMark, resolveRef, toMap } from './graph.js';
import type { Backend, Maybe, SecurityGroup, SecurityGroupRuleNode, SecurityGroupRuleSyntax, Subnet } from './types.js';
import { blocks, node, notSet, str } from './values.js';

export type Resolver<T> = (from: ResourceInstance, v: Value | undefined) => Maybe<T> | undefined;

export interface SubnetSpec {
  family: ProviderFamily;
  /** Subnet resource types and the attribute that holds their CIDR. */
  types: { type: string; cidr: string }[];
  /** The exported attributes other resources name a subnet by (Huawei `id`/`ipv4_subnet_id`…). */
  idPaths: readonly (readonly string[])[];
  /** What the provider calls a subnet, for messages ("vSwitch"). */
  noun: string;
}

/** Subnet nodes and the resolver of references to them (through any of their ids). */
export function buildSubnets(index: ResourceIndex, spec: SubnetSpec): { subnets: Subnet[]; resolveSubnet: Resolver<Subnet> } {
  const subnets: Subnet[] = [];
  for (const { type, cidr } of spec.types) {
    for (const r of index.ofType(type)) {
      subnets.push(node(r, spec.family, {
        cidr: str(r.values[cidr]) ?? notSet(r.address, cidr),
        acls: [],
      }));
    }
  }
  const byAddress = toMap(subnets);
  return { subnets, resolveSubnet: (from, v) => resolveRef(from, v, byAddress, spec.idPaths, spec.noun) };
}

export interface SecurityGroupSpec {
  family: ProviderFamily;
  group: string;
  rule: string;
  /** The group's name (for `security_groups = ["name"]` references). */
  name(r: ResourceInstance): Value | undefined;
  toRule(r: ResourceInstance): SecurityGroupRuleNode;
  /** How to write a new rule (for fix snippets); none where no fix is offered. */
  ruleSyntax?: SecurityGroupRuleSyntax;
}

/**
 * Security groups with their rule resources. A rule whose group is unknown, or a rule resource
 * with an unknown count/for_each, may belong to any group: none of them can be proven closed.
 */
export function buildSecurityGroups(index: ResourceIndex, spec: SecurityGroupSpec): SecurityGroup[] {
  const groups: SecurityGroup[] = index.ofType(spec.group).map((r) => (node(r, spec.family, {
    name: str(spec.name(r)),
    resourceName: r.name,
    ...(spec.ruleSyntax ? { ruleSyntax: spec.ruleSyntax } : {}),
    rules: [],
    hasUnknownRules: false,
  })));
  const byAddress = toMap(groups);
  for (const r of index.ofType(spec.rule)) {
    const group = resolveOrMark(r, r.values.security_group_id, byAddress, 'security group', () => {
      for (const g of groups) g.hasUnknownRules = true;
    });
    if (group === undefined) continue;
    group.rules.push(spec.toRule(r));
  }
  const hiding = index.skippedBy(spec.rule);
  if (hiding) for (const g of groups) [g.hasUnknownRules, g.unknownRulesFrom] = [true, hiding.reason ?? hiding.address];
  return groups;
}

/** The groups a list of ids names (ids that name nothing are skipped); Unknown as soon as one is not known. */
export function resolveGroupIds(from: ResourceInstance, ids: Maybe<Value[]>, byAddress: ReadonlyMap<string, SecurityGroup>): Maybe<SecurityGroup[]> {
  if (isUnknown(ids)) return ids;
  const out: SecurityGroup[] = [];
  for (const id of ids) {
    const g = resolveRef(from, id, byAddress, ID, 'security group');
    if (g === undefined) continue;
    if (isUnknown(g)) return g;
    out.push(g);
  }
  return out;
}

/** Backends by each IP the configuration gives them (literal member addresses match these). */
export function backendsByIp(backends: readonly Backend[], ipsOf: (b: Backend) => Iterable<string>): Map<string, Backend[]> {
  const out = new Map<string, Backend[]>();
  for (const b of backends) {
    for (const ip of ipsOf(b)) {
      const same = out.get(ip);
      if (same === undefined) out.set(ip, [b]);
      else same.push(b);
    }
  }
  return out;
}

export interface EipSpec {
  /** Binding resources: `path` (an attribute, or a nested block and its attribute) holds the target. */
  bindings: readonly { type: string; path: readonly string[] }[];
  /** Whether a binding names the exported attribute of its target (HW: `vip_port_id`) or only the target (Alibaba). */
  byAttribute: boolean;
  /** Reason of a binding to something this configuration does not define: "port 'x'". */
  unknownTarget(value: string): string;
}

export interface EipBindings {
  /** Whether an EIP is bound to `target` (through one of `paths`, where bindings name attributes). */
  bound(target: ResourceInstance, paths?: readonly string[]): Maybe<boolean>;
}

/** EIP bindings by association resources; a binding to an unknown target may be any target's. */
export function eipBindings(index: ResourceIndex, spec: EipSpec): EipBindings {
  const bound = new Set<string>();
  let unknownBinding: Unknown | undefined;
  const key = (address: string, path: readonly (string | number)[]) => (spec.byAttribute ? `${address}#${path.join('.')}` : address);
  const note = (from: ResourceInstance, v: Value | undefined) => {
    if (v === undefined || v === null || (spec.byAttribute && v === '')) return;
    if (isUnknown(v)) {
      if (v.ref) bound.add(key(v.ref.address, v.ref.path)).add(key(modulePrefix(from) + v.ref.address, v.ref.path));
      else unknownBinding ??= v;
    } else unknownBinding ??= unknownAbout(from.address, spec.unknownTarget(String(v)));
  };
  for (const { type, path } of spec.bindings) {
    for (const r of index.ofType(type)) {
      if (path.length === 1) {
        note(r, r.values[path[0]!]);
        continue;
      }
      // A nested block (`publicip { port_id }`).
      const nested = blocks(r.values[path[0]!]);
      if (isUnknown(nested)) unknownBinding ??= nested;
      else for (const b of nested) note(r, b[path[1]!]);
    }
  }
  return {
    bound(target, paths = []) {
      if (!spec.byAttribute) return bound.has(target.address) ? true : unknownBinding ?? false;
      for (const p of [...paths, 'id']) if (bound.has(`${target.address}#${p}`)) return true;
      return unknownBinding ?? false;
    },
  };
}
