import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  type ErrorEnvelope,
  type ProductRecordV1,
  ProductType,
  type ProductV1,
  RecurringInterval,
  type UpsertOutcomeDto,
} from '@concord/contracts';
import { type ProductBatchResponseDto } from '@concord/contracts';
import { serviceToken } from '../../../test/support/credentials.js';
import {
  type RunningSandbox,
  sandboxAdmin,
  sandboxEnv,
  startTestSandbox,
} from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { systemApi } from '../../../test/support/system-api.js';
import { SYSTEM_BILLING_APP } from '../src/system-billing.module.js';

// Read by the app's config at boot: a short SDK timeout for the lost-answer case.
process.env.STRIPE_TIMEOUT_MS = '1500';

interface StripeProductRecord {
  id: string;
  name: string;
  active: boolean;
  default_price: string | null;
  unit_label: string | null;
  metadata: Record<string, string>;
}

interface StripePriceRecord {
  id: string;
  product: string;
  active: boolean;
  currency: string;
  unit_amount: number;
  lookup_key: string | null;
  recurring: { interval: string; interval_count: number } | null;
}

const newSku = () => `T-${randomUUID().slice(0, 8)}.${randomUUID().slice(0, 4)}_x`;
const product = (sku: string, overrides: Partial<ProductV1> = {}): ProductV1 => ({
  sku,
  name: 'Gold support plan',
  description: '24/7 support',
  type: ProductType.Service,
  active: true,
  unitPrice: { amountMinor: 4900, currency: 'EUR' },
  recurring: { interval: RecurringInterval.Month, intervalCount: 1 },
  unitOfMeasure: 'EA',
  ...overrides,
});

