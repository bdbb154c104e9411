// Alibaba CLB (`alicloud_slb_*`): health checks on the listener, the default server group on the
// listener's backend_port, forwarding rules, master-slave groups and listener ACLs.
import { Unknown, isUnknown, restate, unknownAbout, type ResourceInstance, type Value } from '../../types.js';
import { ID, link, noteForeign, resolveOrMark, resolveRef, toMap } from '../graph.js';
import { markUnknownBackend, markUnknownListeners, markUnknownMembers, markUnknownMonitors, unknownAt } from '../nodes.js';
import type { AccessControl, HealthMonitor, Listener, LoadBalancer, Maybe, Pool } from '../types.js';
import { blocks, fieldAt, isSet, list, lower, monitorAt, node, nodeBase, notSet, num, offText, str, upper } from '../values.js';
import { FAMILY, onOff, hcPort, codes, type Ctx, newLoadBalancer, newListener, poolOfLoadBalancer, addMember, eachServer, weightOf } from './common.js';

/** Where each health-check field is written on this product. */
const CLB_MONITOR_FIELDS = { port: 'health_check_connect_port', interval: 'health_check_interval', timeout: 'health_check_timeout', maxRetries: 'healthy_threshold', maxRetriesDown: 'unhealthy_threshold', urlPath: 'health_check_uri', domain: 'health_check_domain', expectedCodes: 'health_check_http_code', enabled: 'health_check' } as const;

const CLB_LB = ['alicloud_slb_load_balancer', 'alicloud_slb'];
const CLB_GROUPS = ['alicloud_slb_server_group', 'alicloud_slb_master_slave_server_group'];
const CLB_DEFAULT_MEMBERS = ['alicloud_slb_backend_server', 'alicloud_slb_attachment'];

