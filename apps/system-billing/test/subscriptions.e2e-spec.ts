import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  type CustomerV1,
  type ErrorEnvelope,
  ProductType,
  type ProductV1,
  RecurringInterval,
} from '@concord/contracts';
import { serviceToken } from '../../../test/support/credentials.js';
import {
  type RunningSandbox,
  sandboxAdmin,
  sandboxEnv,
  startTestSandbox,
} from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { systemApi } from '../../../test/support/system-api.js';
import { type InvoiceListDto, type InvoiceRecordDto } from '../src/subscriptions/invoice.dto.js';
import { type SubscriptionRecordDto } from '../src/subscriptions/subscription.dto.js';
import { SYSTEM_BILLING_APP } from '../src/system-billing.module.js';

// Read by the app's config at boot: this file makes a few hundred Stripe calls against a fast sandbox.
process.env.STRIPE_MAX_RPS = '200';

interface StripeSubscriptionRecord {
  id: string;
  customer: string;
  status: string;
  metadata: Record<string, string>;
  items: Array<{ price: string; quantity: number }>;
}

const newSku = () => `S-${randomUUID().slice(0, 8)}`;
const newKey = () => `crm:contract:${randomUUID()}`;
const customer: CustomerV1 = {
  name: 'Contoso Abo GmbH',
  country: 'DE',
  currency: 'EUR',
  email: 'billing@contoso.example.com',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
};
const product = (sku: string, amountMinor: number | undefined): ProductV1 => ({
  sku,
  name: `Plan ${sku}`,
  type: ProductType.Service,
  active: true,
  ...(amountMinor === undefined
    ? {}
    : {
        unitPrice: { amountMinor, currency: 'EUR' },
        recurring: { interval: RecurringInterval.Month, intervalCount: 1 },
      }),
});

