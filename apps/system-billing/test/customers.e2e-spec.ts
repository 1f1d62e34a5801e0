import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CustomerChangeDto,
  type CustomerChangePageDto,
  type CustomerRecordV1,
  type CustomerV1,
  type ErrorEnvelope,
  type UpsertOutcomeDto,
} from '@concord/contracts';
import { type CustomerBatchResponseDto } from '@concord/contracts';
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

// Read by the app's own config at boot: a short SDK timeout for the lost-answer cases, and a rate
// ceiling that lets a 150-item batch finish quickly (the sandbox limit is raised to match below).
process.env.STRIPE_TIMEOUT_MS = '1500';
process.env.STRIPE_MAX_RPS = '400';

interface StripeCustomerRecord {
  id: string;
  name: string | null;
  metadata: Record<string, string>;
}

const customer = (name: string): CustomerV1 => ({
  name,
  country: 'DE',
  currency: 'EUR',
  taxId: 'DE136695976',
  email: 'billing@contoso.example.com',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
});

describe('system-billing customer API against the Stripe sandbox', () => {
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
  const put = (concordId: string, body: CustomerV1, key = `key-${randomUUID()}`) =>
    call<UpsertOutcomeDto>('PUT', `/v1/customers/${concordId}`, body, { 'idempotency-key': key });
  const stripeCustomersOf = async (concordId: string): Promise<StripeCustomerRecord[]> => {
    const { records } = await sandboxAdmin<{ records: StripeCustomerRecord[] }>(
      stripe(),
      'GET',
      'records/customers',
    );
    return records.filter((record) => record.metadata.concord_id === concordId);
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

  it('creates (201) then updates (200) one Stripe customer, and reads it back', async () => {
    const id = randomUUID();
    const created = await put(id, customer('Contoso GmbH'));
    assert.equal(created.status, 201);
    assert.equal(created.body.created, true);
    assert.match(created.body.externalId, /^cus_/);
    const updated = await put(id, { ...customer('Contoso Deutschland GmbH'), phone: '+49 30 1234567' });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.externalId, created.body.externalId);
    const stored = await stripeCustomersOf(id);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.name, 'Contoso Deutschland GmbH');
    const read = await call<CustomerRecordV1>('GET', `/v1/customers/${id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.concordId, id);
    assert.equal(read.body.externalId, created.body.externalId);
    assert.equal(read.body.phone, '+49 30 1234567');
    assert.equal(read.body.taxId, 'DE136695976');
    assert.deepEqual(read.body.address, { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' });
  });

  it('replays the same Idempotency-Key, refuses it with another body', async () => {
    const id = randomUUID();
    const key = `key-${randomUUID()}`;
    const first = await put(id, customer('Replay AG'), key);
    const second = await put(id, customer('Replay AG'), key);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal((await stripeCustomersOf(id)).length, 1);
    const reused = (await put(id, customer('Other AG'), key)) as unknown as {
      body: ErrorEnvelope;
      status: number;
    };
    assert.equal(reused.status, 422);
    assert.equal(reused.body.error.code, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON (the raw-body parser keeps the usual envelope)', async () => {
    const response = await fetch(`${stack.url('system-billing')}/v1/customers/${randomUUID()}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `key-${randomUUID()}`,
      },
      body: '{"name": ',
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as ErrorEnvelope).error.code, 'MALFORMED_JSON');
  });

  it('answers 404 for an unknown customer and 400 for a malformed ID', async () => {
    const missing = await call('GET', `/v1/customers/${randomUUID()}`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'NOT_FOUND');
    const malformed = await call('GET', '/v1/customers/not-a-uuid');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.details[0]?.path, 'concordId');
  });

  it('turns a Stripe validation error into 422 with canonical field paths', async () => {
    await fault({
      route: 'POST /v1/customers',
      status: 400,
      body: {
        error: {
          type: 'invalid_request_error',
          code: 'postal_code_invalid',
          message: 'Invalid postal code for DE',
          param: 'address[postal_code]',
        },
      },
    });
    const id = randomUUID();
    const rejected = (await put(id, customer('Rejected GmbH'))) as unknown as {
      body: ErrorEnvelope;
      status: number;
    };
    assert.equal(rejected.status, 422);
    assert.equal(rejected.body.error.code, 'UPSTREAM_REJECTED');
    assert.deepEqual(rejected.body.error.details, [
      { path: 'address.postalCode', message: 'Invalid postal code for DE' },
    ]);
    assert.equal((await stripeCustomersOf(id)).length, 0);
  });

  it('turns a Stripe 429 into 429 with Retry-After and a zero quota gauge', async () => {
    await fault({ route: 'POST /v1/customers', status: 429 });
    const throttled = (await put(randomUUID(), customer('Busy GmbH'))) as unknown as {
      body: ErrorEnvelope;
      status: number;
      headers: Headers;
    };
    assert.equal(throttled.status, 429);
    assert.equal(throttled.body.error.code, 'RATE_LIMITED');
    assert.equal(throttled.headers.get('retry-after'), '1');
    const metrics = await (await fetch(`${stack.url('system-billing')}/metrics`)).text();
    assert.match(metrics, /concord_external_quota_remaining\{[^}]*system="stripe"[^}]*\} 0\b/);
    assert.match(metrics, /concord_external_calls_total\{[^}]*status="429"[^}]*\}/);
  });

  for (const lost of [{ reset: true }, { hang: true }]) {
    it(`ends with one Stripe customer when the create answer is lost (${Object.keys(lost)[0]})`, async () => {
      await fault({ route: 'POST /v1/customers', phase: 'after', ...lost });
      const id = randomUUID();
      const key = `key-${randomUUID()}`;
      const first = await put(id, customer('Lost Answer GmbH'), key);
      assert.equal(first.status, 201);
      const retried = await put(id, customer('Lost Answer GmbH'), key);
      assert.equal(retried.status, 201);
      assert.equal(retried.body.externalId, first.body.externalId);
      const stored = await stripeCustomersOf(id);
      assert.equal(stored.length, 1);
      assert.equal(stored[0]?.id, first.body.externalId);
    });
  }

  it('validates batch size and writes a 150-item batch with one create and one search per item', async () => {
    const items = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        concordId: randomUUID(),
        customer: customer(`Batch ${index}`),
      }));
    const tooLarge = await call('POST', '/v1/customers/batch', { items: items(250) });
    assert.equal(tooLarge.status, 400);
    const batch = items(150);
    await sandboxAdmin(stripe(), 'DELETE', 'calls');
    const result = await call<CustomerBatchResponseDto>('POST', '/v1/customers/batch', { items: batch });
    assert.equal(result.status, 200);
    assert.equal(result.body.results.length, 150);
    assert.deepEqual(
      result.body.results.map((item) => [item.concordId, item.ok]),
      batch.map((item) => [item.concordId, true]),
    );
    const calls = await sandboxAdmin<{ routes: Record<string, number> }>(stripe(), 'GET', 'calls');
    assert.equal(calls.routes['POST /v1/customers'], 150);
    assert.equal(calls.routes['GET /v1/customers/search'], 150);
    const { records } = await sandboxAdmin<{ records: StripeCustomerRecord[] }>(
      stripe(),
      'GET',
      'records/customers',
    );
    const ids = new Set<string>(batch.map((item) => item.concordId));
    assert.equal(records.filter((record) => ids.has(record.metadata.concord_id ?? '')).length, 150);
  });

  it('feeds every change once across pages, with writes between pages and a deletion made in Stripe', async () => {
    const readAll = async (cursor: string | undefined, limit: number, pages: CustomerChangeDto[][]) => {
      let next = cursor;
      for (;;) {
        const query = new URLSearchParams({ limit: String(limit), ...(next ? { cursor: next } : {}) });
        const page = await call<CustomerChangePageDto>('GET', `/v1/customers/changes?${query.toString()}`);
        assert.equal(page.status, 200);
        const body = page.body;
        if (body.changes.length > 0) pages.push(body.changes);
        next = body.nextCursor;
        if (!body.hasMore) return next;
      }
    };
    await sleep(1100);
    const start = await readAll(undefined, 2000, []);
    const ids: string[] = Array.from({ length: 5 }, () => randomUUID());
    const external: string[] = [];
    for (const id of ids) external.push((await put(id, customer(`Feed ${id}`))).body.externalId);
    await sleep(1100);

    const pages: CustomerChangeDto[][] = [];
    const first = await call<CustomerChangePageDto>('GET', `/v1/customers/changes?limit=2&cursor=${start}`);
    pages.push(first.body.changes);
    const late = randomUUID();
    ids.push(late);
    external.push((await put(late, customer('Feed late'))).body.externalId);
    const deleted = await fetch(`${stripe()}/v1/customers/${external[0]}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer sk_test_concord' },
    });
    assert.equal(deleted.status, 200);
    await sleep(1100);
    await readAll(first.body.nextCursor, 2, pages);

    assert.ok(pages.length >= 3, `expected at least 3 pages, got ${pages.length}`);
    const changes = pages.flat();
    for (const [index, id] of ids.entries()) {
      const upserts = changes.filter(
        (change) => change.kind === 'upsert' && change.externalId === external[index],
      );
      assert.equal(upserts.length, 1, `one upsert for ${id}`);
      assert.equal(upserts[0]?.concordId, id);
      assert.equal(upserts[0]?.record?.name, index === 5 ? 'Feed late' : `Feed ${id}`);
    }
    const deletes = changes.filter((change) => change.kind === 'delete' && change.externalId === external[0]);
    assert.equal(deletes.length, 1);
    assert.equal(deletes[0]?.concordId, ids[0]);
    const malformed = await call('GET', '/v1/customers/changes?cursor=not-a-cursor');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.details[0]?.path, 'cursor');
  });
});
