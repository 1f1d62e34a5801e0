import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { isAxiosError } from 'axios';
import { EXTERNAL_CALLS_TOTAL } from './call-metrics.service.js';
import {
  isolatedTarget,
  metricValue,
  sendJson,
  startTestServer,
  type TestHandler,
  type TestServer,
} from './test-server.util.js';
import { CircuitOpenError } from './upstream.exception.js';
import { createVendorClient, type VendorClient, type VendorClientOptions } from './vendor.client.js';

const opened: { close(): unknown }[] = [];
after(() => Promise.all(opened.map((resource) => resource.close())));

async function setup(
  handler: TestHandler,
  options: Partial<VendorClientOptions> = {},
): Promise<{ server: TestServer; vendor: VendorClient } & ReturnType<typeof isolatedTarget>> {
  const target = isolatedTarget();
  const server = await startTestServer(handler);
  const vendor = createVendorClient({ ...target, baseUrl: `${server.url}/v1`, ...options });
  opened.push(vendor, server);
  return { ...target, server, vendor };
}

void describe('createVendorClient', () => {
  void it('makes ordinary axios calls with hook headers and labels them by operation', async () => {
    let token = 0;
    const { server, vendor, registry, system } = await setup(
      (request, response) => sendJson(response, 200, { echo: JSON.parse(request.body) as unknown }),
      { headers: () => ({ authorization: `Bearer token-${++token}`, 'x-correlation-id': 'corr-7' }) },
    );

    const response = await vendor.instance.post<{ echo: unknown }>(
      '/customers',
      { name: 'Acme' },
      { operation: 'customers.create', headers: { 'x-correlation-id': 'explicit' } },
    );

    assert.deepEqual(response.data, { echo: { name: 'Acme' } });
    const [received] = server.received;
    assert.equal(received?.url.pathname, '/v1/customers');
    assert.equal(received?.headers.authorization, 'Bearer token-1');
    assert.equal(received?.headers['x-correlation-id'], 'explicit');
    const labels = { system, operation: 'customers.create', status: '200' };
    assert.equal(await metricValue(registry, EXTERNAL_CALLS_TOTAL, labels), 1);
  });

  void it('retries a 503 and asks the headers hook again for every attempt', async () => {
    let token = 0;
    const { server, vendor } = await setup(
      (_request, response, call) =>
        call === 1 ? sendJson(response, 503, {}) : sendJson(response, 200, { id: 'cus_1' }),
      { headers: () => ({ authorization: `Bearer token-${++token}` }) },
    );

    const response = await vendor.instance.get<{ id: string }>('/customers/cus_1', {
      operation: 'customers.get',
    });

    assert.equal(response.data.id, 'cus_1');
    assert.deepEqual(
      server.received.map((request) => request.headers.authorization),
      ['Bearer token-1', 'Bearer token-2'],
    );
  });

  void it('rejects a 422 with the axios error and its response, without retrying', async () => {
    const vendorBody = [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Tax ID required' }];
    const { server, vendor } = await setup((_request, response) => sendJson(response, 422, vendorBody));

    const failure = await vendor.instance
      .get('/accounts/1', { operation: 'accounts.get' })
      .catch((e: unknown) => e);

    assert.ok(isAxiosError(failure));
    assert.equal(failure.response?.status, 422);
    assert.deepEqual(failure.response?.data, vendorBody);
    assert.equal(server.received.length, 1);
  });

  void it('retries a POST carrying an Idempotency-Key, but not a plain POST after a timeout', async () => {
    const keyed = await setup((_request, response, call) =>
      call < 3 ? sendJson(response, 503, {}) : sendJson(response, 200, { id: 'sub_1' }),
    );
    const plain = await setup(() => undefined, { timeoutMs: 100 });

    const created = await keyed.vendor.instance.post(
      '/subscriptions',
      {},
      { headers: { 'Idempotency-Key': 'flow-1' } },
    );
    const failure = await plain.vendor.instance
      .post('/subscriptions', {}, { operation: 'subscriptions.create' })
      .catch((e: unknown) => e);

    assert.equal(created.status, 200);
    assert.equal(keyed.server.received.length, 3);
    assert.ok(isAxiosError(failure));
    assert.equal(failure.code, 'ETIMEDOUT');
    assert.equal(plain.server.received.length, 1);
    const labels = { system: plain.system, operation: 'subscriptions.create', status: 'timeout' };
    assert.equal(await metricValue(plain.registry, EXTERNAL_CALLS_TOTAL, labels), 1);
  });

  void it('refuses calls with CircuitOpenError once the breaker is open', async () => {
    const { server, vendor, registry, system } = await setup(
      (_request, response) => sendJson(response, 500, {}),
      {
        retries: 0,
        breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
      },
    );
    const call = () => vendor.instance.get('/items', { operation: 'items.list' });

    await assert.rejects(call(), isAxiosError);
    await assert.rejects(call(), isAxiosError);
    await assert.rejects(call(), CircuitOpenError);

    assert.equal(server.received.length, 2);
    const labels = { system, operation: 'items.list', status: 'circuit_open' };
    assert.equal(await metricValue(registry, EXTERNAL_CALLS_TOTAL, labels), 1);
  });
});
