import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { serviceToken } from '../../../test/support/credentials.js';
import {
  type RunningSandbox,
  sandboxAdmin,
  sandboxEnv,
  startTestSandbox,
} from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { type ApiAnswer, systemApi } from '../../../test/support/system-api.js';
import { SYSTEM_CRM_APP } from '../src/system-crm.module.js';

interface Product2 {
  Id: string;
  ERP_Item_Number__c: string | null;
  Name: string;
  IsActive: boolean;
  IsDeleted: boolean;
  Family: string | null;
}
interface PriceEntry {
  Id: string;
  Product2Id: string;
  UnitPrice: number;
  CurrencyIsoCode: string;
  IsActive: boolean;
}
interface ErrorBody {
  error: { code: string; details: Array<{ path?: string }> };
}
interface BatchBody {
  results: Array<{
    sku: string;
    ok: boolean;
    outcome?: { created: boolean };
    error?: ErrorBody['error'] & {
      kind: string;
    };
  }>;
}

const newSku = () => `T-${randomUUID().slice(0, 12)}`;
const product = (sku: string, overrides: Record<string, unknown> = {}) => ({
  sku,
  name: 'Gold support plan',
  description: '24/7 support with a 1-hour response time',
  type: 'service',
  active: true,
  unitPrice: { amountMinor: 4900, currency: 'EUR' },
  unitOfMeasure: 'EA',
  ...overrides,
});