describe('system-billing subscription and invoice API against the Stripe sandbox', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let token: string;
  const customerId = randomUUID();
  const [gold, seat, unpriced] = [newSku(), newSku(), newSku()];

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
  const put = <T = SubscriptionRecordDto>(key: string, body: unknown, requestKey = `key-${randomUUID()}`) =>
    call<T>('PUT', `/v1/subscriptions/${key}`, body, { 'idempotency-key': requestKey });
  const request = (items: Array<{ sku: string; quantity: number }>, extra: Record<string, unknown> = {}) => ({
    customerConcordId: customerId,
    items,
    ...extra,
  });
  const stripeSubscriptionsOf = async (key: string): Promise<StripeSubscriptionRecord[]> => {
    const { records } = await sandboxAdmin<{ records: StripeSubscriptionRecord[] }>(
      sandbox.urls.stripe,
      'GET',
      'records/subscriptions',
    );
    return records.filter((record) => record.metadata.concord_subscription_key === key);
  };
  /** Calls the Stripe sandbox directly, as another Stripe client would. */
  const stripeCall = async <T>(path: string, form: Record<string, string>): Promise<T> => {
    const response = await fetch(`${sandbox.urls.stripe}${path}`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk_test_concord',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form).toString(),
    });
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as T;
  };

  before(async () => {
    sandbox = await startTestSandbox();
    await sandboxAdmin(sandbox.urls.stripe, 'PUT', 'limits', { ratePerSecond: 1000 });
    stack = await bootStack([SYSTEM_BILLING_APP], sandboxEnv(sandbox));
    token = await serviceToken('system');
    const writes = await Promise.all([
      call('PUT', `/v1/customers/${customerId}`, customer, { 'idempotency-key': `key-${randomUUID()}` }),
      ...[product(gold, 4900), product(seat, 1500), product(unpriced, undefined)].map((body) =>
        call('PUT', `/v1/products/${body.sku}`, body, { 'idempotency-key': `key-${randomUUID()}` }),
      ),
    ]);
    assert.deepEqual(
      writes.map((write) => write.status),
      [201, 201, 201, 201],
    );
  });

  after(async () => {
    await stack?.close();
    await sandbox?.close();
  });

  it('creates one Stripe subscription (201), replays its key, refuses the key with another body', async () => {
    const key = newKey();
    const requestKey = `key-${randomUUID()}`;
    const body = request([
      { sku: gold, quantity: 2 },
      { sku: seat, quantity: 10 },
    ]);
    const created = await put(key, body, requestKey);
    assert.equal(created.status, 201);
    assert.equal(created.body.subscriptionKey, key);
    assert.match(created.body.externalId, /^sub_/);
    assert.equal(created.body.status, 'active');
    assert.ok(!Number.isNaN(Date.parse(created.body.currentPeriodEnd ?? '')));
    assert.deepEqual(
      created.body.items.map(({ sku, quantity }) => [sku, quantity]),
      [
        [gold, 2],
        [seat, 10],
      ],
    );
    const stored = await stripeSubscriptionsOf(key);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.id, created.body.externalId);
    assert.deepEqual(
      stored[0]?.items.map((item) => [item.price, item.quantity]),
      created.body.items.map((item) => [item.priceExternalId, item.quantity]),
    );

    const replayed = await put(key, body, requestKey);
    assert.equal(replayed.status, 201);
    assert.deepEqual(replayed.body, created.body);
    const reused = await put<ErrorEnvelope>(key, request([{ sku: gold, quantity: 3 }]), requestKey);
    assert.equal(reused.status, 422);
    assert.equal(reused.body.error.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal((await stripeSubscriptionsOf(key)).length, 1);
  });

  it('updates the same Stripe subscription (200): quantity changed, item removed, then added back', async () => {
    const key = newKey();
    const both = [
      { sku: gold, quantity: 1 },
      { sku: seat, quantity: 5 },
    ];
    const created = await put(key, request(both));
    assert.equal(created.status, 201);
    const changed = await put(key, request([{ sku: gold, quantity: 4 }]));
    assert.equal(changed.status, 200);
    assert.equal(changed.body.externalId, created.body.externalId);
    assert.deepEqual(changed.body.items, [{ ...created.body.items[0]!, quantity: 4 }]);
    const restored = await put(
      key,
      request([
        { sku: gold, quantity: 4 },
        { sku: seat, quantity: 5 },
      ]),
    );
    assert.equal(restored.status, 200);
    assert.deepEqual(
      restored.body.items.map(({ sku, quantity }) => [sku, quantity]),
      [
        [gold, 4],
        [seat, 5],
      ],
    );
    const stored = await stripeSubscriptionsOf(key);
    assert.equal(stored.length, 1);
    assert.deepEqual(
      stored[0]?.items.map((item) => item.quantity),
      [4, 5],
    );
    const read = await call<SubscriptionRecordDto>('GET', `/v1/subscriptions/${key}`);
    assert.equal(read.status, 200);
    assert.deepEqual({ ...read.body, sourceVersion: '' }, { ...restored.body, sourceVersion: '' });
  });

  it('answers 404 for an unknown customer or key, 422 for a SKU without price, 400 for bad requests', async () => {
    const key = newKey();
    const unknown = await put<ErrorEnvelope>(key, {
      ...request([{ sku: gold, quantity: 1 }]),
      customerConcordId: randomUUID(),
    });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.details[0]?.path, 'customerConcordId');
    const unpricedSku = await put<ErrorEnvelope>(
      key,
      request([
        { sku: gold, quantity: 1 },
        { sku: unpriced, quantity: 1 },
        { sku: newSku(), quantity: 1 },
      ]),
    );
    assert.equal(unpricedSku.status, 422);
    assert.equal(unpricedSku.body.error.code, 'UPSTREAM_REJECTED');
    assert.deepEqual(
      unpricedSku.body.error.details.map((detail) => detail.path),
      ['items[1].sku', 'items[2].sku'],
    );
    const duplicate = await put<ErrorEnvelope>(
      key,
      request([
        { sku: gold, quantity: 1 },
        { sku: gold, quantity: 2 },
      ]),
    );
    assert.equal(duplicate.status, 400);
    assert.equal(duplicate.body.error.details[0]?.path, 'items[1].sku');
    const noTerms = await put<ErrorEnvelope>(
      key,
      request([{ sku: gold, quantity: 1 }], { collectionMethod: 'send_invoice' }),
    );
    assert.equal(noTerms.status, 400);
    assert.equal(noTerms.body.error.details[0]?.path, 'daysUntilDue');
    assert.equal((await put(key, request([]))).status, 400);
    assert.equal((await stripeSubscriptionsOf(key)).length, 0);
    assert.equal((await call('GET', `/v1/subscriptions/${key}`)).status, 404);
    assert.equal((await call('GET', `/v1/subscriptions/${key}/invoices`)).status, 404);
    assert.equal((await call('GET', '/v1/subscriptions/bad%20key')).status, 400);
    assert.equal((await call('POST', '/v1/invoices/in_missing0000000/pay')).status, 404);
  });

  it('lists invoices newest first, finalizes and pays them idempotently', async () => {
    const key = newKey();
    const created = await put(
      key,
      request(
        [
          { sku: gold, quantity: 2 },
          { sku: seat, quantity: 10 },
        ],
        { collectionMethod: 'send_invoice', daysUntilDue: 30 },
      ),
    );
    assert.equal(created.status, 201);
    const first = await call<InvoiceListDto>('GET', `/v1/subscriptions/${key}/invoices`);
    assert.equal(first.status, 200);
    assert.equal(first.body.invoices.length, 1);
    const opening = first.body.invoices[0]!;
    assert.equal(opening.status, 'open');
    assert.equal(opening.currency, 'EUR');
    assert.equal(opening.amountDueMinor, 2 * 4900 + 10 * 1500);
    assert.ok(opening.number && opening.hostedInvoiceUrl && opening.dueDate);

    // A second invoice, drafted directly in Stripe, as billing staff would.
    const customerOf = (await stripeSubscriptionsOf(key))[0]!.customer;
    await stripeCall('/v1/invoiceitems', { customer: customerOf, amount: '2500', currency: 'eur' });
    const draft = await stripeCall<{ id: string }>('/v1/invoices', {
      customer: customerOf,
      subscription: created.body.externalId,
      collection_method: 'send_invoice',
      days_until_due: '14',
      pending_invoice_items_behavior: 'include',
    });
    const listed = await call<InvoiceListDto>('GET', `/v1/subscriptions/${key}/invoices`);
    assert.deepEqual(
      listed.body.invoices.map((invoice) => [invoice.externalId, invoice.status]),
      [
        [draft.id, 'draft'],
        [opening.externalId, 'open'],
      ],
    );
    assert.equal(listed.body.invoices[0]?.number, null);

    const finalized = await call<InvoiceRecordDto>('POST', `/v1/invoices/${draft.id}/finalize`);
    assert.equal(finalized.status, 200);
    assert.equal(finalized.body.status, 'open');
    assert.equal(finalized.body.amountDueMinor, 2500);
    assert.ok(finalized.body.number);
    const again = await call<InvoiceRecordDto>('POST', `/v1/invoices/${draft.id}/finalize`);
    assert.deepEqual(again, finalized);

    const paid = await call<InvoiceRecordDto>('POST', `/v1/invoices/${opening.externalId}/pay`);
    assert.equal(paid.status, 200);
    assert.equal(paid.body.status, 'paid');
    assert.equal(paid.body.amountPaidMinor, opening.amountDueMinor);
    const paidAgain = await call<InvoiceRecordDto>('POST', `/v1/invoices/${opening.externalId}/pay`);
    assert.deepEqual(paidAgain, paid);
    const finalizePaid = await call<InvoiceRecordDto>('POST', `/v1/invoices/${opening.externalId}/finalize`);
    assert.equal(finalizePaid.body.status, 'paid');
  });

  it('cancels at period end, then now, idempotently; an ended key refuses updates (409)', async () => {
    const key = newKey();
    const body = request([{ sku: seat, quantity: 3 }]);
    assert.equal((await put(key, body)).status, 201);
    const ending = await call<SubscriptionRecordDto>('POST', `/v1/subscriptions/${key}/cancel`, {
      atPeriodEnd: true,
    });
    assert.equal(ending.status, 200);
    assert.equal(ending.body.status, 'active');
    assert.equal(ending.body.cancelAtPeriodEnd, true);
    const canceled = await call<SubscriptionRecordDto>('POST', `/v1/subscriptions/${key}/cancel`, {});
    assert.equal(canceled.status, 200);
    assert.equal(canceled.body.status, 'canceled');
    const again = await call<SubscriptionRecordDto>('POST', `/v1/subscriptions/${key}/cancel`);
    assert.equal(again.status, 200);
    assert.equal(again.body.status, 'canceled');
    assert.equal(again.body.externalId, canceled.body.externalId);
    const ended = await put<ErrorEnvelope>(key, body);
    assert.equal(ended.status, 409);
    const stored = await stripeSubscriptionsOf(key);
    assert.deepEqual(
      stored.map((record) => record.status),
      ['canceled'],
    );
    assert.equal((await call('POST', `/v1/subscriptions/${newKey()}/cancel`)).status, 404);
  });
});
