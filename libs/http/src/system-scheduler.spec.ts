import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Registry } from 'prom-client';
import {
  type PacingOptions,
  type SchedulerClock,
  SchedulerThrottledError,
  SystemScheduler,
} from './system-scheduler.js';

/** A clock whose sleeps move time forward at once, recording when each call started. */
function fakeClock(): SchedulerClock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: (ms: number) => {
      clock.t += ms;
      return Promise.resolve();
    },
  };
  return clock;
}

function scheduler(options: PacingOptions) {
  const clock = fakeClock();
  const registry = new Registry();
  const paced = new SystemScheduler('vendor', options, clock).attach(registry);
  const gauge = async () =>
    (await registry.getSingleMetricAsString('concord_external_quota_remaining')).match(
      /system="vendor"\} (\d+)/,
    )?.[1];
  return { clock, paced, gauge };
}

const startTimes = async (paced: SystemScheduler, clock: { t: number }, count: number) => {
  const starts: number[] = [];
  for (let index = 0; index < count; index += 1) await paced.run(async () => void starts.push(clock.t));
  return starts;
};

describe('SystemScheduler', () => {
  it('lets a burst through, then spaces calls at the configured rate', async () => {
    const { clock, paced } = scheduler({ ratePerSecond: 20, burst: 5 });
    assert.deepEqual(await startTimes(paced, clock, 7), [0, 0, 0, 0, 0, 50, 100]);
    clock.t += 1000;
    assert.equal(paced.remaining(), 5, 'an idle second refills to the burst, never beyond');
  });

  it('refuses a call whose turn is further away than it may wait, and gives the token back', async () => {
    const { clock, paced } = scheduler({ ratePerSecond: 1, burst: 1, maxWaitMs: 500 });
    await paced.run(async () => undefined);
    await assert.rejects(
      paced.run(async () => undefined),
      (error: unknown) =>
        error instanceof SchedulerThrottledError && error.reason === 'rate' && error.retryAfterMs === 1000,
    );
    clock.t += 1000;
    assert.deepEqual(await startTimes(paced, clock, 1), [1000]);
  });

  it('holds calls once the published quota reaches the reserve, and resumes when it recovers', async () => {
    const { clock, paced, gauge } = scheduler({ reserveShare: 0.1, quotaHoldMs: 60_000 });
    paced.observeQuota(20_000, 100_000);
    assert.equal(await gauge(), '20000');
    await paced.run(async () => undefined);
    paced.observeQuota(5_000, 100_000);
    assert.equal(await gauge(), '5000');
    await assert.rejects(
      paced.run(async () => undefined),
      (error: unknown) =>
        error instanceof SchedulerThrottledError && error.reason === 'quota' && error.retryAfterMs === 60_000,
    );
    clock.t += 60_000;
    await paced.run(async () => undefined);
    paced.observeQuota(99_000, 100_000);
    assert.equal(await gauge(), '99000');
  });

  it('waits out a short Retry-After and backs off exponentially when none is given', async () => {
    const { clock, paced, gauge } = scheduler({ throttleBaseMs: 1_000, maxWaitMs: 5_000 });
    paced.observeThrottle(2_000);
    assert.equal(await gauge(), '0');
    assert.deepEqual(await startTimes(paced, clock, 1), [2_000]);
    paced.observeAnswer();
    paced.observeThrottle(undefined);
    paced.observeThrottle(undefined);
    assert.deepEqual(await startTimes(paced, clock, 1), [4_000], 'the second 429 in a row pauses 2 s');
    paced.observeAnswer();
    paced.observeThrottle(undefined);
    assert.deepEqual(await startTimes(paced, clock, 1), [5_000], 'an answer resets the backoff');
    paced.observeThrottle(20_000);
    await assert.rejects(
      paced.run(async () => undefined),
      SchedulerThrottledError,
    );
  });

  it('keeps at most maxConcurrent calls in flight', async () => {
    const { paced } = scheduler({ maxConcurrent: 2 });
    let inFlight = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const calls = Array.from({ length: 5 }, () =>
      paced.run(async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise<void>((resolve) => releases.push(resolve));
        inFlight -= 1;
      }),
    );
    let done = false;
    const all = Promise.all(calls).then(() => (done = true));
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    await all;
    assert.equal(peak, 2);
  });
});
