// Security groups in their older, Nova shape (`<prefix>compute_secgroup_v2`): the group and its
// rules in one resource, as inline `rule { from_port, to_port, ip_protocol, cidr, from_group_id,
// self }` blocks. Registered by the OTC provider (ecs/resource_opentelekomcloud_compute_secgroup_v2.go)
// and, deprecated, by the Huawei provider (`deprecated.ResourceComputeSecGroupV2`); the
// FlexibleEngine provider no longer registers it.
// Nova rules are ingress-only allows; `from_group_id` or `self` admit a group (never the LB),
// and a rule with neither a CIDR nor a group admits 0.0.0.0/0 (Nova's default).
import { unknownAbout, type ProviderFamily } from '../types.js';
import { Unknown, isUnknown, type ResourceInstance, type Value } from '../types.js';
import type { ResourceIndex } from './graph.js';
import type { Maybe, SecurityGroup, SecurityGroupRuleNode } from './types.js';
import { blocks, bool, nestedBlockRange, node, notSet, num, str } from './values.js';

export function computeSecurityGroups(index: ResourceIndex, family: ProviderFamily, types: readonly string[]): SecurityGroup[] {
  const out: SecurityGroup[] = [];
  for (const r of index.ofType(...types)) {
    const group: SecurityGroup = node(r, family, {
      name: str(r.values.name),
      resourceName: r.name,
      // The group owns its rules: a fix is one more inline `rule` block.
      ruleSyntax: { type: r.type, inline: true, ingressBody: inlineRuleBody },
      rules: [],
      hasUnknownRules: false,
    });
    const rules = blocks(r.values.rule);
    // A `dynamic "rule"` with an unknown for_each: any rule may be there.
    if (isUnknown(rules)) group.hasUnknownRules = true;
    else rules.forEach((rule, i) => group.rules.push(inlineRule(r, rule, i, family)));
    out.push(group);
  }
  return out;
}

function inlineRule(r: ResourceInstance, v: { [key: string]: Value }, i: number, family: ProviderFamily): SecurityGroupRuleNode {
  const address = `${r.address}.rule[${i}]`;
  const cidr = str(v.cidr);
  const self = bool(v.self);
  const fromGroup = v.from_group_id;
  let remoteGroup: Maybe<string> | undefined;
  if (isUnknown(self)) remoteGroup = self;
  else if (self === true || (fromGroup !== undefined && fromGroup !== null && fromGroup !== '')) remoteGroup = 'group';
  return node(r, family, {
    address,
    range: nestedBlockRange(r, 'rule', i),
    direction: 'ingress',
    // Nova takes the IP version from the CIDR.
    ethertype: typeof cidr === 'string' && cidr.includes(':') ? 6 : 4,
    protocol: str(v.ip_protocol) ?? notSet(address, 'ip_protocol'),
    ports: portRange(address, v.from_port, v.to_port),
    remoteCidr: cidr,
    remoteGroup,
    action: 'allow',
    priority: 1,
  });
}

/** `from_port`/`to_port` as a port spec; -1/-1 (ICMP: every type) and absent mean every port. */
function portRange(address: string, fromValue: Value | undefined, toValue: Value | undefined): Maybe<string> | undefined {
  const from = num(fromValue);
  const to = num(toValue);
  if (isUnknown(from)) return from;
  if (isUnknown(to)) return to;
  if (from === undefined && to === undefined) return undefined;
  if (from === -1 && (to === -1 || to === undefined)) return undefined;
  if (from === undefined || to === undefined) return unknownAbout(address, `${address} sets only one of from_port and to_port`);
  return `${from}-${to}`;
}

/** An inline Nova rule admitting `protocol` (and `port`; ICMP: every type) from `cidr`. */
function inlineRuleBody(rule: { protocol: string; port?: number; cidr: string }): string[] {
  const port = rule.port ?? -1;
  return [`from_port   = ${port}`, `to_port     = ${port}`, `ip_protocol = "${rule.protocol}"`, `cidr        = "${rule.cidr}"`];
}
