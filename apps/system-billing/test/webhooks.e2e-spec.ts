import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type ErrorEnvelope } from '@concord/contracts';
import { DataSource } from '@concord/persistence';
import { freePort, waitFor } from '@concord/testing';
import { type RunningSandbox, sandboxEnv, startTestSandbox } from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { SYSTEM_BILLING_APP } from '../src/system-billing.module.js';
import { type WebhookAckDto } from '../src/webhooks/webhook-ack.dto.js';

interface EventRow {
  type: string;
  domain: string;
  source_event_id: string;
  source_version: string;
}

function sign(secret: string, payload: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex')}`;
}

describe('system-billing Stripe webhook receiver', () => {
  let sandbox: RunningSandbox;
  let unconfigured: Stack;
  let stack: Stack;
  let secret: string;

  /** Calls the Stripe sandbox as a Stripe client would: form-encoded body, secret key. */
  const stripeCall = async <T>(method: string, path: string, form?: Record<string, string>): Promise<T> => {
    const response = await fetch(`${sandbox.urls.stripe}${path}`, {
      method,
      headers: {
        authorization: 'Bearer sk_test_concord',
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : null,
    });
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as T;
  };
  const deliver = async <T = ErrorEnvelope>(target: Stack, payload: string, signature: string) => {
    const response = await fetch(`${target.url('system-billing')}/v1/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
      body: payload,
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const rowsFor = (entityId: string): Promise<EventRow[]> =>
    stack.apps
      .get('system-billing')!
      .app.get(DataSource)
      .query(
        `SELECT type, domain, source_event_id, source_version FROM event_log
         WHERE source_system = 'billing' AND entity_id = $1 ORDER BY seq`,
        [entityId],
      );

  before(async () => {
    sandbox = await startTestSandbox();
    unconfigured = await bootStack([SYSTEM_BILLING_APP], sandboxEnv(sandbox));
    const port = await freePort();
    const endpoint = await stripeCall<{ secret: string }>('POST', '/v1/webhook_endpoints', {
      url: `http://127.0.0.1:${port}/v1/webhooks/stripe`,
      'enabled_events[0]': 'customer.created',
      'enabled_events[1]': 'customer.updated',
      'enabled_events[2]': 'customer.subscription.created',
      'enabled_events[3]': 'customer.subscription.deleted',
      'enabled_events[4]': 'invoice.created',
      'enabled_events[5]': 'invoice.finalized',
      'enabled_events[6]': 'invoice.paid',
    });
    secret = endpoint.secret;
    stack = await bootStack([SYSTEM_BILLING_APP], {
      ...sandboxEnv(sandbox),
      PORT: String(port),
      STRIPE_WEBHOOK_SECRET: secret,
    });
  });

  after(async () => {
    await stack?.close();
    await unconfigured?.close();
    await sandbox?.close();
  });

  it('answers 503 with a clear message while no webhook secret is configured', async () => {
    const payload = JSON.stringify({ id: 'evt_unconfigured', type: 'customer.created' });
    const answer = await deliver(unconfigured, payload, sign('whsec_any', payload));
    assert.equal(answer.status, 503);
    assert.match(answer.body.error.message, /STRIPE_WEBHOOK_SECRET/);
  });

  it('records signed Stripe deliveries once each, and answers a repeated delivery as a duplicate', async () => {
    const customer = await stripeCall<{ id: string }>('POST', '/v1/customers', {
      name: 'Webhook GmbH',
      'metadata[concord_id]': randomUUID(),
    });
    await stripeCall('POST', `/v1/customers/${customer.id}`, { name: 'Webhook Deutschland GmbH' });
    const rows = await waitFor(async () => {
      const found = await rowsFor(customer.id);
      return found.length >= 2 ? found : undefined;
    });
    assert.deepEqual(
      rows.map((row) => [row.type, row.domain]),
      [
        ['billing.customer.created', 'customer'],
        ['billing.customer.updated', 'customer'],
      ],
    );
    assert.ok(rows.every((row) => /^\d{12}-0$/.test(row.source_version)));

    const event = await stripeCall<Record<string, unknown>>('GET', `/v1/events/${rows[0]!.source_event_id}`);
    const payload = JSON.stringify(event);
    const repeated = await deliver<WebhookAckDto>(stack, payload, sign(secret, payload));
    assert.equal(repeated.status, 200);
    assert.deepEqual(repeated.body, { received: true, duplicate: true });
    assert.equal((await rowsFor(customer.id)).length, 2);
  });

  it('records subscription and invoice events under the Stripe object ID, versions ordered by state', async () => {
    const customer = await stripeCall<{ id: string }>('POST', '/v1/customers', { name: 'Abo GmbH' });
    const product = await stripeCall<{ id: string }>('POST', '/v1/products', { name: 'Seat' });
    const price = await stripeCall<{ id: string }>('POST', '/v1/prices', {
      product: product.id,
      unit_amount: '1500',
      currency: 'eur',
      'recurring[interval]': 'month',
    });
    const subscription = await stripeCall<{ id: string; latest_invoice: string }>(
      'POST',
      '/v1/subscriptions',
      {
        customer: customer.id,
        'items[0][price]': price.id,
      },
    );
    await stripeCall('DELETE', `/v1/subscriptions/${subscription.id}`);
    const waitForRows = (entityId: string, count: number) =>
      waitFor(async () => {
        const found = await rowsFor(entityId);
        return found.length >= count ? found : undefined;
      });
    // Deliveries arrive in any order: sorted by source_version they follow the object's states.
    const byVersion = (rows: EventRow[]) =>
      [...rows]
        .sort((left, right) => left.source_version.localeCompare(right.source_version))
        .map((row) => [row.type, row.domain]);
    const subscriptionRows = await waitForRows(subscription.id, 2);
    assert.deepEqual(byVersion(subscriptionRows), [
      ['billing.subscription.created', 'subscription'],
      ['billing.subscription.deleted', 'subscription'],
    ]);
    const invoiceRows = await waitForRows(subscription.latest_invoice, 3);
    assert.deepEqual(byVersion(invoiceRows), [
      ['billing.invoice.created', 'invoice'],
      ['billing.invoice.finalized', 'invoice'],
      ['billing.invoice.paid', 'invoice'],
    ]);
    assert.equal(new Set(invoiceRows.map((row) => row.source_version)).size, 3);
  });

  it('refuses tampered and stale signatures with 400 and records nothing', async () => {
    const entityId = `cus_${randomUUID().replace(/-/g, '').slice(0, 14)}`;
    const payload = JSON.stringify({
      id: `evt_${randomUUID().replace(/-/g, '')}`,
      object: 'event',
      type: 'customer.updated',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: entityId, object: 'customer', metadata: {} } },
    });
    const tampered = await deliver(
      stack,
      payload.replace('customer.updated', 'customer.created'),
      sign(secret, payload),
    );
    assert.equal(tampered.status, 400);
    assert.equal(tampered.body.error.code, 'VALIDATION_FAILED');
    const stale = await deliver(stack, payload, sign(secret, payload, Math.floor(Date.now() / 1000) - 600));
    assert.equal(stale.status, 400);
    const unsigned = await deliver(stack, payload, '');
    assert.equal(unsigned.status, 400);
    assert.equal((await rowsFor(entityId)).length, 0);

    const accepted = await deliver<WebhookAckDto>(stack, payload, sign(secret, payload));
    assert.deepEqual(accepted.body, { received: true, duplicate: false });
    assert.equal((await rowsFor(entityId)).length, 1);
  });
});
