import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FaultStore, parseFaultSpec } from './fault.store.js';

describe('FaultStore', () => {
  it('applies a counted fault exactly count times', () => {
    const store = new FaultStore();
    store.add({ route: 'GET /x', status: 503, count: 2 });
    const hits = [1, 2, 3].map(() => store.take('GET /x', 'before')?.status);
    assert.deepEqual(hits, [503, 503, undefined]);
    assert.equal(store.list()[0]?.applied, 2);
  });

  it('keeps phases apart and picks the first matching fault', () => {
    const store = new FaultStore();
    store.add({ route: 'POST /y', status: 500, phase: 'after' });
    store.add({ route: 'POST *', status: 429 });
    assert.equal(store.take('POST /y', 'before')?.status, 429);
    assert.equal(store.take('POST /y', 'after')?.status, 500);
  });

  it('fires by probability using the injected random source', () => {
    const rolls = [0.1, 0.9];
    const store = new FaultStore(() => rolls.shift() ?? 1);
    store.add({ route: '*', latencyMs: 5, probability: 0.5 });
    assert.ok(store.take('GET /a', 'before'));
    assert.equal(store.take('GET /a', 'before'), undefined);
  });

  it('removes one fault or clears all', () => {
    const store = new FaultStore();
    const first = store.add({ route: '*', hang: true });
    store.add({ route: '*', reset: true });
    assert.equal(store.remove(first.id), true);
    assert.equal(store.list().length, 1);
    store.clear();
    assert.equal(store.take('GET /', 'before'), undefined);
  });
});

describe('parseFaultSpec', () => {
  it('accepts a complete spec', () => {
    assert.deepEqual(
      parseFaultSpec({
        route: 'GET /a',
        status: 503,
        body: { e: 1 },
        count: 3,
        probability: 1,
        phase: 'after',
      }),
      {
        route: 'GET /a',
        status: 503,
        body: { e: 1 },
        count: 3,
        probability: 1,
        phase: 'after',
      },
    );
  });

  it('explains what is wrong', () => {
    assert.equal(
      parseFaultSpec({ route: 'GET /a' }),
      'a fault needs at least one of latencyMs, status, hang, reset',
    );
    assert.equal(parseFaultSpec({ route: 'GET /a', status: 42 }), 'status must be an HTTP status code');
    assert.equal(
      parseFaultSpec({ route: 'GET /a', reset: true, probability: 2 }),
      'probability must be a number between 0 and 1',
    );
    assert.equal(parseFaultSpec({ route: 'GET /a', reset: true, colour: 'red' }), 'unknown property: colour');
    assert.equal(parseFaultSpec([]), 'body must be a JSON object');
  });
});
