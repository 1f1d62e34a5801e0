import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { type RunningSandbox } from '../src/sandbox.server.js';
import { admin, requestJson, startTestSandbox } from './sandbox-test.util.js';

// Stripe's published example objects, shared next to the repository (see ../shared/data/README.md).
const FIXTURES = fileURLToPath(
  new URL('../../../../../shared/data/vendor/stripe-fixtures3.json', import.meta.url),
);

type Json = Record<string, unknown>;

describe(
  'Stripe sandbox objects have the shape of Stripe fixtures',
  { skip: !existsSync(FIXTURES) && 'fixtures not available' },
  () => {
    let sandbox: RunningSandbox;
    let resources: Record<string, Json>;
    const objects: Record<string, Json> = {};

    const post = async (path: string, form: Record<string, string>): Promise<Json> => {
      const response = await requestJson<Json>(`${sandbox.urls.stripe}${path}`, {
        headers: {
          authorization: 'Bearer sk_test_concord',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(form).toString(),
      });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    };
    const get = async (path: string): Promise<Json> =>
      (
        await requestJson<Json>(`${sandbox.urls.stripe}${path}`, {
          headers: { authorization: 'Bearer sk_test_concord' },
        })
      ).body;

    before(async () => {
      resources = (JSON.parse(readFileSync(FIXTURES, 'utf8')) as { resources: Record<string, Json> })
        .resources;
      sandbox = await startTestSandbox();
      await admin(sandbox.urls.stripe, 'PUT', 'limits', { ratePerSecond: 10_000 });
      const customer = await post('/v1/customers', { name: 'Shape' });
      const product = await post('/v1/products', { name: 'Shape product' });
      const price = await post('/v1/prices', {
        product: String(product.id),
        currency: 'usd',
        unit_amount: '100',
        'recurring[interval]': 'month',
      });
      const subscription = await post('/v1/subscriptions', {
        customer: String(customer.id),
        'items[0][price]': String(price.id),
      });
      const invoice = await get(`/v1/invoices/${String(subscription.latest_invoice)}`);
      const draft = await post('/v1/invoices', { customer: String(customer.id) });
      const invoiceItem = await post('/v1/invoiceitems', {
        customer: String(customer.id),
        invoice: String(draft.id),
        amount: '500',
        currency: 'usd',
      });
      const endpoint = await post('/v1/webhook_endpoints', {
        url: 'https://example.com/hook',
        'enabled_events[0]': 'customer.created',
      });
      const events = await get('/v1/events?limit=1');
      const deletedCustomer = (
        await requestJson<Json>(`${sandbox.urls.stripe}/v1/customers/${String(customer.id)}`, {
          method: 'DELETE',
          headers: { authorization: 'Bearer sk_test_concord' },
        })
      ).body;
      const items = subscription.items as { data: Json[] };
      const lines = invoice.lines as { data: Json[] };
      Object.assign(objects, {
        customer,
        product,
        price,
        subscription,
        subscription_item: items.data[0],
        plan: items.data[0]?.plan,
        invoice,
        line_item: lines.data[0],
        invoiceitem: invoiceItem,
        webhook_endpoint: await get(`/v1/webhook_endpoints/${String(endpoint.id)}`),
        event: (events.data as Json[])[0],
        deleted_customer: deletedCustomer,
      });
    });

    after(async () => sandbox?.close());

    for (const name of [
      'customer',
      'product',
      'price',
      'subscription',
      'subscription_item',
      'plan',
      'invoice',
      'line_item',
      'invoiceitem',
      'webhook_endpoint',
      'event',
      'deleted_customer',
    ]) {
      it(`${name} has exactly the fixture's top-level fields`, () => {
        const fixture = resources[name];
        assert.ok(fixture, `no fixture for ${name}`);
        assert.deepEqual(Object.keys(objects[name] ?? {}).sort(), Object.keys(fixture).sort());
      });
    }
  },
);
