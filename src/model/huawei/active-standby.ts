// Huawei `elb_active_standby_pool`: a dedicated-ELB pool with inline members and health monitor.
import { Unknown, isUnknown, type ProviderFamily, type ResourceInstance } from '../../types.js';
import { ID, ResourceIndex, link, resolveRef } from '../graph.js';
import type { Member, Model, Pool } from '../types.js';
import { blocks, copyWith, fieldAt, node, notSet, num, str, upper } from '../values.js';
import { lbaasMonitor } from './dialect.js';
import { healthMonitor, poolOfListener } from './nodes.js';
import { markUnknownMembers, markUnknownMonitors, unknownAt } from '../nodes.js';

/** `huaweicloud_elb_active_standby_pool`: a pool with inline members and monitor. */
export function activeStandbyPools(index: ResourceIndex, type: string, family: ProviderFamily, model: Model): void {
  const listeners = new Map(model.listeners.map((l) => [l.address, l]));
  const standby = new Map<string, Pool>();
  for (const r of index.ofType(type)) {
    const { pool } = poolOfListener(r, family, listeners);
    standby.set(pool.address, pool);
    // The inline `healthmonitor` block is the pool's monitor; a synthetic resource whose block is
    // the nested block keeps attribute ranges exact.
    const hm = blocks(r.values.healthmonitor);
    if (isUnknown(hm)) markUnknownMonitors(pool, unknownAt(r, 'healthmonitor', hm));
    else
      hm.forEach((values, i) => {
        const block = r.block.blocks.filter((b) => b.type === 'healthmonitor')[i] ?? r.block;
        const synthetic: ResourceInstance = copyWith(r, { address: `${r.address}.healthmonitor[${i}]`, block, values });
        const monitor = healthMonitor(synthetic, family, lbaasMonitor('monitor_port'));
        monitor.protocol = upper(str(values.type)) ?? notSet(r.address, 'healthmonitor.type');
        pool.monitors.push(monitor);
        model.monitors.push(monitor);
      });
    const members = blocks(r.values.members);
    if (isUnknown(members)) markUnknownMembers(pool, unknownAt(r, 'members', members));
    else
      members.forEach((m, i) => {
        const member: Member = node(r, family, {
          pool,
          ip: str(m.address) ?? new Unknown('member address is not set'),
          port: num(m.protocol_port) ?? new Unknown('member port is not set'),
          weight: 1,
          weightDefaulted: true,
          at: { port: fieldAt(r, 'protocol_port'), weight: fieldAt(r, 'weight') },
          backend: undefined,
          subnet: undefined,
        }, `${r.address}.members[${i}]`);
        pool.members.push(member);
      });
    model.pools.push(pool);
  }
  // Listeners may name an active-standby pool as their default pool.
  if (standby.size === 0) return;
  for (const l of model.listeners) {
    if (l.family !== family) continue;
    const target = resolveRef(l.resource, l.resource.values.default_pool_id, standby, ID, 'pool');
    if (target && !isUnknown(target)) link(l, target);
  }
}
