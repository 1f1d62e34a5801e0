import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from '@concord/persistence';
import { uniqueId } from '@concord/testing';
import { SYSTEM_ERP_APP } from '../src/system-erp.module.js';
import { customerNumber } from '../src/adapters/business-central/business-central.mappers.js';
import { serviceToken } from '../../../test/support/credentials.js';
import {
  businessCentralToken,
  type RunningSandbox,
  sandboxAdmin,
  sandboxEnv,
  startTestSandbox,
} from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';

const CRONUS_AG = 'b2f7c9d1-6e4a-4b8c-9d2e-3f4a5b6c7d82';
const CRONUS_USA = '7d8e2f4a-5b1c-4e3d-9a6f-1c2b3d4e5f60';
const BC_API = '/v2.0/concord/sandbox/api/v2.0';
const BATCH_ROUTE = 'POST /v2.0/concord/sandbox/api/v2.0/$batch';

interface Envelope {
  error: { code: string; details: Array<{ path?: string }> };
}
interface Outcome {
  externalId: string;
  created: boolean;
  sourceVersion: string;
}
interface Change {
  kind: 'upsert' | 'delete';
  externalId: string;
  concordId?: string;
  record?: { name: string; concordId: string; externalId: string };
}
interface ChangePage {
  changes: Change[];
  nextCursor: string;
  hasMore: boolean;
}
interface BcRecord {
  id: string;
  companyId: string;
  number: string;
  displayName: string;
  currencyCode: string;
}

const customer = (name: string) => ({
  name,
  country: 'DE',
  currency: 'EUR',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
  email: 'billing@contoso.example.com',
  paymentTermsDays: 30,
});