describe('system-billing product API against the Stripe sandbox', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let token: string;

  const stripe = () => sandbox.urls.stripe;
  const api = systemApi(
    () => stack,
    'system-billing',
    () => token,
  );
  const call = <T = ErrorEnvelope>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => api<T>(method, path, body, undefined, headers);
  const put = <T = UpsertOutcomeDto>(sku: string, body: ProductV1, key = `key-${randomUUID()}`) =>
    call<T>('PUT', `/v1/products/${sku}`, body, { 'idempotency-key': key });
  const stripeProductsOf = async (sku: string): Promise<StripeProductRecord[]> => {
    const { records } = await sandboxAdmin<{ records: StripeProductRecord[] }>(
      stripe(),
      'GET',
      'records/products',
    );
    return records.filter((record) => record.metadata.sku === sku);
  };
  const stripePricesOf = async (productId: string): Promise<StripePriceRecord[]> => {
    const { records } = await sandboxAdmin<{ records: StripePriceRecord[] }>(
      stripe(),
      'GET',
      'records/prices',
    );
    return records.filter((record) => record.product === productId);
  };
  const fault = (body: Record<string, unknown>) =>
    sandboxAdmin(stripe(), 'POST', 'faults', { count: 1, ...body });

  before(async () => {
    sandbox = await startTestSandbox();
    await sandboxAdmin(sandbox.urls.stripe, 'PUT', 'limits', { ratePerSecond: 1000 });
    stack = await bootStack([SYSTEM_BILLING_APP], sandboxEnv(sandbox));
    token = await serviceToken('system');
  });

  after(async () => {
    await stack?.close();
    await sandbox?.close();
  });

  it('creates (201) then updates (200) one Stripe product with its price, and reads it back', async () => {
    const sku = newSku();
    const created = await put(sku, product(sku));
    assert.equal(created.status, 201);
    assert.equal(created.body.created, true);
    assert.match(created.body.externalId, /^concord_/);
    const updated = await put(sku, product(sku, { name: 'Gold support plan 2026', unitOfMeasure: 'HR' }));
    assert.equal(updated.status, 200);
    assert.equal(updated.body.created, false);
    assert.equal(updated.body.externalId, created.body.externalId);
    const stored = await stripeProductsOf(sku);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.name, 'Gold support plan 2026');
    assert.equal(stored[0]?.unit_label, 'HR');
    const prices = await stripePricesOf(created.body.externalId);
    assert.equal(prices.length, 1, 'an unchanged price is not created again');
    assert.equal(stored[0]?.default_price, prices[0]?.id);
    const read = await call<ProductRecordV1>('GET', `/v1/products/${sku}`);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, {
      ...product(sku, { name: 'Gold support plan 2026', unitOfMeasure: 'HR' }),
      externalId: created.body.externalId,
      priceExternalId: prices[0]?.id,
      sourceVersion: read.body.sourceVersion,
    });
    assert.ok(!Number.isNaN(Date.parse(read.body.sourceVersion)));
  });

  it('replays the same Idempotency-Key, refuses it with another body', async () => {
    const sku = newSku();
    const key = `key-${randomUUID()}`;
    const first = await put(sku, product(sku), key);
    const second = await put(sku, product(sku), key);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal((await stripeProductsOf(sku)).length, 1);
    const reused = await put<ErrorEnvelope>(sku, product(sku, { name: 'Other plan' }), key);
    assert.equal(reused.status, 422);
    assert.equal(reused.body.error.code, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 404 for an unknown SKU and 400 for a malformed SKU or a body of another SKU', async () => {
    const missing = await call('GET', `/v1/products/${newSku()}`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'NOT_FOUND');
    const notDeactivated = await call('POST', `/v1/products/${newSku()}/deactivate`);
    assert.equal(notDeactivated.status, 404);
    const malformed = await call('GET', '/v1/products/bad!sku');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.details[0]?.path, 'sku');
    const sku = newSku();
    const mismatch = await put<ErrorEnvelope>(sku, product(newSku()));
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.body.error.details[0]?.path, 'sku');
    assert.equal((await stripeProductsOf(sku)).length, 0);
  });

  it('turns a Stripe validation error into 422 with canonical field paths', async () => {
    await fault({
      route: 'POST /v1/prices',
      status: 400,
      body: {
        error: {
          type: 'invalid_request_error',
          message: 'This value must be less than or equal to 99999999.',
          param: 'unit_amount',
        },
      },
    });
    const sku = newSku();
    const rejected = await put<ErrorEnvelope>(sku, product(sku));
    assert.equal(rejected.status, 422);
    assert.equal(rejected.body.error.code, 'UPSTREAM_REJECTED');
    assert.deepEqual(rejected.body.error.details, [
      { path: 'unitPrice.amountMinor', message: 'This value must be less than or equal to 99999999.' },
    ]);
  });

  it('replaces a changed price with a new one and archives the old one', async () => {
    const sku = newSku();
    const created = await put(sku, product(sku));
    const [old] = await stripePricesOf(created.body.externalId);
    const changed = product(sku, {
      unitPrice: { amountMinor: 5900, currency: 'EUR' },
      recurring: { interval: RecurringInterval.Year, intervalCount: 1 },
    });
    assert.equal((await put(sku, changed)).status, 200);
    assert.equal((await put(sku, changed)).status, 200);
    const prices = await stripePricesOf(created.body.externalId);
    assert.equal(prices.length, 2);
    const current = prices.find((price) => price.active);
    assert.equal(prices.filter((price) => price.active).length, 1);
    assert.notEqual(current?.id, old?.id);
    assert.equal(current?.unit_amount, 5900);
    assert.deepEqual(
      current?.recurring && { interval: current.recurring.interval, count: current.recurring.interval_count },
      { interval: 'year', count: 1 },
    );
    assert.equal(current?.lookup_key, `concord:${sku}`);
    assert.equal((await stripeProductsOf(sku))[0]?.default_price, current?.id);
    const read = await call<ProductRecordV1>('GET', `/v1/products/${sku}`);
    assert.equal(read.body.priceExternalId, current?.id);
    assert.deepEqual(read.body.unitPrice, { amountMinor: 5900, currency: 'EUR' });
  });

  it('deactivates a product and archives its prices, idempotently', async () => {
    const sku = newSku();
    const created = await put(sku, product(sku));
    const first = await call<ProductRecordV1>('POST', `/v1/products/${sku}/deactivate`);
    assert.equal(first.status, 200);
    assert.equal(first.body.active, false);
    assert.equal(first.body.sku, sku);
    const again = await call<ProductRecordV1>('POST', `/v1/products/${sku}/deactivate`);
    assert.equal(again.status, 200);
    assert.equal(again.body.active, false);
    const [stored] = await stripeProductsOf(sku);
    assert.equal(stored?.active, false);
    assert.equal(stored?.default_price, null);
    const prices = await stripePricesOf(created.body.externalId);
    assert.equal(prices.length, 1);
    assert.ok(prices.every((price) => !price.active));
  });

  it('writes a batch in input order with per-item outcomes, and refuses more than 200 items', async () => {
    const skus = Array.from({ length: 5 }, newSku);
    const items = skus.map((sku) => product(sku, { name: `Batch ${sku}` }));
    // A currency ISO knows but Stripe does not sell in: Stripe itself rejects this one item.
    items[2] = product(skus[2]!, { unitPrice: { amountMinor: 100, currency: 'THB' } });
    const result = await call<ProductBatchResponseDto>('POST', '/v1/products/batch', { items });
    assert.equal(result.status, 200);
    assert.deepEqual(
      result.body.results.map((item) => [item.sku, item.ok]),
      skus.map((sku, index) => [sku, index !== 2]),
    );
    assert.equal(result.body.results[2]?.error?.kind, 'Rejected');
    assert.equal(result.body.results[2]?.error?.details[0]?.path, 'unitPrice.currency');
    for (const sku of [skus[0]!, skus[4]!]) assert.equal((await stripeProductsOf(sku)).length, 1);
    const tooLarge = await call('POST', '/v1/products/batch', {
      items: Array.from({ length: 201 }, () => product(newSku())),
    });
    assert.equal(tooLarge.status, 400);
  });

  it('passes JPY minor units (0 decimals) to Stripe as they are and reads them back', async () => {
    const sku = newSku();
    const yen = product(sku, { unitPrice: { amountMinor: 5000, currency: 'JPY' } });
    const created = await put(sku, yen);
    assert.equal(created.status, 201);
    const [price] = await stripePricesOf(created.body.externalId);
    assert.equal(price?.currency, 'jpy');
    assert.equal(price?.unit_amount, 5000);
    const read = await call<ProductRecordV1>('GET', `/v1/products/${sku}`);
    assert.deepEqual(read.body.unitPrice, { amountMinor: 5000, currency: 'JPY' });
  });

  it('ends with one Stripe product when the create answer is lost', async () => {
    await fault({ route: 'POST /v1/products', phase: 'after', reset: true });
    const sku = newSku();
    const created = await put(sku, product(sku));
    assert.equal(created.status, 201);
    const stored = await stripeProductsOf(sku);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.id, created.body.externalId);
    assert.equal((await stripePricesOf(created.body.externalId)).length, 1);
  });
});
