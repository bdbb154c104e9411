// Node constructors shared by the Huawei-derived products and the active-standby pool.
import { Unknown, isUnknown, type ProviderFamily, type ResourceInstance } from '../../types.js';
import { ID, link, resolveRef } from '../graph.js';
import type { HealthMonitor, Listener, Maybe, MonitorField, Pool } from '../types.js';
import { bool, monitorAt, node, nodeBase, notSet, num, offText, str, upper } from '../values.js';
import type { LbProduct } from './dialect.js';
import { markUnknownListeners, poolNode, unknownAt } from '../nodes.js';

/** Where each health-check field is written, per product (made once per product's table). */
const fieldsOfProduct = new WeakMap<LbProduct['monitor'], Record<MonitorField, string>>();
function monitorFields(attrs: LbProduct['monitor']): Record<MonitorField, string> {
  let fields = fieldsOfProduct.get(attrs);
  if (fields === undefined) {
    fields = { port: attrs.port, interval: attrs.interval, timeout: 'timeout', maxRetries: 'max_retries', maxRetriesDown: 'max_retries_down', urlPath: 'url_path', domain: 'domain_name', expectedCodes: attrs.codes, enabled: attrs.enabled };
    fieldsOfProduct.set(attrs, fields);
  }
  return fields;
}

export function healthMonitor(r: ResourceInstance, family: ProviderFamily, attrs: LbProduct['monitor']): HealthMonitor {
  const v = r.values;
  return node(r, family, {
    protocol: upper(str(v[attrs.protocol])) ?? notSet(r.address, attrs.protocol),
    port: num(v[attrs.port]),
    interval: num(v[attrs.interval]),
    timeout: num(v.timeout),
    maxRetries: num(v.max_retries),
    maxRetriesDown: num(v.max_retries_down),
    urlPath: str(v.url_path),
    domain: str(v.domain_name),
    expectedCodes: str(v[attrs.codes]),
    enabled: bool(v[attrs.enabled]) ?? true,
    at: monitorAt(r, monitorFields(attrs)),
    offText: offText(attrs.enabled),
  });
}

/** A pool node linked to the listener its `listener_id` names (the caller sets its load balancer). */
export function poolOfListener(r: ResourceInstance, family: ProviderFamily, listeners: ReadonlyMap<string, Listener>): { pool: Pool; listener: Maybe<Listener> | undefined } {
  const pool = poolNode(nodeBase(r, family), {
    loadBalancer: undefined,
    protocol: upper(str(r.values.protocol)) ?? notSet(r.address, 'protocol'),
    anyPortEnabled: bool(r.values.any_port_enable) ?? false,
  });
  const listener = resolveRef(r, r.values.listener_id, listeners, ID, 'listener');
  if (listener && !isUnknown(listener)) link(listener, pool);
  else if (isUnknown(listener)) markUnknownListeners(pool, unknownAt(r, 'listener_id', listener));
  return { pool, listener };
}
