// Alibaba ALB (`alicloud_alb_*`): server groups with their health check, listeners, forwarding rules.
import { Unknown, isUnknown, unknownAbout, type ResourceInstance, type Value } from '../../types.js';
import { ID, link, resolveRef, toMap } from '../graph.js';
import { markUnknownBackend, markUnknownListeners, markUnknownMonitors, unknownAt } from '../nodes.js';
import type { HealthMonitor, Listener, Pool } from '../types.js';
import { blocks, bool, lower, monitorAt, node, notSet, num, offText, str, upper } from '../values.js';
import { FAMILY, hcPort, codes, nested, type Ctx, newLoadBalancer, newListener, poolOfLoadBalancer, addMember, eachServer, weightOf, placeVpcPools, zoneSubnet, albNlbEip, markHidden } from './common.js';

/** Where each health-check field is written on this product. */
const ALB_MONITOR_FIELDS = { port: 'health_check_connect_port', interval: 'health_check_interval', timeout: 'health_check_timeout', maxRetries: 'healthy_threshold', maxRetriesDown: 'unhealthy_threshold', urlPath: 'health_check_path', domain: 'health_check_host', expectedCodes: 'health_check_codes', enabled: 'health_check_enabled' } as const;

export function buildAlb(ctx: Ctx): void {
  const { index, model } = ctx;
  const lbs = index.ofType('alicloud_alb_load_balancer').map((r) => newLoadBalancer(ctx, r, 'alb', zoneSubnet(ctx, r), albNlbEip(ctx, r)));
  const lbByAddress = toMap(lbs);

  const pools: Pool[] = [];
  for (const r of index.ofType('alicloud_alb_server_group')) {
    // ALB server groups belong to a VPC, not an LB: the LB is the one of the listeners using them.
    const pool = poolOfLoadBalancer(r, r.address, undefined, upper(str(r.values.protocol)) ?? 'HTTP');
    pools.push(pool);
    const hc = blocks(r.values.health_check_config);
    if (isUnknown(hc)) markUnknownMonitors(pool, unknownAt(r, 'health_check_config', hc));
    else
      hc.forEach((c, i) => {
        const m = albMonitor(nested(r, 'health_check_config', i, c, `${r.address}.health_check_config`));
        pool.monitors.push(m);
        model.monitors.push(m);
      });
    const byIp = lower(str(r.values.server_group_type)) === 'ip';
    const fc = lower(str(r.values.server_group_type)) === 'fc';
    eachServer(pool, r, 'servers', (block, s) => {
      // An omitted ALB weight is sent as 0 (providers.md §4.2, §6 pitfall 4).
      const { weight, attr } = weightOf(s, 0);
      addMember(ctx, pool, block, block.address, fc ? new Unknown('a Function Compute backend has no network path to check') : byIp ? s.server_ip ?? s.server_id : s.server_id, num(s.port), weight, attr, byIp);
    });
  }
  const poolByAddress = toMap(pools);

  const listeners: Listener[] = index.ofType('alicloud_alb_listener').map((r) => {
    const lb = resolveRef(r, r.values.load_balancer_id, lbByAddress, ID, 'load balancer');
    const listener = newListener(r, lb, upper(str(r.values.listener_protocol)) ?? notSet(r.address, 'listener_protocol'), num(r.values.listener_port) ?? notSet(r.address, 'listener_port'));
    const actions = blocks(r.values.default_actions);
    if (isUnknown(actions)) markUnknownBackend(listener, unknownAt(r, 'default_actions', actions));
    else for (const a of actions) forwardTargets(r, a, poolByAddress, listener);
    return listener;
  });
  const listenerByAddress = toMap(listeners);

  for (const r of index.ofType('alicloud_alb_rule')) {
    const listener = resolveRef(r, r.values.listener_id, listenerByAddress, ID, 'listener');
    const actions = blocks(r.values.rule_actions);
    if (!listener || isUnknown(listener)) {
      const why = listener ? unknownAt(r, 'listener_id', listener) : notSet(r.address, 'listener_id');
      for (const p of pools) markUnknownListeners(p, why);
      continue;
    }
    listener.hasRoutingRules = true;
    if (isUnknown(actions)) markUnknownBackend(listener, unknownAt(r, 'rule_actions', actions));
    else for (const a of actions) forwardTargets(r, a, poolByAddress, listener);
  }

  placeVpcPools(ctx, pools);
  markHidden(index, { listener: 'alicloud_alb_listener', rule: 'alicloud_alb_rule', serverGroup: 'alicloud_alb_server_group' }, { lbs, pools, listeners });

  model.loadBalancers.push(...lbs);
  model.listeners.push(...listeners);
  model.pools.push(...pools);
}

/** `forward_group_config { server_group_tuples { server_group_id } }` of an ALB action. */
function forwardTargets(r: ResourceInstance, action: { [key: string]: Value }, pools: Map<string, Pool>, listener: Listener): void {
  const configs = blocks(action.forward_group_config);
  if (isUnknown(configs)) {
    markUnknownBackend(listener, unknownAt(r, 'forward_group_config', configs));
    return;
  }
  for (const c of configs) {
    const tuples = blocks(c.server_group_tuples);
    if (isUnknown(tuples)) {
      markUnknownBackend(listener, unknownAt(r, 'server_group_tuples', tuples));
      continue;
    }
    for (const t of tuples) {
      const pool = resolveRef(r, t.server_group_id, pools, ID, 'server group');
      if (pool && !isUnknown(pool)) link(listener, pool);
      else if (isUnknown(pool)) markUnknownBackend(listener, unknownAt(r, 'server_group_id', pool));
    }
  }
  // Redirects and fixed responses need no server group.
  const type = lower(str(action.type));
  if (typeof type === 'string' && type !== 'forwardgroup') listener.hasRoutingRules = true;
}

function albMonitor(r: ResourceInstance): HealthMonitor {
  const v = r.values;
  const host = str(v.health_check_host);
  return node(r, FAMILY, {
    protocol: upper(str(v.health_check_protocol)) ?? 'HTTP',
    port: hcPort(v.health_check_connect_port),
    interval: num(v.health_check_interval),
    timeout: num(v.health_check_timeout),
    maxRetries: num(v.healthy_threshold),
    maxRetriesDown: num(v.unhealthy_threshold),
    urlPath: str(v.health_check_path),
    // `$SERVER_IP`-style placeholders are not host names.
    domain: typeof host === 'string' && host.startsWith('$') ? undefined : host,
    expectedCodes: codes(v.health_check_codes),
    // `health_check_enabled` is required: absent only in a broken configuration.
    enabled: bool(v.health_check_enabled) ?? unknownAbout(`${r.address}.health_check_enabled`, `${r.address} health_check_enabled is not set`),
    at: monitorAt(r, ALB_MONITOR_FIELDS),
    offText: offText('health_check_enabled'),
    lbKind: 'alb',
  });
}
