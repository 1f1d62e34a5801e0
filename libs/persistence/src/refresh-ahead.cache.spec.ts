import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Loaded, RefreshAheadCache } from './refresh-ahead.cache.js';

/** A load the test settles by hand, counting how often the cache started one. */
function manualLoads<V>() {
  const pending: Array<{ resolve: (loaded: Loaded<V>) => void; reject: (error: Error) => void }> = [];
  return {
    pending,
    load: () =>
      new Promise<Loaded<V>>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A cache on a hand-moved clock that has loaded `k` = `v1` at time 0. */
async function cacheHoldingV1() {
  const clock = { now: 0 };
  const cache = new RefreshAheadCache<string>({ ttlMs: 1000, now: () => clock.now });
  const loads = manualLoads<string>();
  const first = cache.get('k', loads.load);
  loads.pending[0]!.resolve({ value: 'v1' });
  await first;
  return { clock, cache, loads };
}

void describe('RefreshAheadCache', () => {
  void it('loads a missing key once however many requests ask for it meanwhile', async () => {
    const cache = new RefreshAheadCache<string>({ ttlMs: 1000 });
    const loads = manualLoads<string>();
    const asked = [cache.get('k', loads.load), cache.get('k', loads.load), cache.get('k', loads.load)];
    assert.equal(loads.pending.length, 1);
    loads.pending[0]!.resolve({ value: 'v1' });
    assert.deepEqual(await Promise.all(asked), ['v1', 'v1', 'v1']);
    assert.equal(await cache.get('k', loads.load), 'v1');
    assert.equal(loads.pending.length, 1);
  });

  void it('serves the value while reloading it in the background once it is old, then serves the new one', async () => {
    const { clock, cache, loads } = await cacheHoldingV1();
    clock.now = 799;
    assert.equal(await cache.get('k', loads.load), 'v1');
    assert.equal(loads.pending.length, 1, 'no reload before 80 % of the TTL');
    clock.now = 850;
    assert.equal(await cache.get('k', loads.load), 'v1');
    assert.equal(await cache.get('k', loads.load), 'v1');
    assert.equal(loads.pending.length, 2, 'one background reload');
    loads.pending[1]!.resolve({ value: 'v2' });
    await settle();
    clock.now = 1500;
    assert.equal(await cache.get('k', loads.load), 'v2');
    assert.equal(loads.pending.length, 2);
  });

  void it('never serves a value past its TTL or its own expiry, even when its reload failed', async () => {
    const { clock, cache, loads } = await cacheHoldingV1();
    clock.now = 900;
    await cache.get('k', loads.load);
    loads.pending[1]!.reject(new Error('database down'));
    await settle();
    clock.now = 1000;
    const expired = cache.get('k', loads.load);
    assert.equal(loads.pending.length, 3, 'an expired value is loaded in the open');
    loads.pending[2]!.resolve({ value: 'v3', validUntil: 1100 });
    assert.equal(await expired, 'v3');
    clock.now = 1100;
    void cache.get('k', loads.load);
    assert.equal(loads.pending.length, 4, 'the value stopped at its own expiry');
  });

  void it('does not keep what a load under way at clear() returns', async () => {
    const cache = new RefreshAheadCache<string>({ ttlMs: 1000 });
    const loads = manualLoads<string>();
    const before = cache.get('k', loads.load);
    cache.clear();
    loads.pending[0]!.resolve({ value: 'stale' });
    assert.equal(await before, 'stale');
    const after = cache.get('k', loads.load);
    assert.equal(loads.pending.length, 2);
    loads.pending[1]!.resolve({ value: 'fresh' });
    assert.equal(await after, 'fresh');
  });

  void it('passes a failed load to every request waiting for it and keeps nothing', async () => {
    const cache = new RefreshAheadCache<string>({ ttlMs: 1000 });
    const loads = manualLoads<string>();
    const asked = [cache.get('k', loads.load), cache.get('k', loads.load)];
    loads.pending[0]!.reject(new Error('database down'));
    for (const request of asked) await assert.rejects(request, /database down/);
    void cache.get('k', loads.load);
    assert.equal(loads.pending.length, 2);
  });

  void it('drops the oldest entry beyond maxEntries', async () => {
    const cache = new RefreshAheadCache<string>({ ttlMs: 1000, maxEntries: 2 });
    let loadsStarted = 0;
    const load = (value: string) => () => {
      loadsStarted += 1;
      return Promise.resolve({ value });
    };
    for (const key of ['a', 'b', 'c']) await cache.get(key, load(key));
    await cache.get('c', load('c'));
    await cache.get('b', load('b'));
    assert.equal(loadsStarted, 3);
    await cache.get('a', load('a'));
    assert.equal(loadsStarted, 4);
  });
});
