import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import { type RunningSandbox } from '../src/sandbox.server.js';
import { admin, startTestSandbox } from './sandbox-test.util.js';

interface Delivery {
  body: string;
  signature: string;
}

/** A webhook receiver that fails the first `failures` deliveries with 500, then accepts. */
function receiver(
  failures: number,
): Promise<{ server: Server; url: string; deliveries: Delivery[]; attempts: () => number }> {
  const deliveries: Delivery[] = [];
  let attempts = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      attempts += 1;
      if (attempts <= failures) {
        response.writeHead(500).end();
        return;
      }
      deliveries.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: String(request.headers['stripe-signature']),
      });
      response.writeHead(200).end('{}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/hooks`, deliveries, attempts: () => attempts });
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for webhook deliveries');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Stripe sandbox webhooks', () => {
  let sandbox: RunningSandbox;
  let stripe: Stripe;

  before(async () => {
    sandbox = await startTestSandbox();
    stripe = new Stripe('sk_test_concord', {
      host: '127.0.0.1',
      port: Number(new URL(sandbox.urls.stripe).port),
      protocol: 'http',
    });
    await admin(sandbox.urls.stripe, 'PUT', 'limits', { ratePerSecond: 10_000, webhookRetryDelayMs: 30 });
  });

  after(async () => sandbox.close());

  it('signs deliveries so constructEvent verifies them, and retries failed deliveries', async () => {
    const hook = await receiver(2);
    try {
      const endpoint = await stripe.webhookEndpoints.create({
        url: hook.url,
        enabled_events: ['customer.created', 'customer.updated'],
      });
      assert.match(endpoint.secret ?? '', /^whsec_/);
      const customer = await stripe.customers.create({ name: 'Hooked' });
      await stripe.customers.update(customer.id, { name: 'Hooked again' });
      await stripe.products.create({ name: 'Not subscribed' });
      await waitFor(() => hook.deliveries.length >= 2);
      const events = hook.deliveries.map((delivery) =>
        stripe.webhooks.constructEvent(delivery.body, delivery.signature, endpoint.secret ?? ''),
      );
      assert.deepEqual(events.map((event) => event.type).sort(), ['customer.created', 'customer.updated']);
      const updated = events.find((event) => event.type === 'customer.updated');
      assert.equal((updated?.data.object as Stripe.Customer).name, 'Hooked again');
      assert.deepEqual(updated?.data.previous_attributes, { name: 'Hooked' });
      assert.throws(() =>
        stripe.webhooks.constructEvent(
          hook.deliveries[0]?.body ?? '',
          hook.deliveries[0]?.signature ?? '',
          'whsec_wrong',
        ),
      );
      assert.ok(hook.attempts() >= 4);
      const log = await admin<{ records: { status: number | null; attempt: number }[] }>(
        sandbox.urls.stripe,
        'GET',
        'records/webhook_deliveries',
      );
      assert.ok(log.records.some((attempt) => attempt.status === 500));
      assert.ok(log.records.some((attempt) => attempt.status === 200 && attempt.attempt > 1));
    } finally {
      hook.server.close();
    }
  });

  it('lists events newest first and filters them by type', async () => {
    const customer = await stripe.customers.create({ name: 'Evented' });
    const events = await stripe.events.list({ type: 'customer.created', limit: 5 });
    const first = events.data[0];
    assert.ok(first);
    assert.equal(first.type, 'customer.created');
    const object: { id?: string } = first.data.object;
    assert.equal(object.id, customer.id);
    const retrieved = await stripe.events.retrieve(first.id);
    assert.equal(retrieved.id, first.id);
  });
});
