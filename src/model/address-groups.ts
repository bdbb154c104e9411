// A Huawei security-group rule may admit an IP address group (`remote_address_group_id`) instead
// of a CIDR. When the group is a `huaweicloud_vpc_address_group` of this configuration with known
// `addresses`, the rule admits exactly those: it stands for one rule per address. Anything else
// (a literal id, an unknown list, an IP range "a-b") stays Unknown.
import { Unknown, isUnknown, unknownAbout, type Value } from '../types.js';
import { ID, resolveRef, toMap, type ResourceIndex } from './graph.js';
import type { SecurityGroup, SecurityGroupRuleNode } from './types.js';
import { copyWith } from './values.js';

const CIDR_OR_IP = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;

export function expandAddressGroups(index: ResourceIndex, securityGroups: SecurityGroup[]): void {
  const groups = toMap(index.ofType('huaweicloud_vpc_address_group'));
  if (groups.size === 0) return;
  for (const sg of securityGroups) {
    sg.rules = sg.rules.flatMap((rule): SecurityGroupRuleNode[] => {
      const ref = rule.resource.values.remote_address_group_id;
      if (rule.family !== 'huaweicloud' || ref === undefined || ref === null) return [rule];
      const group = resolveRef(rule.resource, ref, groups, ID, 'address group');
      if (group === undefined || isUnknown(group)) return [rule];
      const addresses = group.values.addresses;
      if (isUnknown(addresses)) return [copyWith(rule, { remoteGroup: addresses })];
      const list: Value[] = Array.isArray(addresses) ? addresses : [];
      const bad = list.find((a) => typeof a !== 'string' || !CIDR_OR_IP.test(a));
      if (bad !== undefined) return [copyWith(rule, { remoteGroup: isUnknown(bad) ? bad : unknownAbout(group.address, `${group.address} holds ${JSON.stringify(bad)}, which is not a CIDR`) })];
      return list.map((a) => copyWith(rule, { remoteGroup: undefined, remoteCidr: a as string }));
    });
  }
}
