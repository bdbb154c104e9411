// Alibaba NLB (`alicloud_nlb_*`): server groups with their health check, listeners, attachments.
import { Unknown, isUnknown, type ResourceInstance } from '../../types.js';
import { ID, link, resolveOrMark, resolveRef, toMap } from '../graph.js';
import { markUnknownBackend, markUnknownMembers, markUnknownMonitors, unknownAt } from '../nodes.js';
import type { HealthMonitor, Listener, Maybe, Pool } from '../types.js';
import { blocks, bool, copyWith, lower, monitorAt, node, notSet, num, offText, str, upper } from '../values.js';
import { FAMILY, hcPort, codes, nested, type Ctx, newLoadBalancer, newListener, poolOfLoadBalancer, addMember, weightOf, placeVpcPools, zoneSubnet, albNlbEip, markHidden } from './common.js';

/** Where each health-check field is written on this product. */
const NLB_MONITOR_FIELDS = { port: 'health_check_connect_port', interval: 'health_check_interval', timeout: 'health_check_connect_timeout', maxRetries: 'healthy_threshold', maxRetriesDown: 'unhealthy_threshold', urlPath: 'health_check_url', domain: 'health_check_domain', expectedCodes: 'health_check_http_code', enabled: 'health_check_enabled' } as const;

export function buildNlb(ctx: Ctx): void {
  const { index, model } = ctx;
  const lbs = index.ofType('alicloud_nlb_load_balancer').map((r) => newLoadBalancer(ctx, r, 'nlb', zoneSubnet(ctx, r), albNlbEip(ctx, r)));
  const lbByAddress = toMap(lbs);

  const pools: Pool[] = index.ofType('alicloud_nlb_server_group').map((r) => {
    const pool = poolOfLoadBalancer(r, r.address, undefined, upper(str(r.values.protocol)) ?? 'TCP');
    pool.anyPortEnabled = bool(r.values.any_port_enabled) ?? false;
    const hc = blocks(r.values.health_check);
    if (isUnknown(hc)) markUnknownMonitors(pool, unknownAt(r, 'health_check', hc));
    else if (hc.length === 0) {
      // Omitted block: the NLB default is a TCP check on the backend port.
      const m = nlbMonitor(copyWith(r, { address: `${r.address}.health_check`, values: {} }), pool);
      pool.monitors.push(m);
      model.monitors.push(m);
    } else
      hc.forEach((c, i) => {
        const m = nlbMonitor(nested(r, 'health_check', i, c, `${r.address}.health_check`), pool);
        pool.monitors.push(m);
        model.monitors.push(m);
      });
    return pool;
  });
  const poolByAddress = toMap(pools);

  const listeners: Listener[] = index.ofType('alicloud_nlb_listener').map((r) => {
    const lb = resolveRef(r, r.values.load_balancer_id, lbByAddress, ID, 'load balancer');
    const listener = newListener(r, lb, upper(str(r.values.listener_protocol)) ?? notSet(r.address, 'listener_protocol'), num(r.values.listener_port) ?? notSet(r.address, 'listener_port'));
    const pool = resolveRef(r, r.values.server_group_id, poolByAddress, ID, 'server group');
    if (pool && !isUnknown(pool)) link(listener, pool);
    else if (isUnknown(pool)) markUnknownBackend(listener, unknownAt(r, 'server_group_id', pool));
    return listener;
  });

  for (const r of index.ofType('alicloud_nlb_server_group_server_attachment')) {
    const pool = resolveOrMark(r, r.values.server_group_id, poolByAddress, 'server group', (why) => {
      for (const p of pools) markUnknownMembers(p, unknownAt(r, 'server_group_id', why));
    });
    if (pool === undefined) continue;
    const { weight, attr } = weightOf(r.values, 100);
    const byIp = lower(str(r.values.server_type)) === 'ip';
    addMember(ctx, pool, r, r.address, byIp ? r.values.server_ip ?? r.values.server_id : r.values.server_id, num(r.values.port), weight, attr, byIp);
  }

  placeVpcPools(ctx, pools);
  markHidden(index, { listener: 'alicloud_nlb_listener', member: 'alicloud_nlb_server_group_server_attachment', serverGroup: 'alicloud_nlb_server_group' }, { lbs, pools, listeners });

  model.loadBalancers.push(...lbs);
  model.listeners.push(...listeners);
  model.pools.push(...pools);
}

function nlbMonitor(r: ResourceInstance, pool: Pool): HealthMonitor {
  const v = r.values;
  const type = upper(str(v.health_check_type));
  const domain = str(v.health_check_domain);
  const protocol: Maybe<string> =
    type === undefined ? (pool.protocol === 'UDP' ? 'UDP_CONNECT' : 'TCP') : isUnknown(type) ? type : type === 'UDP' ? 'UDP_CONNECT' : type;
  return node(r, FAMILY, {
    protocol,
    port: hcPort(v.health_check_connect_port),
    interval: num(v.health_check_interval),
    timeout: num(v.health_check_connect_timeout),
    maxRetries: num(v.healthy_threshold),
    maxRetriesDown: num(v.unhealthy_threshold),
    urlPath: str(v.health_check_url),
    domain: typeof domain === 'string' && domain.startsWith('$') ? undefined : domain,
    expectedCodes: codes(v.health_check_http_code),
    // Default true (providers.md §4.2).
    enabled: bool(v.health_check_enabled) ?? true,
    at: monitorAt(r, NLB_MONITOR_FIELDS),
    offText: offText('health_check_enabled'),
    lbKind: 'nlb',
  });
}