describe('system-erp customers on the Business Central sandbox', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let auth: string;
  let bc: string;

  before(async () => {
    sandbox = await startTestSandbox();
    bc = sandbox.urls.businessCentral;
    stack = await bootStack([SYSTEM_ERP_APP], sandboxEnv(sandbox));
    auth = `Bearer ${await serviceToken('system')}`;
  });

  after(async () => {
    await stack.close();
    await sandbox.close();
  });

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${stack.url('system-erp')}${path}`, {
      method,
      headers: {
        authorization: auth,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  const put = (concordId: string, body: unknown, key = uniqueId('key-')) =>
    call('PUT', `/v1/customers/${concordId}`, body, { 'idempotency-key': key });
  const recordsOf = async (concordId: string) =>
    (await sandboxAdmin<{ records: BcRecord[] }>(bc, 'GET', 'records/customers')).records.filter(
      (record) => record.number === customerNumber(concordId),
    );
  const fault = (body: Record<string, unknown>) => sandboxAdmin(bc, 'POST', 'faults', body);
  const xrefRows = (concordId: string): Promise<Array<{ external_id: string }>> =>
    stack.apps
      .get('system-erp')!
      .app.get(DataSource)
      .query(
        `SELECT external_id FROM xref WHERE domain = 'customer' AND system = 'erp' AND canonical_id = $1`,
        [concordId],
      );

  it('creates then replaces one vendor record (201 then 200) and reads it back', async () => {
    const id = randomUUID();
    const created = await put(id, customer('Contoso GmbH'));
    assert.equal(created.status, 201);
    const first = (await created.json()) as Outcome;
    assert.equal(first.created, true);
    assert.ok(first.externalId.startsWith(`${CRONUS_AG}:`));
    const updated = await put(id, { ...customer('Contoso Deutschland GmbH'), currency: 'USD' });
    assert.equal(updated.status, 200);
    assert.equal(((await updated.json()) as Outcome).externalId, first.externalId);
    const records = await recordsOf(id);
    assert.equal(records.length, 1);
    assert.equal(records[0]?.displayName, 'Contoso Deutschland GmbH');
    assert.equal(records[0]?.currencyCode, 'USD');
    const read = await call('GET', `/v1/customers/${id}`);
    assert.equal(read.status, 200);
    const record = (await read.json()) as Record<string, unknown>;
    assert.equal(record.concordId, id);
    assert.equal(record.currency, 'USD');
    assert.equal(record.paymentTermsDays, 30);
    assert.deepEqual(record.address, { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' });
  });

  it('keeps EUR blank in CRONUS AG, whose local currency it is', async () => {
    const id = randomUUID();
    assert.equal((await put(id, customer('Fabrikam AG'))).status, 201);
    assert.equal((await recordsOf(id))[0]?.currencyCode, '');
    const read = (await (await call('GET', `/v1/customers/${id}`)).json()) as { currency: string };
    assert.equal(read.currency, 'EUR');
  });

  it('replays a repeated Idempotency-Key and refuses it with another body', async () => {
    const id = randomUUID();
    const key = uniqueId('key-');
    const first = await put(id, customer('Northwind GmbH'), key);
    const again = await put(id, customer('Northwind GmbH'), key);
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.deepEqual(await again.json(), await first.json());
    assert.equal((await recordsOf(id)).length, 1);
    const reused = await put(id, customer('Northwind Trading GmbH'), key);
    assert.equal(reused.status, 422);
    assert.equal(((await reused.json()) as Envelope).error.code, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 404 for an unknown customer and 400 for a malformed ID', async () => {
    const missing = await call('GET', `/v1/customers/${randomUUID()}`);
    assert.equal(missing.status, 404);
    const malformed = await call('GET', '/v1/customers/not-a-uuid');
    assert.equal(malformed.status, 400);
    assert.equal(((await malformed.json()) as Envelope).error.details[0]?.path, 'concordId');
  });

  it('maps vendor validation errors to 422 with canonical field paths', async () => {
    await fault({
      route: 'POST /v2.0/*/customers',
      status: 400,
      count: 1,
      body: {
        error: {
          code: 'Application_FieldValidationException',
          message:
            'The field Currency Code of table Customer contains a value (XTS) that cannot be found in the related table (Currency).',
        },
      },
    });
    const rejected = await put(randomUUID(), customer('Tailspin GmbH'));
    assert.equal(rejected.status, 422);
    const body = (await rejected.json()) as Envelope;
    assert.equal(body.error.code, 'UPSTREAM_REJECTED');
    assert.deepEqual(
      body.error.details.map((detail) => detail.path),
      ['currency'],
    );
    // A name longer than Business Central's 100 characters, rejected by the vendor itself.
    const tooLong = await put(randomUUID(), customer('N'.repeat(150)));
    assert.equal(tooLong.status, 422);
    assert.equal(((await tooLong.json()) as Envelope).error.details[0]?.path, 'name');
  });

  it('answers 429 with Retry-After when Business Central throttles', async () => {
    await fault({ route: 'POST /v2.0/*/customers', status: 429, count: 1, headers: { 'Retry-After': '2' } });
    const throttled = await put(randomUUID(), customer('Litware GmbH'));
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '2');
    const metrics = await (await fetch(`${stack.url('system-erp')}/metrics`)).text();
    assert.match(metrics, /concord_external_quota_remaining\{[^}]*system="business-central"[^}]*\} 0/);
  });

  it('looks the record up after a lost create answer and never creates twice', async () => {
    const id = randomUUID();
    await fault({ route: 'POST /v2.0/*/customers', phase: 'after', reset: true, count: 1 });
    const response = await put(id, customer('Adventure Works GmbH'));
    assert.equal(response.status, 201);
    assert.equal((await recordsOf(id)).length, 1);
    const retried = await put(id, customer('Adventure Works GmbH'));
    assert.equal(retried.status, 200);
    assert.equal((await recordsOf(id)).length, 1);
  });

  it('validates batch size and writes 150 customers in two vendor batches per step', async () => {
    const items = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        concordId: randomUUID(),
        customer: customer(`Batch ${index}`),
      }));
    assert.equal((await call('POST', '/v1/customers/batch', { items: items(250) })).status, 400);
    await sandboxAdmin(bc, 'DELETE', 'calls');
    const request = items(150);
    const response = await call('POST', '/v1/customers/batch', { items: request });
    assert.equal(response.status, 200);
    const { results } = (await response.json()) as {
      results: Array<{ concordId: string; ok: boolean; outcome?: Outcome }>;
    };
    assert.deepEqual(
      results.map((result) => result.concordId),
      request.map((item) => item.concordId),
    );
    assert.ok(results.every((result) => result.ok && result.outcome?.created));
    const calls = await sandboxAdmin<{ routes: Record<string, number> }>(bc, 'GET', 'calls');
    // Per chunk of 100: one lookup batch and one write batch.
    assert.equal(calls.routes[BATCH_ROUTE], 4);
    const again = await call('POST', '/v1/customers/batch', { items: request.slice(0, 3) });
    const replaced = (await again.json()) as { results: Array<{ outcome?: Outcome }> };
    assert.ok(replaced.results.every((result) => result.outcome?.created === false));
  });

  it('pages the change feed: every change once, late writes and vendor deletions included', async () => {
    let cursor: string | undefined;
    for (let hasMore = true; hasMore;) {
      const page = await readChanges(cursor, 2000);
      cursor = page.nextCursor;
      hasMore = page.hasMore;
    }
    const early = Array.from({ length: 7 }, () => ({
      concordId: randomUUID(),
      customer: customer(`Feed ${uniqueId()}`),
    }));
    const batch = (await (await call('POST', '/v1/customers/batch', { items: early })).json()) as {
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
          const late = (await (await put(randomUUID(), customer(`Late ${index}`))).json()) as Outcome;
          expected.add(late.externalId);
        }
        deleted = [...expected][0] ?? '';
        await deleteInVendor(deleted);
      }
    }
    assert.ok(pages >= 3, `only ${pages} pages`);
    const upserts = seen.filter((change) => change.kind === 'upsert').map((change) => change.externalId);
    for (const externalId of expected) {
      const count = upserts.filter((candidate) => candidate === externalId).length;
      if (externalId === deleted) assert.ok(count <= 1);
      else assert.equal(count, 1, `${externalId} delivered ${count} times`);
    }
    const deletions = seen.filter((change) => change.kind === 'delete');
    assert.deepEqual(
      deletions.map((change) => change.externalId),
      [deleted],
    );
    const malformed = await call('GET', '/v1/customers/changes?cursor=not-a-cursor');
    assert.equal(malformed.status, 400);
    assert.equal(((await malformed.json()) as Envelope).error.details[0]?.path, 'cursor');
  });

  it('links every write in the xref and names the canonical customer in the feed', async () => {
    let cursor = await feedEnd();
    const single = randomUUID();
    const written = (await (await put(single, customer('Xref GmbH'))).json()) as Outcome;
    const batched = [randomUUID(), randomUUID()];
    const batch = (await (
      await call('POST', '/v1/customers/batch', {
        items: batched.map((concordId) => ({ concordId, customer: customer(`Xref batch ${concordId}`) })),
      })
    ).json()) as { results: Array<{ concordId: string; outcome: Outcome }> };
    const direct = await vendorCall<{ id: string }>('POST', `companies(${CRONUS_AG})/customers`, {
      displayName: `Entered in the ERP ${uniqueId()}`,
    });
    const directId = `${CRONUS_AG}:${direct.id}`;
    assert.deepEqual(await xrefRows(single), [{ external_id: written.externalId }]);
    for (const result of batch.results)
      assert.deepEqual(await xrefRows(result.concordId), [{ external_id: result.outcome.externalId }]);

    let changes: Change[];
    ({ changes, cursor } = await readAll(cursor));
    const byExternalId = new Map(changes.map((change) => [change.externalId, change]));
    const mine = byExternalId.get(written.externalId);
    assert.equal(mine?.concordId, single);
    assert.equal(mine?.record?.concordId, single);
    assert.equal(mine?.record?.name, 'Xref GmbH');
    for (const result of batch.results)
      assert.equal(byExternalId.get(result.outcome.externalId)?.concordId, result.concordId);
    const unlinked = byExternalId.get(directId);
    assert.ok(unlinked, 'the record entered in Business Central is in the feed');
    assert.equal(unlinked.concordId, undefined);
    assert.equal(unlinked.record, undefined);

    await deleteInVendor(written.externalId);
    ({ changes } = await readAll(cursor));
    const deletion = changes.find((change) => change.externalId === written.externalId);
    assert.equal(deletion?.kind, 'delete');
    assert.equal(deletion?.concordId, single);
  });

  it('re-points the xref when a customer moves to another company and reads through it', async () => {
    const id = randomUUID();
    const first = (await (await put(id, customer('Wandering GmbH'))).json()) as Outcome;
    const moved = await put(id, { ...customer('Wandering Inc.'), country: 'US', currency: 'USD' });
    assert.equal(moved.status, 201);
    const second = (await moved.json()) as Outcome;
    assert.ok(second.externalId.startsWith(`${CRONUS_USA}:`));
    assert.notEqual(second.externalId, first.externalId);
    assert.deepEqual(await xrefRows(id), [{ external_id: second.externalId }]);
    // Both companies now hold Concord's number; the xref says which record is the customer.
    assert.equal((await recordsOf(id)).length, 2);
    const read = (await (await call('GET', `/v1/customers/${id}`)).json()) as Record<string, unknown>;
    assert.equal(read.externalId, second.externalId);
    assert.equal(read.name, 'Wandering Inc.');
    // The re-pointed row keeps the latest record on a repeat write.
    assert.equal((await put(id, { ...customer('Wandering Inc.'), country: 'US' })).status, 200);
    assert.deepEqual(await xrefRows(id), [{ external_id: second.externalId }]);
  });

  it('refuses a write that reaches an ERP record linked to another canonical customer', async () => {
    const id = randomUUID();
    const other = randomUUID();
    const first = (await (await put(id, customer('Contested GmbH'))).json()) as Outcome;
    const db = stack.apps.get('system-erp')!.app.get(DataSource);
    await db.query(
      `UPDATE xref SET canonical_id = $1 WHERE domain = 'customer' AND system = 'erp' AND canonical_id = $2`,
      [other, id],
    );
    const refused = await put(id, customer('Contested GmbH'));
    assert.equal(refused.status, 409);
    assert.equal(((await refused.json()) as Envelope).error.details[0]?.path, 'concordId');
    assert.deepEqual(await xrefRows(other), [{ external_id: first.externalId }]);
    assert.deepEqual(await xrefRows(id), []);
    const batch = (await (
      await call('POST', '/v1/customers/batch', {
        items: [{ concordId: id, customer: customer('Contested GmbH') }],
      })
    ).json()) as { results: Array<{ ok: boolean; error?: { kind: string } }> };
    assert.equal(batch.results[0]?.ok, false);
    assert.equal(batch.results[0]?.error?.kind, 'Conflict');
  });

  async function feedEnd(): Promise<string | undefined> {
    return (await readAll(undefined)).cursor;
  }

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
    const response = await call('GET', `/v1/customers/changes?${query.toString()}`);
    assert.equal(response.status, 200);
    return (await response.json()) as ChangePage;
  }

  const vendorToken = (): Promise<string> => businessCentralToken(bc);

  it('sets default dimensions by territory and segment, single and batch, keeping dimensions set in the ERP', async () => {
    interface Row {
      id: string;
      companyId: string;
      code: string;
      dimensionId: string;
      parentId: string;
      dimensionCode: string;
      dimensionValueCode: string;
    }
    const rows = async (type: string) =>
      (await sandboxAdmin<{ records: Row[] }>(bc, 'GET', `records/${type}`)).records;
    const dimensionsOf = async (externalId: string) =>
      (await rows('defaultDimensions'))
        .filter((row) => row.parentId === externalId.split(':')[1])
        .map((row) => `${row.dimensionCode}=${row.dimensionValueCode}`)
        .sort();
    const concordId = randomUUID();
    const first = (await (
      await put(concordId, { ...customer('Dimensions GmbH'), territory: 'DACH', segment: 'Enterprise' })
    ).json()) as Outcome;
    assert.deepEqual(await dimensionsOf(first.externalId), ['AREA=10', 'CUSTOMERGROUP=LARGE']);

    const [companyId, customerId] = first.externalId.split(':');
    const department = (await rows('dimensions')).find(
      (row) => row.code === 'DEPARTMENT' && row.companyId === companyId,
    )!;
    const sales = (await rows('dimensionValues')).find(
      (row) => row.code === 'SALES' && row.dimensionId === department.id,
    )!;
    await vendorCall('POST', `companies(${companyId})/customers(${customerId})/defaultDimensions`, {
      dimensionId: department.id,
      dimensionValueId: sales.id,
    });
    await put(concordId, { ...customer('Dimensions GmbH'), territory: 'DACH', segment: 'SMB' });
    assert.deepEqual(await dimensionsOf(first.externalId), [
      'AREA=10',
      'CUSTOMERGROUP=SMALL',
      'DEPARTMENT=SALES',
    ]);

    const batched = [randomUUID(), randomUUID()];
    const batch = (await (
      await call('POST', '/v1/customers/batch', {
        items: batched.map((id) => ({
          concordId: id,
          customer: { ...customer(`Dim batch ${id}`), territory: 'North America' },
        })),
      })
    ).json()) as { results: Array<{ ok: boolean; outcome: Outcome }> };
    for (const result of batch.results) {
      assert.equal(result.ok, true);
      assert.deepEqual(await dimensionsOf(result.outcome.externalId), ['AREA=30']);
    }
  });

  /** Business Central's own API, as a user of the ERP would call it. */
  async function vendorCall<T>(method: string, path: string, body: unknown): Promise<T> {
    const response = await fetch(`${bc}${BC_API}/${path}`, {
      method,
      headers: { authorization: `Bearer ${await vendorToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as T;
  }

  async function deleteInVendor(externalId: string): Promise<void> {
    const [companyId, customerId] = externalId.split(':');
    const response = await fetch(`${bc}${BC_API}/companies(${companyId})/customers(${customerId})`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await vendorToken()}`, 'if-match': '*' },
    });
    assert.equal(response.status, 204);
  }
});
