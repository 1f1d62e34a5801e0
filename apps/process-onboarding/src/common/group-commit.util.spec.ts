import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupCommit } from './group-commit.util.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('runs calls that arrive during a batch together as the next batch, in order', async () => {
    const batches: number[][] = [];
    const group = new GroupCommit<number, number>(async (items) => {
      batches.push(items);
      await tick();
      return items.map((item) => item * 10);
    }, 3);
    const results = await Promise.all([1, 2, 3, 4, 5].map((item) => group.submit(item)));
    assert.deepEqual(results, [10, 20, 30, 40, 50]);
    assert.deepEqual(batches, [[1], [2, 3, 4], [5]]);
  });

  it('runs a failed batch again item by item, so only the bad item fails', async () => {
    const group = new GroupCommit<number, number>(async (items) => {
      await tick();
      if (items.includes(3)) throw new Error(`bad item among ${items.join(',')}`);
      return items;
    }, 10);
    const first = group.submit(0);
    const rest = [1, 2, 3, 4].map((item) => group.submit(item).catch((error: Error) => error.message));
    assert.equal(await first, 0);
    assert.deepEqual(await Promise.all(rest), [1, 2, 'bad item among 3', 4]);
  });
});