export function buildClb(ctx: Ctx): void {
  const { index, model } = ctx;
  const lbs = index.ofType(...CLB_LB).map((r) => {
    const internet = lower(str(r.values.address_type));
    const hasEip: Maybe<boolean> = internet === 'internet' ? true : ctx.eips.bound(r);
    return newLoadBalancer(ctx, r, 'clb', ctx.resolveSubnet(r, r.values.vswitch_id), hasEip);
  });
  const lbByAddress = toMap(lbs);
  const resolveLb = (r: ResourceInstance) => resolveRef(r, r.values.load_balancer_id, lbByAddress, ID, 'load balancer');

  // Server groups (explicit and master-slave).
  const pools: Pool[] = index.ofType(...CLB_GROUPS).map((r) => poolOfLoadBalancer(r, r.address, resolveLb(r), new Unknown('CLB server groups take the protocol of the listener')));
  const poolByAddress = toMap(pools);

  // Default server groups: one per LB that a listener forwards to or that has default members.
  const defaults = new Map<LoadBalancer, Pool>();
  const defaultPool = (lb: LoadBalancer): Pool => {
    let pool = defaults.get(lb);
    if (!pool) {
      pool = poolOfLoadBalancer(lb.resource, `${lb.address} (default server group)`, lb, new Unknown('CLB server groups take the protocol of the listener'));
      pool.anyPortEnabled = true;
      defaults.set(lb, pool);
      pools.push(pool);
    }
    return pool;
  };

  // Listeners and their own health checks.
  const listeners: Listener[] = [];
  const monitorOf = new Map<Listener, HealthMonitor>();
  for (const r of index.ofType('alicloud_slb_listener')) {
    const v = r.values;
    const lb = resolveLb(r);
    const listener = newListener(r, lb, upper(str(v.protocol)) ?? notSet(r.address, 'protocol'), num(v.frontend_port) ?? notSet(r.address, 'frontend_port'));
    listener.backendPort = num(v.backend_port) ?? notSet(r.address, 'backend_port');
    listener.backendPortAt = fieldAt(r, 'backend_port');
    listeners.push(listener);
    const forward = onOff(v.listener_forward, r.address, 'listener_forward');
    if (forward === true) {
      // HTTP→HTTPS redirect: no server group, health check off by design.
      listener.isRedirect = true;
      listener.hasRoutingRules = true;
      continue;
    }
    const monitor = clbListenerMonitor(r, listener);
    // An unknown listener_forward may make this a redirect listener: no health check, no server group.
    const mayRedirect = isUnknown(forward);
    if (mayRedirect && monitor.enabled !== true) monitor.enabled = forward;
    monitorOf.set(listener, monitor);
    model.monitors.push(monitor);
    let target: Maybe<Pool> | undefined;
    for (const attr of ['server_group_id', 'master_slave_server_group_id']) {
      const p = resolveRef(r, v[attr], poolByAddress, ID, 'server group');
      if (p !== undefined) {
        target = p;
        break;
      }
    }
    if (mayRedirect) markUnknownBackend(listener, unknownAt(r, 'listener_forward', forward));
    else if (target === undefined) {
      if (lb && !isUnknown(lb)) target = defaultPool(lb);
      else markUnknownBackend(listener, lb ? unknownAt(r, 'load_balancer_id', lb) : notSet(r.address, 'load_balancer_id'));
    }
    if (target && !isUnknown(target)) {
      link(listener, target);
      target.monitors.push(monitor);
    } else if (isUnknown(target)) markUnknownBackend(listener, unknownAt(r, 'server_group_id', target));
  }

  // Forwarding rules: use a server group through the listener on their frontend port.
  for (const r of index.ofType('alicloud_slb_rule')) {
    const pool = resolveRef(r, r.values.server_group_id, poolByAddress, ID, 'server group');
    if (!pool || isUnknown(pool)) continue;
    const lb = resolveLb(r);
    const port = num(r.values.frontend_port);
    const listener = lb && !isUnknown(lb) && typeof port === 'number' ? lb.listeners.find((l) => l.port === port) : undefined;
    if (!listener) {
      markUnknownListeners(pool, ruleListenerUnknown(r, lb, port));
      continue;
    }
    listener.hasRoutingRules = true;
    link(listener, pool);
    const sync = onOff(r.values.listener_sync, r.address, 'listener_sync');
    let monitor: HealthMonitor | undefined;
    if (sync === false) {
      monitor = clbListenerMonitor(r, listener);
      model.monitors.push(monitor);
    } else if (isUnknown(sync)) markUnknownMonitors(pool, unknownAt(r, 'listener_sync', sync));
    else monitor = monitorOf.get(listener);
    if (monitor && !pool.monitors.includes(monitor)) pool.monitors.push(monitor);
  }

  // Members of explicit groups.
  for (const r of index.ofType(...CLB_GROUPS)) {
    const pool = poolByAddress.get(r.address)!;
    eachServer(pool, r, 'servers', (block, s) => {
      const { weight, attr } = weightOf(s, 100);
      const port = num(s.port);
      if (r.type === 'alicloud_slb_master_slave_server_group') {
        addMember(ctx, pool, block, block.address, s.server_id, port, weight, attr);
        return;
      }
      const ids = list(s.server_ids);
      if (ids === undefined) return;
      if (isUnknown(ids)) {
        markUnknownMembers(pool, unknownAt(block, 'server_ids', ids));
        return;
      }
      ids.forEach((id, j) => addMember(ctx, pool, block, ids.length === 1 ? block.address : `${block.address}.server_ids[${j}]`, id, port, weight, attr));
    });
  }
  for (const r of index.ofType('alicloud_slb_server_group_server_attachment')) {
    const pool = resolveOrMark(r, r.values.server_group_id, poolByAddress, 'server group', (why) => {
      for (const p of pools) markUnknownMembers(p, unknownAt(r, 'server_group_id', why));
    });
    if (pool === undefined) continue;
    const { weight, attr } = weightOf(r.values, 100);
    addMember(ctx, pool, r, r.address, r.values.server_id, num(r.values.port), weight, attr);
  }

  // Members of default server groups: port = each listener's backend_port.
  for (const r of index.ofType(...CLB_DEFAULT_MEMBERS)) {
    const lb = resolveLb(r);
    if (lb === undefined) continue;
    if (isUnknown(lb)) {
      for (const p of defaults.values()) markUnknownMembers(p, unknownAt(r, 'load_balancer_id', lb));
      continue;
    }
    const pool = defaultPool(lb);
    const port = new Unknown('a default server group member serves the backend_port of each listener');
    if (r.type === 'alicloud_slb_attachment') {
      const ids = list(r.values.instance_ids);
      if (ids === undefined) continue;
      if (isUnknown(ids)) {
        markUnknownMembers(pool, unknownAt(r, 'instance_ids', ids));
        continue;
      }
      const { weight, attr } = weightOf(r.values, 100);
      ids.forEach((id, j) => addMember(ctx, pool, r, ids.length === 1 ? r.address : `${r.address}.instance_ids[${j}]`, id, port, weight, attr));
      continue;
    }
    eachServer(pool, r, 'backend_servers', (block, s) => {
      const { weight, attr } = weightOf(s, 100);
      addMember(ctx, pool, block, block.address, s.server_id, port, weight, attr);
    });
  }

  // What count/for_each hides.
  const hiddenListeners = index.hiding('alicloud_slb_listener');
  if (hiddenListeners) for (const lb of lbs) markUnknownListeners(lb, hiddenListeners);
  const hiddenUsers = hiddenListeners ?? index.hiding('alicloud_slb_rule');
  if (hiddenUsers) for (const p of pools) markUnknownListeners(p, hiddenUsers);
  const hiddenMembers = firstHiding(ctx, ['alicloud_slb_server_group_server_attachment', ...CLB_DEFAULT_MEMBERS]);
  if (hiddenMembers) for (const p of pools) markUnknownMembers(p, hiddenMembers);
  const hiddenGroups = firstHiding(ctx, CLB_GROUPS);
  if (hiddenGroups) for (const l of listeners) markUnknownBackend(l, hiddenGroups);
  // A listener whose LB is unknown may use any default group; so may one we cannot see.
  const lbUnknown = listeners.find((l) => isUnknown(l.loadBalancer));
  if (lbUnknown) for (const p of defaults.values()) markUnknownListeners(p, restate(lbUnknown.loadBalancer as Unknown, `${lbUnknown.address}: load_balancer_id: ${(lbUnknown.loadBalancer as Unknown).reason}`));
  for (const p of pools) {
    // The default group is referenced through its LB (an auto-scaling group's loadbalancer_ids…).
    const key = defaults.get(p.loadBalancer as LoadBalancer) === p ? (p.loadBalancer as LoadBalancer).address : p.address;
    noteForeign(p, ctx.foreign.get(key));
  }

  clbAccessControls(ctx, listeners);
  model.loadBalancers.push(...lbs);
  model.listeners.push(...listeners);
  model.pools.push(...pools);
}

