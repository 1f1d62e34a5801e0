import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type DataSource } from 'typeorm';
import { testDatabaseUrl } from '@concord/testing';
import { connectDatabase } from '../data-source.js';
import { CustomerRepository } from './customer.repository.js';

const keys = { normalizedName: 'contoso', taxId: 'DE136695976', domain: 'contoso.example.com', phone: null };

describe('canonical customers', () => {
  let dataSource: DataSource;
  let customers: CustomerRepository;

  before(async () => {
    dataSource = await connectDatabase({ url: testDatabaseUrl(), appName: 'customer-test', poolSize: 6 });
    customers = new CustomerRepository(dataSource);
  });
  after(() => dataSource.destroy());

  it('creates a record at version 1 with the supplying system on every field', async () => {
    const id = randomUUID();
    const result = await customers.save({
      id,
      data: { name: 'Contoso GmbH', country: 'DE', currency: 'EUR' },
      system: 'crm',
      sourceVersion: '2026-12-01T10:00:00.000Z',
      matchKeys: keys,
    });
    assert.deepEqual(result, { created: true, version: 1, changedFields: ['name', 'country', 'currency'] });
    const stored = await customers.find(id);
    assert.equal(stored?.provenance.name?.system, 'crm');
    assert.deepEqual(stored?.sourceVersions, { crm: '2026-12-01T10:00:00.000Z' });
    assert.equal(stored?.taxId, 'DE136695976');
  });

  it('bumps the version only for a real change, and stamps only the changed fields', async () => {
    const id = randomUUID();
    const base = { name: 'Contoso GmbH', address: { city: 'Berlin', line1: 'Hauptstr. 1' } };
    await customers.save({ id, data: base, system: 'crm', matchKeys: keys });
    const same = await customers.save({
      id,
      data: { address: { line1: 'Hauptstr. 1', city: 'Berlin' } },
      system: 'crm',
      matchKeys: keys,
    });
    assert.deepEqual(same, { created: false, version: 1, changedFields: [] }, 'key order is no change');
    const changed = await customers.save({
      id,
      data: { paymentTermsDays: 30 },
      system: 'erp',
      sourceVersion: 'W/"7"',
      matchKeys: keys,
    });
    assert.deepEqual(changed, { created: false, version: 2, changedFields: ['paymentTermsDays'] });
    const stored = await customers.find(id);
    assert.equal(stored?.data.name, 'Contoso GmbH', 'fields left out are kept');
    assert.equal(stored?.provenance.name?.system, 'crm');
    assert.equal(stored?.provenance.paymentTermsDays?.system, 'erp');
    assert.equal(stored?.provenance.paymentTermsDays?.sourceVersion, 'W/"7"');
  });

  it('serializes concurrent writers to one record without losing a field', async () => {
    const id = randomUUID();
    await customers.save({ id, data: { name: 'Fabrikam' }, system: 'crm', matchKeys: keys });
    await Promise.all(
      ['segment', 'territory', 'phone', 'email'].map((field) =>
        customers.save({ id, data: { [field]: `${field}-value` }, system: 'crm', matchKeys: keys }),
      ),
    );
    const stored = await customers.find(id);
    assert.equal(stored?.version, 5);
    assert.deepEqual(Object.keys(stored?.data ?? {}).sort(), [
      'email',
      'name',
      'phone',
      'segment',
      'territory',
    ]);
  });

  it('keeps the earliest first-invoice date', async () => {
    const id = randomUUID();
    await customers.save({ id, data: { name: 'Northwind' }, system: 'crm', matchKeys: keys });
    await customers.markFirstInvoicePosted(id, new Date('2026-11-02T00:00:00Z'));
    await customers.markFirstInvoicePosted(id, new Date('2026-11-05T00:00:00Z'));
    assert.equal((await customers.find(id))?.firstInvoicePostedAt?.toISOString(), '2026-11-02T00:00:00.000Z');
  });
});
