import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { uniqueId } from '@concord/testing';
import { SYSTEM_ERP_APP } from '../src/system-erp.module.js';
import { serviceToken } from '../../../test/support/credentials.js';
import {
  businessCentralToken,
  type RunningSandbox,
  sandboxAdmin,
  sandboxEnv,
  startTestSandbox,
} from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';

const CRONUS_INTERNATIONAL = '9c4e1a2b-3d5f-4a6b-8c7d-2e3f4a5b6c71';
const CRONUS_AG = 'b2f7c9d1-6e4a-4b8c-9d2e-3f4a5b6c7d82';
const BC_API = '/v2.0/concord/sandbox/api/v2.0';

interface Envelope {
  error: { code: string; details: Array<{ path?: string }> };
}
interface Outcome {
  externalId: string;
  created: boolean;
  sourceVersion: string;
}
interface ProductRecord {
  sku: string;
  name: string;
  type: string;
  active: boolean;
  unitPrice?: { amountMinor: number; currency: string };
  unitOfMeasure?: string;
  externalId: string;
  sourceVersion: string;
}
interface Change {
  kind: 'upsert' | 'delete';
  sku: string;
  externalId: string;
  sourceVersion: string;
  record?: ProductRecord;
}
interface ChangePage {
  changes: Change[];
  nextCursor: string;
  hasMore: boolean;
}
interface BcItemRecord {
  id: string;
  companyId: string;
  number: string;
  displayName: string;
  type: string;
  blocked: boolean;
  unitPrice: number;
  baseUnitOfMeasureCode: string;
}

const newSku = () => uniqueId('SKU-').slice(0, 20).toUpperCase();
const product = (sku: string, amountMinor = 4999, currency = 'GBP') => ({
  sku,
  name: `Gold support ${sku}`,
  type: 'service',
  active: true,
  unitPrice: { amountMinor, currency },
  recurring: { interval: 'month', intervalCount: 1 },
  unitOfMeasure: 'MONTH',
});