/** The health check of a CLB listener (or of an `alicloud_slb_rule` with `listener_sync = "off"`). */
export function clbListenerMonitor(r: ResourceInstance, listener: Listener): HealthMonitor {
  const v = r.values;
  const protocol = listener.protocol;
  let hcProtocol: Maybe<string>;
  let enabled: Maybe<boolean>;
  const switchValue = onOff(v.health_check, r.address, 'health_check');
  if (isUnknown(protocol)) {
    hcProtocol = protocol;
    enabled = switchValue === false ? protocol : true;
  } else if (protocol === 'HTTP' || protocol === 'HTTPS') {
    // Layer-7 listeners check over HTTP; `health_check` switches it (default on).
    hcProtocol = 'HTTP';
    enabled = switchValue ?? true;
  } else if (protocol === 'UDP') {
    hcProtocol = 'UDP_CONNECT';
    enabled = true;
  } else {
    // TCP: always checked, over TCP or HTTP (`health_check_type`, default tcp).
    const type = lower(str(v.health_check_type));
    hcProtocol = type === undefined || type === 'tcp' ? 'TCP' : type === 'http' ? 'HTTP' : isUnknown(type) ? type : unknownAbout(`${r.address}.health_check_type`, `${r.address}.health_check_type is ${JSON.stringify(type)}`);
    enabled = true;
  }
  const domain = str(v.health_check_domain);
  return node(r, FAMILY, {
    protocol: hcProtocol,
    port: hcPort(v.health_check_connect_port),
    interval: num(v.health_check_interval),
    timeout: num(v.health_check_timeout),
    maxRetries: num(v.healthy_threshold),
    maxRetriesDown: num(v.unhealthy_threshold),
    urlPath: str(v.health_check_uri),
    // `$_ip` was the old spelling of "the backend IP" (deprecated, not a host name).
    domain: domain === '$_ip' ? undefined : domain,
    expectedCodes: codes(v.health_check_http_code),
    enabled,
    at: monitorAt(r, CLB_MONITOR_FIELDS),
    offText: offText('health_check', '"off"'),
    listener,
    lbKind: 'clb',
  });
}

