import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { LeasedLimiter } from './leased-limiter.util.js';

/** The library's in-memory limiter standing in for the shared store, counting the calls it gets. */
class CountingStore extends RateLimiterMemory {
  calls = 0;

  override consume(key: string | number, points?: number, options?: object): Promise<RateLimiterRes> {
    this.calls += 1;
    return super.consume(key, points, options);
  }
}

async function consumeMany(limiter: LeasedLimiter, key: string, times: number): Promise<number> {
  let accepted = 0;
  for (let i = 0; i < times; i += 1) if ((await limiter.consume(key)).ok) accepted += 1;
  return accepted;
}

describe('leased limiter', () => {
  it('answers a busy key from leases with a fraction of the store calls, and stops at the limit', async () => {
    const store = new CountingStore({ points: 1000, duration: 60 });
    const limiter = new LeasedLimiter(store, 1000);
    assert.equal(await consumeMany(limiter, 'p', 1000), 1000);
    assert.ok(store.calls < 80, `${store.calls} store calls for 1,000 requests`);
    const refused = await limiter.consume('p');
    assert.equal(refused.ok, false);
    assert.ok(refused.msBeforeNext > 0 && refused.msBeforeNext <= 60_000);
  });

  it('never lets two replicas together pass more than the limit, and leaves none of it unused', async () => {
    const store = new CountingStore({ points: 300, duration: 60 });
    const replicas = [new LeasedLimiter(store, 300), new LeasedLimiter(store, 300)];
    const accepted = await Promise.all(
      replicas.map(async (replica) => {
        let count = 0;
        const requests = Array.from({ length: 250 }, async () => ((await replica.consume('p')).ok ? 1 : 0));
        for (const ok of await Promise.all(requests)) count += ok;
        return count + (await consumeMany(replica, 'p', 50));
      }),
    );
    assert.equal(accepted[0]! + accepted[1]!, 300);
  });

  it('lets requests that arrive while a lease is on its way wait for it instead of asking too', async () => {
    const store = new CountingStore({ points: 100_000, duration: 60 });
    const limiter = new LeasedLimiter(store, 100_000);
    const answers = await Promise.all(Array.from({ length: 60 }, () => limiter.consume('p')));
    assert.ok(answers.every((answer) => answer.ok));
    assert.equal(store.calls, 1);
  });

  it('reports what is left as the store count plus the unspent lease', async () => {
    const limiter = new LeasedLimiter(new CountingStore({ points: 100, duration: 60 }), 100);
    assert.deepEqual(
      [(await limiter.consume('p')).remainingPoints, (await limiter.consume('p')).remainingPoints],
      [99, 98],
    );
  });

  it('counts a small limit one point at a time, exactly as without leases', async () => {
    const store = new CountingStore({ points: 5, duration: 60 });
    const limiter = new LeasedLimiter(store, 5);
    assert.equal(await consumeMany(limiter, 'p', 7), 5);
    assert.equal(store.calls, 7);
  });

  it('gives unspent points back to the store when it stops', async () => {
    const store = new CountingStore({ points: 1000, duration: 60 });
    const limiter = new LeasedLimiter(store, 1000);
    await limiter.consume('p');
    assert.equal((await store.get('p'))?.consumedPoints, 100);
    await limiter.returnAll();
    assert.equal((await store.get('p'))?.consumedPoints, 1);
  });

  it('takes a new lease once the window has passed', async () => {
    const limiter = new LeasedLimiter(new CountingStore({ points: 30, duration: 1 }), 30);
    assert.equal(await consumeMany(limiter, 'p', 35), 30);
    await sleep(1100);
    assert.equal((await limiter.consume('p')).ok, true);
  });
});