/** Boots system-erp with extra ERP settings (the ERP config is read from the process environment). */
async function bootWith(sandbox: RunningSandbox, erpEnv: Record<string, string>): Promise<Stack> {
  const saved = Object.fromEntries(Object.keys(erpEnv).map((name) => [name, process.env[name]]));
  Object.assign(process.env, erpEnv);
  try {
    return await bootStack([SYSTEM_ERP_APP], sandboxEnv(sandbox));
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('system-erp products on the Business Central sandbox', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let yenStack: Stack;
  let auth: string;
  let bc: string;

  before(async () => {
    sandbox = await startTestSandbox();
    bc = sandbox.urls.businessCentral;
    stack = await bootStack([SYSTEM_ERP_APP], sandboxEnv(sandbox));
    // A ledger kept in yen: products live in CRONUS AG, configured with JPY as its local currency.
    yenStack = await bootWith(sandbox, {
      ERP_PRODUCT_COMPANY: 'CRONUS AG',
      ERP_COMPANY_LOCAL_CURRENCY: JSON.stringify({
        'CRONUS USA, Inc.': 'USD',
        'CRONUS International Ltd.': 'GBP',
        'CRONUS AG': 'JPY',
      }),
    });
    auth = `Bearer ${await serviceToken('system')}`;
  });

  after(async () => {
    await yenStack.close();
    await stack.close();
    await sandbox.close();
  });

  const call = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    on: Stack = stack,
  ) =>
    fetch(`${on.url('system-erp')}${path}`, {
      method,
      headers: {
        authorization: auth,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  const put = (sku: string, body: unknown, key = uniqueId('key-'), on: Stack = stack) =>
    call('PUT', `/v1/products/${encodeURIComponent(sku)}`, body, { 'idempotency-key': key }, on);
  const itemsOf = async (sku: string) =>
    (await sandboxAdmin<{ records: BcItemRecord[] }>(bc, 'GET', 'records/items')).records.filter(
      (record) => record.number === sku,
    );
  const fault = (body: Record<string, unknown>) => sandboxAdmin(bc, 'POST', 'faults', body);

  it('creates then replaces one item (201 then 200) and reads it back', async () => {
    const sku = newSku();
    const created = await put(sku, product(sku));
    assert.equal(created.status, 201);
    const first = (await created.json()) as Outcome;
    assert.equal(first.created, true);
    assert.ok(first.externalId.startsWith(`${CRONUS_INTERNATIONAL}:`));
    const updated = await put(sku, { ...product(sku), name: 'Platinum support', type: 'non_inventory' });
    assert.equal(updated.status, 200);
    assert.equal(((await updated.json()) as Outcome).externalId, first.externalId);
    const items = await itemsOf(sku);
    assert.equal(items.length, 1);
    assert.equal(items[0]?.displayName, 'Platinum support');
    assert.equal(items[0]?.type, 'Non-Inventory');
    assert.equal(items[0]?.unitPrice, 49.99);
    const read = await call('GET', `/v1/products/${sku}`);
    assert.equal(read.status, 200);
    const record = (await read.json()) as ProductRecord & { recurring?: unknown };
    assert.equal(record.externalId, first.externalId);
    assert.equal(record.name, 'Platinum support');
    assert.equal(record.type, 'non_inventory');
    assert.equal(record.active, true);
    assert.deepEqual(record.unitPrice, { amountMinor: 4999, currency: 'GBP' });
    assert.equal(record.unitOfMeasure, 'MONTH');
    assert.equal(record.recurring, undefined);
  });

  it('replays a repeated Idempotency-Key and refuses it with another body', async () => {
    const sku = newSku();
    const key = uniqueId('key-');
    const first = await put(sku, product(sku), key);
    const again = await put(sku, product(sku), key);
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.deepEqual(await again.json(), await first.json());
    assert.equal((await itemsOf(sku)).length, 1);
    const reused = await put(sku, { ...product(sku), name: 'Another name' }, key);
    assert.equal(reused.status, 422);
    assert.equal(((await reused.json()) as Envelope).error.code, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 404 for an unknown SKU and 400 for a malformed or mismatched one', async () => {
    const missing = newSku();
    assert.equal((await call('GET', `/v1/products/${missing}`)).status, 404);
    assert.equal((await call('POST', `/v1/products/${missing}/deactivate`)).status, 404);
    const malformed = await call('GET', `/v1/products/${encodeURIComponent('bad sku!')}`);
    assert.equal(malformed.status, 400);
    assert.equal(((await malformed.json()) as Envelope).error.details[0]?.path, 'sku');
    const sku = newSku();
    const mismatched = await put(sku, product(newSku()));
    assert.equal(mismatched.status, 400);
    assert.equal(((await mismatched.json()) as Envelope).error.details[0]?.path, 'sku');
    assert.equal((await itemsOf(sku)).length, 0);
  });

  it('maps vendor validation errors to 422 with canonical field paths', async () => {
    await fault({
      route: 'POST /v2.0/*/items',
      status: 400,
      count: 1,
      body: {
        error: { code: 'Application_FieldValidationException', message: 'Unit Price must not be negative.' },
      },
    });
    const negative = newSku();
    const rejected = await put(negative, product(negative));
    assert.equal(rejected.status, 422);
    const body = (await rejected.json()) as Envelope;
    assert.equal(body.error.code, 'UPSTREAM_REJECTED');
    assert.deepEqual(
      body.error.details.map((detail) => detail.path),
      ['unitPrice.amountMinor'],
    );
    // Item numbers hold 20 characters; Business Central itself refuses a longer SKU.
    const longSku = `${newSku()}-${'L'.repeat(10)}`;
    const tooLong = await put(longSku, product(longSku));
    assert.equal(tooLong.status, 422);
    assert.equal(((await tooLong.json()) as Envelope).error.details[0]?.path, 'sku');
    // An item carries one price, in the company's local currency.
    const sku = newSku();
    const foreign = await put(sku, product(sku, 4999, 'EUR'));
    assert.equal(foreign.status, 422);
    assert.equal(((await foreign.json()) as Envelope).error.details[0]?.path, 'unitPrice.currency');
    assert.equal((await itemsOf(sku)).length, 0);
  });

  it('changes the price of an existing item', async () => {
    const sku = newSku();
    assert.equal((await put(sku, product(sku, 4999))).status, 201);
    assert.equal((await put(sku, product(sku, 12_050))).status, 200);
    assert.equal((await itemsOf(sku))[0]?.unitPrice, 120.5);
    const record = (await (await call('GET', `/v1/products/${sku}`)).json()) as ProductRecord;
    assert.deepEqual(record.unitPrice, { amountMinor: 12_050, currency: 'GBP' });
  });

  it('deactivates an item idempotently by blocking it', async () => {
    const sku = newSku();
    assert.equal((await put(sku, product(sku))).status, 201);
    const first = await call('POST', `/v1/products/${sku}/deactivate`);
    assert.equal(first.status, 200);
    const record = (await first.json()) as ProductRecord;
    assert.equal(record.active, false);
    assert.equal(record.sku, sku);
    assert.equal((await itemsOf(sku))[0]?.blocked, true);
    const again = await call('POST', `/v1/products/${sku}/deactivate`);
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as ProductRecord).sourceVersion, record.sourceVersion);
    assert.equal((await itemsOf(sku)).length, 1);
  });

  it('looks the item up after a lost create answer and never creates twice', async () => {
    const sku = newSku();
    await fault({ route: 'POST /v2.0/*/items', phase: 'after', reset: true, count: 1 });
    const response = await put(sku, product(sku));
    assert.equal(response.status, 201);
    assert.equal((await itemsOf(sku)).length, 1);
    assert.equal((await put(sku, product(sku))).status, 200);
    assert.equal((await itemsOf(sku)).length, 1);
  });

  it('validates batch size and answers per item in input order', async () => {
    const many = Array.from({ length: 201 }, () => product(newSku()));
    assert.equal((await call('POST', '/v1/products/batch', { items: many })).status, 400);
    assert.equal((await call('POST', '/v1/products/batch', { items: [] })).status, 400);
    const existing = newSku();
    assert.equal((await put(existing, product(existing))).status, 201);
    const items = [
      product(newSku()),
      product(existing, 7_500),
      product(newSku(), 100, 'USD'),
      ...Array.from({ length: 9 }, () => product(newSku())),
    ];
    const response = await call('POST', '/v1/products/batch', { items });
    assert.equal(response.status, 200);
    const { results } = (await response.json()) as {
      results: Array<{
        sku: string;
        ok: boolean;
        outcome?: Outcome;
        error?: Envelope['error'] & { kind: string };
      }>;
    };
    assert.deepEqual(
      results.map((result) => result.sku),
      items.map((item) => item.sku),
    );
    assert.equal(results[0]?.outcome?.created, true);
    assert.equal(results[1]?.outcome?.created, false);
    assert.equal(results[2]?.ok, false);
    assert.equal(results[2]?.error?.kind, 'Rejected');
    assert.equal(results[2]?.error?.details[0]?.path, 'unitPrice.currency');
    assert.equal(results.filter((result) => result.ok).length, 11);
    assert.equal((await itemsOf(existing))[0]?.unitPrice, 75);
    for (const item of items.filter((_, index) => index !== 2))
      assert.equal((await itemsOf(item.sku)).length, 1, item.sku);
  });

  it('writes a batch through $batch, 100 items a request, and recovers a lost batch answer', async () => {
    const items = Array.from({ length: 150 }, () => product(newSku()));
    await sandboxAdmin(bc, 'DELETE', 'calls');
    const response = await call('POST', '/v1/products/batch', { items });
    assert.equal(response.status, 200);
    const { results } = (await response.json()) as { results: Array<{ ok: boolean }> };
    assert.equal(results.filter((result) => result.ok).length, 150);
    const { routes } = await sandboxAdmin<{ routes: Record<string, number> }>(bc, 'GET', 'calls');
    const batches = Object.entries(routes)
      .filter(([route]) => route.includes('$batch'))
      .reduce((sum, [, count]) => sum + count, 0);
    assert.equal(batches, 2, JSON.stringify(routes));
    const lost = Array.from({ length: 5 }, () => product(newSku()));
    await fault({ route: '/^POST .*\\$batch$/', phase: 'after', reset: true, count: 1 });
    const recovered = (await (await call('POST', '/v1/products/batch', { items: lost })).json()) as {
      results: Array<{ ok: boolean }>;
    };
    assert.ok(recovered.results.every((result) => result.ok));
    const { faults } = await sandboxAdmin<{ faults: Array<{ applied: number }> }>(bc, 'GET', 'faults');
    assert.equal(faults.at(-1)?.applied, 1, 'the batch answer was lost');
    for (const item of lost) assert.equal((await itemsOf(item.sku)).length, 1, item.sku);
  });

  it('pages the item change feed: every change once, late writes and vendor deletions included', async () => {
    let cursor = (await readAll(undefined)).cursor;
    const early = Array.from({ length: 7 }, () => product(newSku()));
    const batch = (await (await call('POST', '/v1/products/batch', { items: early })).json()) as {
      results: Array<{ outcome: Outcome }>;
    };
    const expected = new Set(batch.results.map((result) => result.outcome.externalId));
    const seen: Change[] = [];
    let pages = 0;
    let deleted = '';
    for (let hasMore = true; hasMore; pages += 1) {
      const page = await readChanges(cursor, 3);
      seen.push(...page.changes);
      cursor = page.nextCursor;
      hasMore = page.hasMore;
      if (pages === 0) {
        for (let index = 0; index < 2; index += 1) {
          const sku = newSku();
          expected.add(((await (await put(sku, product(sku))).json()) as Outcome).externalId);
        }
        deleted = [...expected][0] ?? '';
        await deleteInVendor(deleted);
      }
    }
    assert.ok(pages >= 3, `only ${pages} pages`);
    const upserts = seen.filter((change) => change.kind === 'upsert');
    for (const externalId of expected) {
      const count = upserts.filter((change) => change.externalId === externalId).length;
      if (externalId === deleted) assert.ok(count <= 1);
      else assert.equal(count, 1, `${externalId} delivered ${count} times`);
    }
    for (const change of upserts) {
      assert.equal(change.sku, change.record?.sku);
      assert.equal(change.record?.unitPrice?.currency, 'GBP');
    }
    assert.deepEqual(
      seen.filter((change) => change.kind === 'delete').map((change) => change.externalId),
      [deleted],
    );
    const malformed = await call('GET', '/v1/products/changes?cursor=not-a-cursor');
    assert.equal(malformed.status, 400);
    assert.equal(((await malformed.json()) as Envelope).error.details[0]?.path, 'cursor');
  });

  async function readAll(from: string | undefined): Promise<{ changes: Change[]; cursor?: string }> {
    const changes: Change[] = [];
    let cursor = from;
    for (let hasMore = true; hasMore;) {
      const page = await readChanges(cursor, 2000);
      changes.push(...page.changes);
      cursor = page.nextCursor;
      hasMore = page.hasMore;
    }
    return { changes, cursor };
  }

  async function readChanges(cursor: string | undefined, limit: number): Promise<ChangePage> {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const response = await call('GET', `/v1/products/changes?${query.toString()}`);
    assert.equal(response.status, 200);
    return (await response.json()) as ChangePage;
  }

  /** Deletes an item through Business Central's own API, as a user of the ERP would. */
  async function deleteInVendor(externalId: string): Promise<void> {
    const token = { access_token: await businessCentralToken(bc) };
    const [companyId, itemId] = externalId.split(':');
    const response = await fetch(`${bc}${BC_API}/companies(${companyId})/items(${itemId})`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token.access_token}`, 'if-match': '*' },
    });
    assert.equal(response.status, 204);
  }

  it('keeps yen prices in whole units: JPY has no minor unit', async () => {
    const sku = newSku();
    const created = await put(sku, product(sku, 1500, 'JPY'), uniqueId('key-'), yenStack);
    assert.equal(created.status, 201);
    assert.ok(((await created.json()) as Outcome).externalId.startsWith(`${CRONUS_AG}:`));
    const items = await itemsOf(sku);
    assert.equal(items.length, 1);
    assert.equal(items[0]?.companyId, CRONUS_AG);
    assert.equal(items[0]?.unitPrice, 1500);
    const read = await call('GET', `/v1/products/${sku}`, undefined, {}, yenStack);
    assert.deepEqual(((await read.json()) as ProductRecord).unitPrice, {
      amountMinor: 1500,
      currency: 'JPY',
    });
  });
});
