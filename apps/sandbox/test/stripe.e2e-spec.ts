import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import { type RunningSandbox } from '../src/sandbox.server.js';
import { admin, requestJson, startTestSandbox, uniqueSuffix } from './sandbox-test.util.js';

describe('Stripe sandbox with the stripe SDK', () => {
  let sandbox: RunningSandbox;
  let stripe: Stripe;
  let port: number;

  const client = (options: Partial<Stripe.StripeConfig> = {}) =>
    new Stripe('sk_test_concord', { host: '127.0.0.1', port, protocol: 'http', ...options });

  before(async () => {
    sandbox = await startTestSandbox();
    port = Number(new URL(sandbox.urls.stripe).port);
    stripe = client();
    await admin(sandbox.urls.stripe, 'PUT', 'limits', { ratePerSecond: 10_000 });
  });

  after(async () => sandbox.close());

  it('creates, retrieves, updates, searches and deletes customers', async () => {
    const concordId = `c-${uniqueSuffix()}`;
    const customer = await stripe.customers.create({
      name: 'Globex',
      email: 'ap@globex.example',
      metadata: { concord_id: concordId },
    });
    assert.match(customer.id, /^cus_\w{14}$/);
    assert.equal(customer.object, 'customer');
    assert.deepEqual(customer.metadata, { concord_id: concordId });
    assert.match(customer.lastResponse.requestId, /^req_/);
    const updated = await stripe.customers.update(customer.id, {
      phone: '+1 555 0100',
      metadata: { tier: 'gold' },
    });
    assert.deepEqual(updated.metadata, { concord_id: concordId, tier: 'gold' });
    const found = await stripe.customers.search({ query: `metadata['concord_id']:'${concordId}'` });
    assert.deepEqual(
      found.data.map((c) => c.id),
      [customer.id],
    );
    const byEmail = await stripe.customers.search({ query: "email:'ap@globex.example'" });
    assert.ok(byEmail.data.some((c) => c.id === customer.id));
    const deleted = await stripe.customers.del(customer.id);
    assert.deepEqual(
      { ...deleted, lastResponse: undefined },
      { id: customer.id, object: 'customer', deleted: true, lastResponse: undefined },
    );
    await assert.rejects(
      stripe.customers.update(customer.id, { name: 'x' }),
      (error: Stripe.errors.StripeError) => {
        assert.equal(error.statusCode, 404);
        assert.equal(error.code, 'resource_missing');
        return true;
      },
    );
  });

  it('lists newest first with cursors and auto-pagination', async () => {
    const tag = uniqueSuffix();
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1)
      ids.push((await stripe.customers.create({ email: `p${i}-${tag}@list.example` })).id);
    const page = await stripe.customers.list({ limit: 5 });
    assert.deepEqual(
      page.data.map((c) => c.id),
      ids.slice(-5).reverse(),
    );
    assert.equal(page.has_more, true);
    assert.equal(page.url, '/v1/customers');
    const next = await stripe.customers.list({ limit: 5, starting_after: page.data[4]?.id ?? '' });
    assert.deepEqual(
      next.data.map((c) => c.id),
      ids.slice(2, 7).reverse(),
    );
    const back = await stripe.customers.list({ limit: 3, ending_before: next.data[0]?.id ?? '' });
    assert.deepEqual(
      back.data.map((c) => c.id),
      ids.slice(7, 10).reverse(),
    );
    const all = await stripe.customers.list({ limit: 4 }).autoPagingToArray({ limit: 1000 });
    assert.ok(ids.every((id) => all.some((c) => c.id === id)));
    await assert.rejects(stripe.customers.list({ limit: 101 }), /Invalid integer/);
  });

  it('keeps prices immutable except active, metadata, nickname and lookup_key', async () => {
    const product = await stripe.products.create({ name: `Plan ${uniqueSuffix()}` });
    const price = await stripe.prices.create({
      product: product.id,
      currency: 'eur',
      unit_amount: 4900,
      recurring: { interval: 'month' },
    });
    assert.equal(price.type, 'recurring');
    assert.equal(String(price.unit_amount_decimal), '4900');
    const archived = await stripe.prices.update(price.id, {
      active: false,
      nickname: 'old',
      metadata: { reason: 'repriced' },
    });
    assert.deepEqual([archived.active, archived.nickname, archived.unit_amount], [false, 'old', 4900]);
    await assert.rejects(
      stripe.prices.update(price.id, { unit_amount: 5900 } as Stripe.PriceUpdateParams),
      (error: Stripe.errors.StripeError) =>
        error.type === 'StripeInvalidRequestError' && error.param === 'unit_amount',
    );
    await assert.rejects(stripe.products.del(product.id), /cannot be deleted/);
  });

  it('refuses metadata past Stripe limits with the offending param', async () => {
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    await assert.rejects(
      stripe.customers.create({ metadata: tooMany }),
      (error: Stripe.errors.StripeError) => error.param === 'metadata',
    );
    await assert.rejects(
      stripe.customers.create({ metadata: { ['k'.repeat(41)]: 'v' } }),
      /keys can be up to 40/,
    );
    await assert.rejects(
      stripe.customers.create({ metadata: { note: 'v'.repeat(501) } }),
      (error: Stripe.errors.StripeError) => error.param === 'metadata[note]',
    );
  });

  it('creates a subscription that bills its first invoice, updates and cancels it', async () => {
    const customer = await stripe.customers.create({ name: 'Subscriber' });
    const product = await stripe.products.create({ name: 'Seat' });
    const price = await stripe.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 1500,
      recurring: { interval: 'month' },
    });
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id, quantity: 3 }],
      metadata: { concord_flow: 'f1' },
      expand: ['latest_invoice'],
    });
    assert.equal(subscription.status, 'active');
    assert.equal(subscription.items.data[0]?.price.id, price.id);
    assert.equal(subscription.items.data[0]?.quantity, 3);
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    assert.deepEqual([invoice.status, invoice.total, invoice.amount_paid], ['paid', 4500, 4500]);
    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]?.id ?? '', quantity: 5 }],
      cancel_at_period_end: true,
    });
    assert.deepEqual([updated.items.data[0]?.quantity, updated.cancel_at_period_end], [5, true]);
    const canceled = await stripe.subscriptions.cancel(subscription.id);
    assert.equal(canceled.status, 'canceled');
    const types = (await stripe.events.list({ limit: 100 })).data
      .filter((e) => JSON.stringify(e.data.object).includes(subscription.id))
      .map((e): string => e.type);
    for (const type of [
      'customer.subscription.created',
      'customer.subscription.updated',
      'customer.subscription.deleted',
      'invoice.finalized',
      'invoice.paid',
    ]) {
      assert.ok(types.includes(type), `missing event ${type}`);
    }
  });

  it('manages subscription items as their own resource', async () => {
    const customer = await stripe.customers.create({ name: 'Itemized' });
    const product = await stripe.products.create({ name: 'Modules' });
    const [base, addon] = await Promise.all(
      [1000, 250].map((amount) =>
        stripe.prices.create({
          product: product.id,
          currency: 'usd',
          unit_amount: amount,
          recurring: { interval: 'month' },
        }),
      ),
    );
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: base?.id ?? '' }],
    });
    const added = await stripe.subscriptionItems.create({
      subscription: subscription.id,
      price: addon?.id ?? '',
      quantity: 2,
    });
    assert.deepEqual(
      [added.object, added.quantity, added.subscription],
      ['subscription_item', 2, subscription.id],
    );
    const changed = await stripe.subscriptionItems.update(added.id, { quantity: 4 });
    assert.equal(changed.quantity, 4);
    const listed = await stripe.subscriptionItems.list({ subscription: subscription.id });
    assert.equal(listed.data.length, 2);
    const removed = await stripe.subscriptionItems.del(added.id);
    assert.equal(removed.deleted, true);
    const after = await stripe.subscriptions.retrieve(subscription.id);
    assert.deepEqual(
      after.items.data.map((item) => item.price.id),
      [base?.id],
    );
    await assert.rejects(
      stripe.subscriptionItems.del(after.items.data[0]?.id ?? ''),
      /at least one active plan/,
    );
  });

  it('leaves a default_incomplete subscription incomplete until its invoice is paid', async () => {
    const customer = await stripe.customers.create({ name: 'Later payer' });
    const price = await stripe.prices.create({
      product_data: { name: 'Desk' },
      currency: 'usd',
      unit_amount: 900,
      recurring: { interval: 'year' },
    });
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: 'default_incomplete',
    });
    assert.equal(subscription.status, 'incomplete');
    await stripe.invoices.pay(subscription.latest_invoice as string);
    assert.equal((await stripe.subscriptions.retrieve(subscription.id)).status, 'active');
  });

  it('pages search results with next_page', async () => {
    const tag = uniqueSuffix();
    for (let i = 0; i < 5; i += 1) await stripe.customers.create({ metadata: { batch: tag } });
    const first = await stripe.customers.search({ query: `metadata['batch']:'${tag}'`, limit: 2 });
    assert.deepEqual([first.data.length, first.has_more, typeof first.next_page], [2, true, 'string']);
    const all = await stripe.customers
      .search({ query: `metadata['batch']:'${tag}'`, limit: 2 })
      .autoPagingToArray({ limit: 100 });
    assert.equal(new Set(all.map((c) => c.id)).size, 5);
  });

  it('finalizes and pays a manual invoice with invoice items', async () => {
    const customer = await stripe.customers.create({ name: 'Invoiced' });
    const invoice = await stripe.invoices.create({
      customer: customer.id,
      collection_method: 'send_invoice',
      days_until_due: 14,
    });
    assert.equal(invoice.status, 'draft');
    await stripe.invoiceItems.create({
      customer: customer.id,
      invoice: invoice.id,
      amount: 2500,
      currency: 'usd',
      description: 'Setup',
    });
    const finalized = await stripe.invoices.finalizeInvoice(invoice.id);
    assert.equal(finalized.status, 'open');
    assert.equal(finalized.amount_due, 2500);
    assert.match(finalized.number ?? '', /^[A-Z0-9]+-0001$/);
    assert.ok(finalized.due_date !== null);
    const paid = await stripe.invoices.pay(invoice.id, { paid_out_of_band: true });
    assert.deepEqual([paid.status, paid.amount_paid, paid.amount_remaining], ['paid', 2500, 0]);
    await assert.rejects(stripe.invoices.finalizeInvoice(invoice.id), /already finalized/);
  });

  it('replays the first answer for an idempotency key and refuses other parameters', async () => {
    const key = `idem-${uniqueSuffix()}`;
    const first = await stripe.customers.create({ name: 'Once' }, { idempotencyKey: key });
    const again = await stripe.customers.create({ name: 'Once' }, { idempotencyKey: key });
    assert.equal(again.id, first.id);
    assert.equal(again.lastResponse.headers['idempotent-replayed'], 'true');
    await assert.rejects(
      stripe.customers.create({ name: 'Twice' }, { idempotencyKey: key }),
      (error: Stripe.errors.StripeError) =>
        error.type === 'StripeIdempotencyError' && error.statusCode === 400,
    );
  });

  it('stores nothing when validation fails, so the key can be used again', async () => {
    const key = `idem-${uniqueSuffix()}`;
    await assert.rejects(
      stripe.customers.create({ email: 'not-an-email' }, { idempotencyKey: key }),
      /Invalid email/,
    );
    const created = await stripe.customers.create({ email: 'fixed@valid.example' }, { idempotencyKey: key });
    assert.equal(created.email, 'fixed@valid.example');
  });

  it('replays a 5xx answer and answers 409 to a concurrent duplicate', async () => {
    const noRetry = client({ maxNetworkRetries: 0 });
    await admin(sandbox.urls.stripe, 'POST', 'faults', {
      route: 'POST /v1/products',
      status: 500,
      phase: 'after',
      count: 1,
    });
    const key = `idem-${uniqueSuffix()}`;
    await assert.rejects(
      noRetry.products.create({ name: 'Flaky' }, { idempotencyKey: key }),
      (e: Stripe.errors.StripeError) => e.statusCode === 500,
    );
    const replay = await fetch(`${sandbox.urls.stripe}/v1/products`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk_test_concord',
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': key,
      },
      body: 'name=Flaky',
    });
    assert.equal(replay.status, 500);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');

    await admin(sandbox.urls.stripe, 'POST', 'faults', {
      route: 'POST /v1/customers',
      latencyMs: 300,
      phase: 'after',
      count: 1,
    });
    const slowKey = `idem-${uniqueSuffix()}`;
    const slow = noRetry.customers.create({ name: 'Slow' }, { idempotencyKey: slowKey });
    await new Promise((resolve) => setTimeout(resolve, 80));
    await assert.rejects(
      noRetry.customers.create({ name: 'Slow' }, { idempotencyKey: slowKey }),
      (error: Stripe.errors.StripeError) => error.statusCode === 409,
    );
    assert.equal((await slow).name, 'Slow');
  });

  it('answers 429 rate_limit past the configured requests per second', async () => {
    await admin(sandbox.urls.stripe, 'PUT', 'limits', { ratePerSecond: 3 });
    try {
      const noRetry = client({ maxNetworkRetries: 0 });
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () => noRetry.customers.list({ limit: 1 })),
      );
      const limited = results
        .filter((r) => r.status === 'rejected')
        .map((r) => r.reason as Stripe.errors.StripeError);
      assert.ok(limited.length >= 5);
      assert.ok(
        limited.every((error) => error.type === 'StripeRateLimitError' && error.code === 'rate_limit'),
      );
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await admin(sandbox.urls.stripe, 'PUT', 'limits', { ratePerSecond: 10_000 });
    }
  });

  it('answers 401 for a wrong key and puts Request-Id on every answer', async () => {
    await assert.rejects(
      client().customers.list({}, { apiKey: 'sk_test_wrong' }),
      (e: Stripe.errors.StripeError) => e.type === 'StripeAuthenticationError',
    );
    const missing = await requestJson<{ error: { type: string } }>(
      `${sandbox.urls.stripe}/v1/customers/cus_missing`,
      {
        headers: { authorization: 'Bearer sk_test_concord' },
      },
    );
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('request-id') ?? '', /^req_/);
  });
});
