// Whitelists and IP address groups of Huawei-derived listeners (`*_whitelist`, `*_ipgroup`).
import { Unknown, isUnknown, unknownAbout, type ProviderFamily, type Value } from '../../types.js';
import { ID, ResourceIndex, resolveRef, toMap } from '../graph.js';
import type { AccessControl, Listener, Maybe, Model } from '../types.js';
import { blocks, bool, fieldAt, isSet, nodeBase, notSet, str } from '../values.js';
import type { LbProduct } from './dialect.js';

export function accessControls(index: ResourceIndex, product: LbProduct, family: ProviderFamily, listenerByAddress: Map<string, Listener>, model: Model): void {
  if (product.whitelist) {
    for (const r of index.ofType(product.whitelist)) {
      const listener = resolveRef(r, r.values.listener_id, listenerByAddress, ID, 'listener');
      if (!listener || isUnknown(listener)) continue;
      const raw = str(r.values.whitelist);
      const control: AccessControl = {
        node: nodeBase(r, family),
        enabled: bool(r.values.enable_whitelist) ?? notSet(r.address, 'enable_whitelist'),
        type: 'white',
        entries: raw === undefined ? [] : isUnknown(raw) ? raw : raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0),
        entriesAt: fieldAt(r, 'whitelist'),
      };
      listener.accessControls.push(control);
      model.accessControls.push({ listener, control });
    }
  }
  const spec = product.ipGroup;
  if (!spec) return;
  const groups = toMap(index.ofType(spec.type));
  for (const listener of listenerByAddress.values()) {
    const r = listener.resource;
    let groupRef: Value | undefined;
    let enabled: Maybe<boolean>;
    let policy: Maybe<string> | undefined;
    if (spec.style === 'block') {
      // OTC `ip_group { id, enable, type }`: `enable` defaults to false (providers.md §2.2, §6-5).
      const found = blocks(r.values.ip_group);
      if (isUnknown(found)) continue;
      const block = found[0];
      if (!block) continue;
      groupRef = block.id;
      enabled = bool(block.enable) ?? false;
      policy = str(block.type);
    } else {
      groupRef = r.values.ip_group;
      policy = str(r.values.access_policy);
      const flag = spec.enabledAttribute ? bool(r.values[spec.enabledAttribute]) : undefined;
      if (flag !== undefined) enabled = flag;
      else if (spec.enabledDefault === 'policy-set') {
        // The provider sends `enable_ipgroup = true` whenever `access_policy` is set.
        enabled = isUnknown(policy) ? policy : isSet(policy);
      } else {
        // ip_group_enable is an API default believed to be true (providers.md §1.2, unverified).
        enabled = notSet(r.address, spec.enabledAttribute ?? 'ip_group_enable', ' (API default unverified)');
      }
    }
    const group = resolveRef(r, groupRef, groups, ID, 'ip group');
    if (!group) continue;
    const entries: Maybe<string[]> = isUnknown(group)
      ? group
      : (() => {
          const items = blocks(group.values.ip_list);
          if (isUnknown(items)) return items;
          const out: string[] = [];
          for (const i of items) {
            const ip = str(i.ip);
            if (isUnknown(ip)) return ip;
            if (ip) out.push(ip);
          }
          if (out.length === 0 && spec.emptyList === 'unknown') {
            return unknownAbout(`${group.address}.ip_list`, `${group.address} has no ip_list entries, which the provider documents both as "any IP" and as "nobody"`);
          }
          return out;
        })();
    const control: AccessControl = {
      node: isUnknown(group) ? nodeBase(r, family) : nodeBase(group, family),
      enabled,
      type: isUnknown(policy) ? policy : policy === 'black' ? 'black' : 'white',
      entries,
      entriesAt: fieldAt(isUnknown(group) ? r : group, 'ip_list'),
    };
    listener.accessControls.push(control);
    model.accessControls.push({ listener, control });
  }
}
