import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachConcurrently, groupBy } from './concurrency.util.js';

describe('page concurrency helpers', () => {
  it('groups by key keeping first-seen group order and item order', () => {
    assert.deepEqual(
      groupBy(['a1', 'b1', 'a2', 'c1', 'b2'], (item) => item[0] ?? ''),
      [['a1', 'a2'], ['b1', 'b2'], ['c1']],
    );
  });

  it('never runs more than the limit at once, attempts every item, and reports a failure after all', async () => {
    let active = 0;
    let peak = 0;
    const done: number[] = [];
    const run = forEachConcurrently([1, 2, 3, 4, 5, 6], 2, async (item) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setImmediate(resolve));
      active--;
      if (item === 3) throw new Error('item 3 failed');
      done.push(item);
    });
    await assert.rejects(run, /item 3 failed/);
    assert.equal(peak, 2);
    assert.deepEqual(done.sort(), [1, 2, 4, 5, 6]);
  });
});
