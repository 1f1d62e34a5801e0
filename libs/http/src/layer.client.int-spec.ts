import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { EXTERNAL_CALL_DURATION, EXTERNAL_CALLS_TOTAL } from './call-metrics.service.js';
import { createLayerClient, type LayerClient, type LayerClientOptions } from './layer.client.js';
import {
  isolatedTarget,
  metricValue,
  refusedUrl,
  sendJson,
  startTestServer,
  type TestHandler,
  type TestServer,
} from './test-server.util.js';
import { CircuitOpenError, UpstreamHttpError, UpstreamUnavailableError } from './upstream.exception.js';

const opened: { close(): Promise<void> }[] = [];
after(() => Promise.all(opened.map((resource) => resource.close())));

async function setup(
  handler: TestHandler,
  options: Partial<LayerClientOptions> = {},
): Promise<{ server: TestServer; client: LayerClient } & ReturnType<typeof isolatedTarget>> {
  const target = isolatedTarget();
  const server = await startTestServer(handler);
  const client = createLayerClient({ ...target, baseUrl: server.url, ...options });
  opened.push(client, server);
  return { ...target, server, client };
}

const ok: TestHandler = (_request, response) => sendJson(response, 200, { ok: true });

void describe('createLayerClient', () => {
  void it('sends JSON with hook headers and an encoded query, and parses the JSON answer', async () => {
    const { server, client } = await setup(
      (request, response) => sendJson(response, 201, JSON.parse(request.body)),
      {
        headers: () =>
          Promise.resolve({ 'x-correlation-id': 'corr-123', authorization: 'Bearer hook-token' }),
      },
    );
    const order = { id: 'c-1', lines: [{ sku: 'A', qty: 2 }], note: 'ünïcode & co' };

    const answer = await client.request<typeof order>({
      method: 'POST',
      path: '/v1/orders',
      query: { q: 'a b&c=d', tag: ['x', 'y'], limit: 10, skip: undefined },
      body: order,
      headers: { Authorization: 'Bearer explicit' },
      operation: 'orders.create',
    });

    assert.equal(answer.status, 201);
    assert.deepEqual(answer.body, order);
    const [received] = server.received;
    assert.equal(received?.method, 'POST');
    assert.equal(received?.url.pathname, '/v1/orders');
    assert.equal(received?.url.searchParams.get('q'), 'a b&c=d');
    assert.deepEqual(received?.url.searchParams.getAll('tag'), ['x', 'y']);
    assert.equal(received?.url.searchParams.get('limit'), '10');
    assert.equal(received?.url.searchParams.has('skip'), false);
    assert.equal(received?.headers['x-correlation-id'], 'corr-123');
    assert.equal(received?.headers.authorization, 'Bearer explicit');
    assert.equal(received?.headers['content-type'], 'application/json');
  });

  void it('keeps the path prefix of the base URL', async () => {
    const target = isolatedTarget();
    const server = await startTestServer(ok);
    const client = createLayerClient({ ...target, baseUrl: `${server.url}/api/` });
    opened.push(client, server);

    await client.request({ method: 'GET', path: '/v1/customers/7', operation: 'customers.get' });

    assert.equal(server.received[0]?.url.pathname, '/api/v1/customers/7');
  });

  void it('retries a 503 and returns the later success, counting every attempt', async () => {
    const { server, client, registry, system } = await setup((_request, response, call) =>
      call < 3
        ? sendJson(response, 503, { error: { code: 'UNAVAILABLE' } })
        : sendJson(response, 200, { id: 9 }),
    );

    const answer = await client.request<{ id: number }>({ method: 'GET', path: '/v1/x', operation: 'x.get' });

    assert.deepEqual(answer.body, { id: 9 });
    assert.equal(server.received.length, 3);
    const labels = { system, operation: 'x.get' };
    assert.equal(await metricValue(registry, EXTERNAL_CALLS_TOTAL, { ...labels, status: '503' }), 2);
    assert.equal(await metricValue(registry, EXTERNAL_CALLS_TOTAL, { ...labels, status: '200' }), 1);
    assert.equal(
      await metricValue(registry, EXTERNAL_CALL_DURATION, labels, `${EXTERNAL_CALL_DURATION}_count`),
      3,
    );
  });

  for (const status of [400, 422]) {
    void it(`passes a ${status} through as UpstreamHttpError without retrying`, async () => {
      const envelope = { error: { code: 'VALIDATION_FAILED', message: 'taxId is invalid', details: [] } };
      const { server, client, registry, system } = await setup((_request, response) =>
        sendJson(response, status, envelope, { 'x-correlation-id': 'corr-9' }),
      );

      const failure = await client
        .request({ method: 'PUT', path: '/v1/customers/1', body: {}, operation: 'customers.put' })
        .catch((error: unknown) => error);

      assert.ok(failure instanceof UpstreamHttpError);
      assert.equal(failure.status, status);
      assert.deepEqual(failure.body, envelope);
      assert.equal(failure.headers['x-correlation-id'], 'corr-9');
      assert.equal(failure.system, system);
      assert.equal(failure.operation, 'customers.put');
      assert.equal(failure.retryable, false);
      assert.equal(server.received.length, 1);
      const labels = { system, operation: 'customers.put', status: String(status) };
      assert.equal(await metricValue(registry, EXTERNAL_CALLS_TOTAL, labels), 1);
    });
  }

  void it('waits for Retry-After before retrying', async () => {
    const { server, client } = await setup((_request, response, call) =>
      call === 1 ? sendJson(response, 429, {}, { 'retry-after': '1' }) : sendJson(response, 200, {}),
    );
    const started = Date.now();

    await client.request({ method: 'GET', path: '/v1/x', operation: 'x.get' });

    assert.ok(Date.now() - started >= 1000, `retried after ${Date.now() - started} ms`);
    assert.equal(server.received.length, 2);
  });

  void it('leaves a Retry-After above the configured wait to the caller', async () => {
    const { server, client } = await setup(
      (_request, response) => sendJson(response, 503, {}, { 'retry-after': '120' }),
      { backoff: { maxRetryAfterMs: 1000 } },
    );

    const failure = await client
      .request({ method: 'GET', path: '/v1/x', operation: 'x.get' })
      .catch((e: unknown) => e);

    assert.ok(failure instanceof UpstreamHttpError);
    assert.equal(failure.retryable, true);
    assert.equal(failure.retryAfterMs, 120_000);
    assert.equal(server.received.length, 1);
  });

  void it('never repeats a POST without idempotency key after a timeout', async () => {
    const { server, client, registry, system } = await setup(() => undefined, { timeoutMs: 100 });

    const failure = await client
      .request({
        method: 'POST',
        path: '/v1/customers',
        body: { name: 'Acme' },
        operation: 'customers.create',
      })
      .catch((error: unknown) => error);

    assert.ok(failure instanceof UpstreamUnavailableError);
    assert.equal(failure.reason, 'timeout');
    assert.equal(server.received.length, 1);
    const labels = { system, operation: 'customers.create', status: 'timeout' };
    assert.equal(await metricValue(registry, EXTERNAL_CALLS_TOTAL, labels), 1);
  });

  void it('retries an idempotent GET after a timeout', async () => {
    const { server, client } = await setup(
      (request, response, call) => (call === 1 ? undefined : ok(request, response, call)),
      {
        timeoutMs: 100,
      },
    );

    const answer = await client.request({ method: 'GET', path: '/v1/x', operation: 'x.get' });

    assert.equal(answer.status, 200);
    assert.equal(server.received.length, 2);
  });

  void it('retries a 503 on POST only when it carries an Idempotency-Key', async () => {
    const failing: TestHandler = (_request, response) => sendJson(response, 503, {});
    const plain = await setup(failing, { retries: 2 });
    const keyed = await setup(failing, { retries: 2 });
    const body = { amount: 100 };

    await assert.rejects(
      plain.client.request({ method: 'POST', path: '/v1/pay', body, operation: 'pay' }),
      UpstreamHttpError,
    );
    await assert.rejects(
      keyed.client.request({
        method: 'POST',
        path: '/v1/pay',
        body,
        operation: 'pay',
        headers: { 'Idempotency-Key': 'k-1' },
      }),
      UpstreamHttpError,
    );

    assert.equal(plain.server.received.length, 1);
    assert.equal(keyed.server.received.length, 3);
  });

  void it('retries a refused connection even for a POST and labels it network_error', async () => {
    const target = isolatedTarget();
    const client = createLayerClient({ ...target, baseUrl: await refusedUrl(), retries: 2 });
    opened.push(client);

    const failure = await client
      .request({ method: 'POST', path: '/v1/customers', body: {}, operation: 'customers.create' })
      .catch((error: unknown) => error);

    assert.ok(failure instanceof UpstreamUnavailableError);
    assert.equal(failure.reason, 'network_error');
    assert.equal(failure.code, 'ECONNREFUSED');
    const labels = { system: target.system, operation: 'customers.create', status: 'network_error' };
    assert.equal(await metricValue(target.registry, EXTERNAL_CALLS_TOTAL, labels), 3);
  });

  void it('opens the shared breaker after consecutive failures, refuses without calling, then half-opens', async () => {
    const breaker = { consecutiveFailures: 3, halfOpenAfterMs: 300 };
    const { server, client, registry, system } = await setup(
      (_request, response) => sendJson(response, 503, {}),
      {
        retries: 0,
        breaker,
      },
    );
    const sibling = createLayerClient({ system, registry, baseUrl: server.url, retries: 0, breaker });
    opened.push(sibling);
    const get = (on: LayerClient) => on.request({ method: 'GET', path: '/v1/x', operation: 'x.get' });

    for (let i = 0; i < 3; i += 1) await assert.rejects(get(client), UpstreamHttpError);
    await assert.rejects(get(client), CircuitOpenError);
    await assert.rejects(get(sibling), CircuitOpenError);

    assert.equal(server.received.length, 3);
    assert.equal(
      await metricValue(registry, EXTERNAL_CALLS_TOTAL, {
        system,
        operation: 'x.get',
        status: 'circuit_open',
      }),
      2,
    );

    server.handle(ok);
    await new Promise((resolve) => setTimeout(resolve, 350));
    assert.equal((await get(sibling)).status, 200);
    assert.equal((await get(client)).status, 200);
    assert.equal(server.received.length, 5);
  });

  // A Concord app answers 500 only for a fault of the one request: five of those must not shut out every caller.
  for (const status of [404, 500]) {
    void it(`does not hold ${status} answers against the breaker`, async () => {
      const { server, client } = await setup((_request, response) => sendJson(response, status, {}), {
        retries: 0,
        breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
      });

      for (let i = 0; i < 4; i += 1) {
        await assert.rejects(
          client.request({ method: 'GET', path: '/v1/x', operation: 'x.get' }),
          UpstreamHttpError,
        );
      }

      assert.equal(server.received.length, 4);
    });
  }
});