describe('system-crm products on the Salesforce sandbox', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let token: string;

  before(async () => {
    sandbox = await startTestSandbox();
    stack = await bootStack([SYSTEM_CRM_APP], sandboxEnv(sandbox));
    token = await serviceToken('system');
  });

  after(async () => {
    await stack?.close();
    await sandbox?.close();
  });

  const api = systemApi(
    () => stack,
    'system-crm',
    () => token,
  );

  const put = <T = Record<string, unknown>>(sku: string, body: unknown, key = `k-${randomUUID()}`) =>
    api<T>('PUT', `/v1/products/${sku}`, body, key);
  const salesforce = () => sandbox.urls.salesforce;
  const productsOf = async (sku: string) =>
    (await sandboxAdmin<{ records: Product2[] }>(salesforce(), 'GET', 'records/Product2')).records.filter(
      (record) => record.ERP_Item_Number__c === sku && !record.IsDeleted,
    );
  const entriesOf = async (productId: string) =>
    (
      await sandboxAdmin<{ records: PriceEntry[] }>(salesforce(), 'GET', 'records/PricebookEntry')
    ).records.filter((entry) => entry.Product2Id === productId);
  const fault = (spec: Record<string, unknown>) => sandboxAdmin(salesforce(), 'POST', 'faults', spec);

  it('creates then updates one Product2 (201 then 200) and reads it back with its price', async () => {
    const sku = newSku();
    const created = await put(sku, product(sku));
    assert.equal(created.status, 201);
    assert.equal(created.body.created, true);
    const updated = await put(sku, product(sku, { name: 'Platinum support plan' }));
    assert.equal(updated.status, 200);
    assert.equal(updated.body.externalId, created.body.externalId);
    const [stored, ...others] = await productsOf(sku);
    assert.equal(others.length, 0);
    assert.equal(stored?.Name, 'Platinum support plan');
    assert.equal(stored?.Family, 'Services');
    const read = await api('GET', `/v1/products/${sku}`);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, {
      ...product(sku, { name: 'Platinum support plan' }),
      externalId: created.body.externalId,
      priceExternalId: (await entriesOf(String(stored?.Id)))[0]?.Id,
      sourceVersion: updated.body.sourceVersion,
    });
  });

  it('replays the same Idempotency-Key, refuses it with another body, and checks the path sku', async () => {
    const sku = newSku();
    const key = `k-${randomUUID()}`;
    const first = await put(sku, product(sku), key);
    const second = await put(sku, product(sku), key);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal((await productsOf(sku)).length, 1);
    const reused = await put<ErrorBody>(sku, product(sku, { name: 'Other' }), key);
    assert.equal(reused.status, 422);
    assert.equal(reused.body.error.code, 'IDEMPOTENCY_KEY_REUSED');
    const mismatch = await put<ErrorBody>(sku, product(newSku()));
    assert.equal(mismatch.status, 400);
    assert.deepEqual(
      mismatch.body.error.details.map((detail) => detail.path),
      ['sku'],
    );
  });

  it('answers 404 for an unknown sku and 400 for a malformed one', async () => {
    const unknown = await api<ErrorBody>('GET', `/v1/products/${newSku()}`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'NOT_FOUND');
    const deactivated = await api<ErrorBody>('POST', `/v1/products/${newSku()}/deactivate`);
    assert.equal(deactivated.status, 404);
    const malformed = await api<ErrorBody>('GET', `/v1/products/${'x'.repeat(41)}`);
    assert.equal(malformed.status, 400);
    assert.deepEqual(
      malformed.body.error.details.map((detail) => detail.path),
      ['sku'],
    );
  });

  it('turns Salesforce validation errors into 422 with canonical field paths', async () => {
    const sku = newSku();
    await fault({
      route: `PATCH /services/data/*/sobjects/Product2/ERP_Item_Number__c/${sku}`,
      status: 400,
      count: 1,
      body: [
        {
          message: 'Product name and unit do not fit the family',
          errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          fields: ['Name', 'QuantityUnitOfMeasure'],
        },
      ],
    });
    const rejected = await put<ErrorBody>(sku, product(sku));
    assert.equal(rejected.status, 422);
    assert.equal(rejected.body.error.code, 'UPSTREAM_REJECTED');
    assert.deepEqual(
      rejected.body.error.details.map((detail) => detail.path),
      ['name', 'unitOfMeasure'],
    );
    assert.equal((await productsOf(sku)).length, 0);
    const currency = await put<ErrorBody>(
      sku,
      product(sku, { unitPrice: { amountMinor: 1250, currency: 'BHD' } }),
    );
    assert.equal(currency.status, 422);
    assert.deepEqual(
      currency.body.error.details.map((detail) => detail.path),
      ['unitPrice.currency'],
    );
  });

  it('updates the price in place, moves it to a new currency, and keeps JPY in whole yen', async () => {
    const sku = newSku();
    const created = await put(sku, product(sku));
    const productId = String(created.body.externalId);
    const first = await api('GET', `/v1/products/${sku}`);
    await put(sku, product(sku, { unitPrice: { amountMinor: 5990, currency: 'EUR' } }));
    const raised = await api('GET', `/v1/products/${sku}`);
    assert.equal(raised.body.priceExternalId, first.body.priceExternalId);
    assert.deepEqual(raised.body.unitPrice, { amountMinor: 5990, currency: 'EUR' });
    assert.deepEqual(
      (await entriesOf(productId)).map((entry) => [entry.CurrencyIsoCode, entry.UnitPrice]),
      [['EUR', 59.9]],
    );
    await put(sku, product(sku, { unitPrice: { amountMinor: 1500, currency: 'JPY' } }));
    const yen = await api('GET', `/v1/products/${sku}`);
    assert.deepEqual(yen.body.unitPrice, { amountMinor: 1500, currency: 'JPY' });
    assert.notEqual(yen.body.priceExternalId, first.body.priceExternalId);
    const entries = await entriesOf(productId);
    assert.deepEqual(
      entries.map((entry) => [entry.CurrencyIsoCode, entry.UnitPrice, entry.IsActive]).sort(),
      [
        ['EUR', 59.9, false],
        ['JPY', 1500, true],
      ],
    );
  });

  it('deactivates the product and its price entries, idempotently', async () => {
    const sku = newSku();
    const created = await put(sku, product(sku));
    const first = await api<{ active: boolean; unitPrice?: unknown }>(
      'POST',
      `/v1/products/${sku}/deactivate`,
    );
    assert.equal(first.status, 200);
    assert.equal(first.body.active, false);
    assert.deepEqual(first.body.unitPrice, { amountMinor: 4900, currency: 'EUR' });
    const again = await api('POST', `/v1/products/${sku}/deactivate`);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
    assert.equal((await productsOf(sku))[0]?.IsActive, false);
    const entries = await entriesOf(String(created.body.externalId));
    assert.ok(entries.length === 1 && entries.every((entry) => !entry.IsActive));
  });

  it('ends with exactly one product when the upsert answer is lost', async () => {
    const sku = newSku();
    await fault({
      route: `PATCH /services/data/*/sobjects/Product2/ERP_Item_Number__c/${sku}`,
      phase: 'after',
      reset: true,
      count: 1,
    });
    const saved = await put(sku, product(sku));
    assert.equal(saved.status, 201);
    const found = await productsOf(sku);
    assert.equal(found.length, 1);
    assert.equal(found[0]?.Id, saved.body.externalId);
    assert.equal((await entriesOf(String(saved.body.externalId))).length, 1);
  });

  it('writes a batch in one Salesforce upsert call, reporting per-item failures in order', async () => {
    const tooMany = await api('POST', '/v1/products/batch', {
      items: Array.from({ length: 201 }, () => product(newSku())),
    });
    assert.equal(tooMany.status, 400);
    const items = [
      product(newSku()),
      product(`TOO-LONG-${randomUUID().slice(0, 20)}`),
      product(newSku(), { type: 'inventory', unitPrice: undefined }),
    ];
    await sandboxAdmin(salesforce(), 'DELETE', 'calls');
    const written = await api<BatchBody>('POST', '/v1/products/batch', { items });
    assert.equal(written.status, 200);
    assert.deepEqual(
      written.body.results.map((result) => [result.sku, result.ok]),
      items.map((item, index) => [item.sku, index !== 1]),
    );
    assert.equal(written.body.results[0]?.outcome?.created, true);
    assert.equal(written.body.results[1]?.error?.kind, 'Rejected');
    assert.deepEqual(
      written.body.results[1]?.error?.details.map((detail) => detail.path),
      ['sku'],
    );
    const calls = await sandboxAdmin<{ routes: Record<string, number> }>(salesforce(), 'GET', 'calls');
    const upserts = Object.entries(calls.routes).filter(
      ([route]) => route.startsWith('PATCH') && route.includes('/composite/sobjects/:type/:field'),
    );
    assert.equal(
      upserts.reduce((sum, [, count]) => sum + count, 0),
      1,
    );
    const bare = await api('GET', `/v1/products/${items[2]?.sku}`);
    assert.equal(bare.body.type, 'inventory');
    assert.equal(bare.body.unitPrice, undefined);
  });

  it('feeds product changes in pages, each exactly once', async () => {
    let cursor: string | undefined;
    for (let more = true; more;) {
      const page: ApiAnswer<{ nextCursor: string; hasMore: boolean }> = await api(
        'GET',
        `/v1/products/changes?limit=2000${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200);
      cursor = page.body.nextCursor;
      more = page.body.hasMore;
    }
    const skus = [newSku(), newSku(), newSku(), newSku()];
    await api('POST', '/v1/products/batch', { items: skus.map((sku) => product(sku)) });
    const seen: string[] = [];
    for (let more = true; more;) {
      const page: ApiAnswer<{ changes: Array<{ sku: string }>; nextCursor: string; hasMore: boolean }> =
        await api('GET', `/v1/products/changes?limit=2&cursor=${cursor}`);
      seen.push(...page.body.changes.map((change) => change.sku));
      cursor = page.body.nextCursor;
      more = page.body.hasMore;
    }
    assert.deepEqual(seen.filter((sku) => skus.includes(sku)).sort(), [...skus].sort());
    assert.equal(new Set(seen).size, seen.length);
  });
});
