import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectDatabase, type DataSource } from '@concord/persistence';
import { testDatabaseUrl, uniqueId } from '@concord/testing';
import { ChangeConsumerRepository } from './change-consumer.repository.js';
import { ConsumerLock } from './consumer-lock.service.js';

describe('change-feed consumer: one active replica and a compare-and-set cursor', () => {
  let replicaA: DataSource;
  let replicaB: DataSource;

  before(async () => {
    replicaA = await connectDatabase({ url: testDatabaseUrl(), appName: 'consumer-a', poolSize: 3 });
    replicaB = await connectDatabase({ url: testDatabaseUrl(), appName: 'consumer-b', poolSize: 3 });
  });
  after(async () => {
    await replicaA.destroy();
    await replicaB.destroy();
  });

  it('lets one replica consume at a time and hands over when it lets go', async () => {
    const name = uniqueId('crm-customers-');
    const a = new ConsumerLock(replicaA, name);
    const b = new ConsumerLock(replicaB, name);
    assert.equal(await a.acquire(), true);
    assert.equal(await b.acquire(), false, 'the second replica waits');
    assert.equal(await a.acquire(), true, 'the holder keeps it');
    await a.release();
    assert.equal(await b.acquire(), true, 'the lock is free once released');
    assert.equal(await new ConsumerLock(replicaA, uniqueId('other-')).acquire(), true, 'per consumer');
    await b.release();
  });

  it('moves the cursor only from where it stands, so a rewind is never overwritten', async () => {
    const consumers = new ChangeConsumerRepository(replicaA);
    const name = uniqueId('crm-customers-');
    assert.equal(await consumers.cursorOf(name), undefined);
    assert.equal(await consumers.save(name, 'crm', undefined, 'c1', '2026-11-23T10:00:00.000Z'), true);
    assert.equal(await consumers.save(name, 'crm', 'c1', 'c2', undefined), true);
    assert.equal(await consumers.cursorOf(name), 'c2');
    // Someone rewound the cursor while a batch was read from c1: that batch's save must not win.
    assert.equal(await consumers.save(name, 'crm', 'c1', 'c3', undefined), false);
    assert.equal(await consumers.cursorOf(name), 'c2');
    const [lag] = await consumers.lagSeconds([name]);
    assert.equal(lag?.source, 'crm');
    assert.ok((lag?.seconds ?? 0) > 0);
  });
});