function clbAccessControls(ctx: Ctx, listeners: Listener[]): void {
  const acls = new Map<string, ResourceInstance>(ctx.index.ofType('alicloud_slb_acl').map((r) => [r.address, r]));
  const attached = new Map<string, Maybe<string>[]>();
  for (const r of ctx.index.ofType('alicloud_slb_acl_entry_attachment')) {
    const acl = resolveRef(r, r.values.acl_id, acls, ID, 'ACL');
    if (!acl || isUnknown(acl)) continue;
    const entry = str(r.values.entry) ?? notSet(r.address, 'entry');
    const entries = attached.get(acl.address);
    if (entries === undefined) attached.set(acl.address, [entry]);
    else entries.push(entry);
  }
  for (const listener of listeners) {
    const v = listener.resource.values;
    const ids = list(v.acl_ids) ?? (isSet(v.acl_id) ? [v.acl_id as Value] : undefined);
    if (ids === undefined || isUnknown(ids)) continue;
    const status = onOff(v.acl_status, listener.address, 'acl_status') ?? false;
    const type = lower(str(v.acl_type));
    for (const id of ids) {
      const acl = resolveRef(listener.resource, id, acls, ID, 'ACL');
      if (!acl || isUnknown(acl)) continue;
      const entries: Maybe<string>[] = [...(attached.get(acl.address) ?? [])];
      const inline = blocks(acl.values.entry_list);
      if (!isUnknown(inline)) for (const e of inline) entries.push(str(e.entry) ?? new Unknown('entry is not set'));
      const firstUnknown = entries.find(isUnknown);
      const control: AccessControl = {
        node: nodeBase(acl, FAMILY),
        enabled: status,
        type: isUnknown(type) ? type : type === 'black' ? 'black' : 'white',
        entries: isUnknown(inline) ? inline : firstUnknown && isUnknown(firstUnknown) ? firstUnknown : (entries as string[]),
        entriesAt: fieldAt(acl, 'entry_list'),
      };
      listener.accessControls.push(control);
      ctx.model.accessControls.push({ listener, control });
    }
  }
}

/** Why the skipped resources of the first of `types` that has some may hide what they add. */
function firstHiding(ctx: Ctx, types: readonly string[]): Unknown | undefined {
  for (const t of types) {
    const why = ctx.index.hiding(t);
    if (why) return why;
  }
  return undefined;
}

/** Why the listener of a forwarding rule is not known: its load balancer or its frontend port. */
function ruleListenerUnknown(r: ResourceInstance, lb: Maybe<LoadBalancer> | undefined, port: Maybe<number> | undefined): Unknown {
  if (isUnknown(lb)) return unknownAt(r, 'load_balancer_id', lb);
  if (isUnknown(port)) return unknownAt(r, 'frontend_port', port);
  if (lb === undefined) return notSet(r.address, 'load_balancer_id');
  if (port === undefined) return notSet(r.address, 'frontend_port');
  return unknownAbout(`${r.address}.frontend_port`, `${lb.address} has no listener on ${r.address}.frontend_port ${port} in this configuration`);
}
