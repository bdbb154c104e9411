// Links made through a conditional whose condition is not known (issue 19 §1): when every branch
// names the same resource, the link is made; when they name different ones, it stays unknown.
import { describe, expect, it } from 'vitest';
import { ID, resolveRef } from '../src/model/graph.js';
import { OneOf, Unknown, isUnknown, type ResourceInstance } from '../src/types.js';

const from = { address: 'huaweicloud_lb_member.m', modulePath: [] } as unknown as ResourceInstance;
const pools = new Map([
  ['huaweicloud_lb_pool.web', 'web'],
  ['huaweicloud_lb_pool.api', 'api'],
]);
const ref = (address: string) => new Unknown(`${address}.id is known only after apply`, undefined, { address, path: ['id'] });
const condition = (...choices: Unknown[]) => new OneOf('var.blue has no value', undefined, choices);

describe('resolveRef through a conditional whose condition is not known', () => {
  it('links when both branches name the same node', () => {
    expect(resolveRef(from, condition(ref('huaweicloud_lb_pool.web'), ref('huaweicloud_lb_pool.web')), pools, ID, 'pool')).toBe('web');
  });

  it('stays unknown, naming the condition, when the branches name different nodes', () => {
    const r = resolveRef(from, condition(ref('huaweicloud_lb_pool.web'), ref('huaweicloud_lb_pool.api')), pools, ID, 'pool');
    expect(isUnknown(r) && r.reason).toBe('var.blue has no value');
  });

  it('stays unknown when a branch names something outside the configuration', () => {
    const r = resolveRef(from, condition(ref('huaweicloud_lb_pool.web'), new Unknown('var.pool_id has no value')), pools, ID, 'pool');
    expect(isUnknown(r)).toBe(true);
  });
});
