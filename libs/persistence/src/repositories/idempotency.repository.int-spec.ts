import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabaseUrl, uniqueId } from '@concord/testing';
import { connectDatabase } from '../data-source.js';
import { type DataSource } from 'typeorm';
import { hashRequest, IdempotencyRepository } from './idempotency.repository.js';

describe('idempotency keys', () => {
  let dataSource: DataSource;
  let keys: IdempotencyRepository;

  before(async () => {
    dataSource = await connectDatabase({ url: testDatabaseUrl(), appName: 'idempotency-test', poolSize: 4 });
    keys = new IdempotencyRepository(dataSource);
  });
  after(() => dataSource.destroy());

  it('hashes the same content the same way whatever the key order', () => {
    assert.equal(
      hashRequest({ a: 1, b: { c: [1, 2], d: 'x' } }),
      hashRequest({ b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
    assert.notEqual(hashRequest({ a: 1 }), hashRequest({ a: 2 }));
  });

  it('claims a key once, replays its answer, and refuses it for another body', async () => {
    const key = uniqueId('key');
    const hash = hashRequest({ name: 'Contoso' });
    assert.equal((await keys.claim('partner-a', key, hash)).kind, 'claimed');
    assert.deepEqual(await keys.claim('partner-a', key, hash), { kind: 'in_progress' });
    await keys.complete('partner-a', key, 202, { customerId: 'c-1' });
    assert.deepEqual(await keys.claim('partner-a', key, hash), {
      kind: 'replay',
      status: 202,
      body: { customerId: 'c-1' },
    });
    assert.deepEqual(await keys.claim('partner-a', key, hashRequest({ name: 'Other' })), {
      kind: 'mismatch',
    });
    assert.equal((await keys.claim('partner-b', key, hash)).kind, 'claimed', 'scopes are independent');
  });

  it('lets exactly one of many concurrent first requests claim a key', async () => {
    const key = uniqueId('race');
    const results = await Promise.all(Array.from({ length: 8 }, () => keys.claim('race', key, 'h')));
    assert.equal(results.filter((result) => result.kind === 'claimed').length, 1);
    assert.equal(results.filter((result) => result.kind === 'in_progress').length, 7);
  });

  it('frees a key whose request failed before any effect', async () => {
    const key = uniqueId('free');
    await keys.claim('s', key, 'h');
    await keys.release('s', key);
    assert.equal((await keys.claim('s', key, 'h')).kind, 'claimed');
  });

  it('lets a request take over a claim whose owner died, and fences the late owner out', async () => {
    const leased = new IdempotencyRepository(dataSource, 24, 0);
    const key = uniqueId('key');
    const hash = hashRequest({ name: 'Contoso' });
    const first = await leased.claim('crm-change', key, hash);
    assert.equal(first.kind, 'claimed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal((await leased.claim('crm-change', key, hashRequest({ other: true }))).kind, 'mismatch');
    const second = await leased.claim('crm-change', key, hash);
    assert.equal(second.kind, 'claimed', 'the expired lease is taken over');
    if (first.kind !== 'claimed' || second.kind !== 'claimed') return;
    await assert.rejects(
      dataSource.transaction((manager) =>
        leased.completeClaim(manager, { scope: 'crm-change', key, token: first.token }, 202, { late: true }),
      ),
      /taken over/,
    );
    await dataSource.transaction((manager) =>
      leased.completeClaim(manager, { scope: 'crm-change', key, token: second.token }, 202, { id: 'f-2' }),
    );
    assert.deepEqual(await leased.claim('crm-change', key, hash), {
      kind: 'replay',
      status: 202,
      body: { id: 'f-2' },
    });
  });
});
