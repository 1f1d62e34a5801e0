import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { serviceToken } from '../../../test/support/credentials.js';
import {
  type RunningSandbox,
  sandboxAdmin,
  salesforceConnection,
  sandboxEnv,
  startTestSandbox,
} from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { type ApiAnswer, systemApi } from '../../../test/support/system-api.js';
import { SYSTEM_CRM_APP } from '../src/system-crm.module.js';

interface Account {
  Id: string;
  Concord_Id__c: string | null;
  Name: string;
  Type: string | null;
  IsDeleted: boolean;
  Concord_Sync_Status__c: string | null;
}
interface ErrorBody {
  error: { code: string; details: Array<{ path?: string }> };
}
interface ChangePage {
  changes: Array<{ kind: string; externalId: string; concordId?: string; sourceVersion: string }>;
  nextCursor: string;
  hasMore: boolean;
}

const customer = (name: string) => ({
  name,
  country: 'DE',
  taxId: 'DE136695976',
  currency: 'EUR',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
  website: 'contoso.example.com',
  phone: '+49 30 1234567',
});

describe('system-crm customers on the Salesforce sandbox', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let token: string;

  before(async () => {
    sandbox = await startTestSandbox();
    stack = await bootStack([SYSTEM_CRM_APP], sandboxEnv(sandbox));
    token = await serviceToken('system');
  });

  after(async () => {
    await stack?.close();
    await sandbox?.close();
  });

  const api = systemApi(
    () => stack,
    'system-crm',
    () => token,
  );

  const salesforce = () => sandbox.urls.salesforce;
  const accounts = async () =>
    (await sandboxAdmin<{ records: Account[] }>(salesforce(), 'GET', 'records/Account')).records;
  const accountsOf = async (concordId: string) =>
    (await accounts()).filter((account) => account.Concord_Id__c === concordId && !account.IsDeleted);
  const fault = (spec: Record<string, unknown>) => sandboxAdmin(salesforce(), 'POST', 'faults', spec);
  const upsertRoute = (concordId: string) =>
    `PATCH /services/data/*/sobjects/Account/Concord_Id__c/${concordId}`;

  it('creates then updates one account (201 then 200) and reads it back', async () => {
    const id = randomUUID();
    const created = await api('PUT', `/v1/customers/${id}`, customer('Contoso GmbH'), `k-${randomUUID()}`);
    assert.equal(created.status, 201);
    assert.equal(created.body.created, true);
    const updated = await api('PUT', `/v1/customers/${id}`, customer('Contoso AG'), `k-${randomUUID()}`);
    assert.equal(updated.status, 200);
    assert.equal(updated.body.created, false);
    assert.equal(updated.body.externalId, created.body.externalId);
    const [account, ...others] = await accountsOf(id);
    assert.equal(others.length, 0);
    assert.equal(account?.Name, 'Contoso AG');
    assert.equal(account?.Type, 'Customer');
    const read = await api('GET', `/v1/customers/${id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.concordId, id);
    assert.equal(read.body.name, 'Contoso AG');
    assert.equal(read.body.taxId, 'DE136695976');
    assert.deepEqual(read.body.address, { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' });
    assert.equal(read.body.sourceVersion, updated.body.sourceVersion);
  });

  it('replays the same Idempotency-Key, and refuses it with another body', async () => {
    const id = randomUUID();
    const key = `k-${randomUUID()}`;
    const first = await api('PUT', `/v1/customers/${id}`, customer('Fabrikam'), key);
    const second = await api('PUT', `/v1/customers/${id}`, customer('Fabrikam'), key);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal((await accountsOf(id)).length, 1);
    const reused = await api<ErrorBody>('PUT', `/v1/customers/${id}`, customer('Other'), key);
    assert.equal(reused.status, 422);
    assert.equal(reused.body.error.code, 'IDEMPOTENCY_KEY_REUSED');
    const missing = await api<ErrorBody>('PUT', `/v1/customers/${id}`, customer('Fabrikam'));
    assert.equal(missing.status, 400);
  });

  it('answers 404 for an unknown concordId and 400 for a malformed one', async () => {
    const unknown = await api<ErrorBody>('GET', `/v1/customers/${randomUUID()}`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'NOT_FOUND');
    const malformed = await api<ErrorBody>('GET', '/v1/customers/not-a-uuid');
    assert.equal(malformed.status, 400);
    assert.deepEqual(
      malformed.body.error.details.map((detail) => detail.path),
      ['concordId'],
    );
  });

  it('turns a Salesforce validation error into 422 with canonical field paths', async () => {
    const id = randomUUID();
    await fault({
      route: upsertRoute(id),
      status: 400,
      count: 1,
      body: [
        {
          message: 'Tax ID does not match the billing country',
          errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          fields: ['Tax_Id__c', 'BillingPostalCode'],
        },
      ],
    });
    const rejected = await api<ErrorBody>(
      'PUT',
      `/v1/customers/${id}`,
      customer('Rejected Co'),
      `k-${randomUUID()}`,
    );
    assert.equal(rejected.status, 422);
    assert.equal(rejected.body.error.code, 'UPSTREAM_REJECTED');
    assert.deepEqual(
      rejected.body.error.details.map((detail) => detail.path),
      ['taxId', 'address.postalCode'],
    );
    const picklist = await api<ErrorBody>(
      'PUT',
      `/v1/customers/${id}`,
      { ...customer('Franc Co'), currency: 'XAF' },
      `k-${randomUUID()}`,
    );
    assert.equal(picklist.status, 422);
    assert.deepEqual(
      picklist.body.error.details.map((detail) => detail.path),
      ['currency'],
    );
    assert.equal((await accountsOf(id)).length, 0);
  });

  it('answers 429 with Retry-After when Salesforce refuses with REQUEST_LIMIT_EXCEEDED', async () => {
    const id = randomUUID();
    await fault({ route: upsertRoute(id), status: 403, count: 1 });
    const throttled = await api<ErrorBody>(
      'PUT',
      `/v1/customers/${id}`,
      customer('Busy Co'),
      `k-${randomUUID()}`,
    );
    assert.equal(throttled.status, 429);
    assert.equal(throttled.body.error.code, 'RATE_LIMITED');
    assert.equal(throttled.headers.get('retry-after'), '60');
  });

  it('ends with exactly one account when the upsert answer is lost', async () => {
    const id = randomUUID();
    await fault({ route: upsertRoute(id), phase: 'after', reset: true, count: 1 });
    const saved = await api('PUT', `/v1/customers/${id}`, customer('Lost Answer Ltd'), `k-${randomUUID()}`);
    assert.equal(saved.status, 201);
    const found = await accountsOf(id);
    assert.equal(found.length, 1);
    assert.equal(found[0]?.Id, saved.body.externalId);
    assert.equal(found[0]?.Type, 'Customer');
    const metrics = await (await fetch(`${stack.url('system-crm')}/metrics`)).text();
    assert.match(metrics, /operation="customers.upsert-lookup"/);
    const again = await api('PUT', `/v1/customers/${id}`, customer('Lost Answer Ltd'), `k-${randomUUID()}`);
    assert.equal(again.status, 200);
    assert.equal((await accountsOf(id)).length, 1);
  });

  it('writes the sync status back onto an existing account only', async () => {
    const id = randomUUID();
    await api('PUT', `/v1/customers/${id}`, customer('Status Co'), `k-${randomUUID()}`);
    const update = {
      status: 'synced',
      message: 'Onboarded',
      erpCustomerNumber: 'C00042',
      billingCustomerId: 'cus_42',
    };
    const written = await api('PATCH', `/v1/customers/${id}/sync-status`, update);
    assert.equal(written.status, 200);
    assert.equal(written.body.syncStatus, 'synced');
    assert.equal(written.body.syncMessage, 'Onboarded');
    assert.deepEqual(written.body.externalRefs, {
      crm: (await accountsOf(id))[0]?.Id,
      erp: 'C00042',
      billing: 'cus_42',
    });
    assert.equal((await accountsOf(id))[0]?.Concord_Sync_Status__c, 'Synced');
    const unknownId = randomUUID();
    const unknown = await api('PATCH', `/v1/customers/${unknownId}/sync-status`, update);
    assert.equal(unknown.status, 404);
    assert.equal((await accountsOf(unknownId)).length, 0);
  });

  it('links an account named by record ID and writes the verdict on it in one write', async () => {
    const conn = await salesforceConnection(sandbox);
    const created = await conn.sobject('Account').create({ Name: 'Linked On Write Ltd', Type: 'Customer' });
    assert.ok(created.success);
    const concordId = randomUUID();
    await sandboxAdmin(salesforce(), 'DELETE', 'calls');
    const update = { status: 'rejected', message: 'ERP refused it', accountId: created.id };
    const written = await api('PATCH', `/v1/customers/${concordId}/sync-status`, update);
    assert.equal(written.status, 200);
    assert.equal(written.body.syncStatus, 'rejected');
    const calls = await sandboxAdmin<{ total: number }>(salesforce(), 'GET', 'calls');
    assert.equal(calls.total, 2);
    const [account] = await accountsOf(concordId);
    assert.equal(account?.Id, created.id);
    assert.equal(account?.Concord_Sync_Status__c, 'Rejected');
    // Written again, the same account answers by its canonical ID; another canonical ID is refused.
    const again = await api('PATCH', `/v1/customers/${concordId}/sync-status`, update);
    assert.equal(again.status, 200);
    const taken = await api<ErrorBody>('PATCH', `/v1/customers/${randomUUID()}/sync-status`, update);
    assert.equal(taken.status, 409);
    assert.deepEqual(
      taken.body.error.details.map((detail) => detail.path),
      ['accountId'],
    );
    const missing = await api('PATCH', `/v1/customers/${randomUUID()}/sync-status`, {
      ...update,
      accountId: '001000000009999AAA',
    });
    assert.equal(missing.status, 404);
  });

  it('refuses a batch of 250 and writes a batch of 150 in two Salesforce calls', async () => {
    const items = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        concordId: randomUUID(),
        customer: customer(`Batch ${index}`),
      }));
    const tooMany = await api('POST', '/v1/customers/batch', { items: items(250) });
    assert.equal(tooMany.status, 400);
    await sandboxAdmin(salesforce(), 'DELETE', 'calls');
    const batch = items(150);
    const written = await api<{
      results: Array<{ concordId: string; ok: boolean; outcome?: { created: boolean } }>;
    }>('POST', '/v1/customers/batch', { items: batch });
    assert.equal(written.status, 200);
    assert.deepEqual(
      written.body.results.map((result) => result.concordId),
      batch.map((item) => item.concordId),
    );
    assert.ok(written.body.results.every((result) => result.ok && result.outcome?.created));
    // Which accounts exist, then one composite call that upserts them and reads their versions.
    const calls = await sandboxAdmin<{ total: number; routes: Record<string, number> }>(
      salesforce(),
      'GET',
      'calls',
    );
    assert.equal(calls.total, 2);
    assert.equal(calls.routes['POST /services/data/:version/composite'], 1);
    const stored = new Set((await accounts()).map((account) => account.Concord_Id__c));
    assert.ok(batch.every((item) => stored.has(item.concordId)));
  });

  it('reports per-item failures of a batch without failing the others', async () => {
    const good = { concordId: randomUUID(), customer: customer('Good Item') };
    const bad = { concordId: randomUUID(), customer: { ...customer('Bad Item'), currency: 'XAF' } };
    const written = await api<{
      results: Array<{ ok: boolean; error?: { kind: string; details: Array<{ path?: string }> } }>;
    }>('POST', '/v1/customers/batch', { items: [good, bad] });
    assert.equal(written.status, 200);
    assert.equal(written.body.results[0]?.ok, true);
    assert.equal(written.body.results[1]?.ok, false);
    assert.equal(written.body.results[1]?.error?.kind, 'Rejected');
    assert.deepEqual(
      written.body.results[1]?.error?.details.map((detail) => detail.path),
      ['currency'],
    );
  });

  it('feeds every change exactly once across pages, with writes between reads and vendor deletions', async () => {
    const doomed = randomUUID();
    const doomedPut = await api('PUT', `/v1/customers/${doomed}`, customer('Doomed'), `k-${randomUUID()}`);
    let cursor: string | undefined;
    for (let more = true; more;) {
      const page: ApiAnswer<ChangePage> = await api(
        'GET',
        `/v1/customers/changes?limit=2000${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200);
      cursor = page.body.nextCursor;
      more = page.body.hasMore;
    }
    const batch = Array.from({ length: 7 }, (_, index) => ({
      concordId: randomUUID(),
      customer: customer(`Feed ${index}`),
    }));
    await api('POST', '/v1/customers/batch', { items: batch });
    const written = new Set(batch.map((item) => item.concordId));
    const seen: ChangePage['changes'] = [];
    let pages = 0;
    for (let more = true; more;) {
      const page: ApiAnswer<ChangePage> = await api('GET', `/v1/customers/changes?limit=3&cursor=${cursor}`);
      assert.equal(page.status, 200);
      seen.push(...page.body.changes);
      cursor = page.body.nextCursor;
      more = page.body.hasMore;
      pages += 1;
      if (pages <= 2) {
        const late = randomUUID();
        await api('PUT', `/v1/customers/${late}`, customer(`Late ${pages}`), `k-${randomUUID()}`);
        written.add(late);
        more = true;
      }
      if (pages === 2) {
        const login = await fetch(`${salesforce()}/services/oauth2/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials&client_id=concord&client_secret=concord-secret',
        });
        const { access_token } = (await login.json()) as { access_token: string };
        const removed = await fetch(
          `${salesforce()}/services/data/v59.0/sobjects/Account/${String(doomedPut.body.externalId)}`,
          {
            method: 'DELETE',
            headers: { authorization: `Bearer ${access_token}` },
          },
        );
        assert.equal(removed.status, 204);
      }
    }
    assert.ok(pages >= 3);
    const upserts = seen.filter((change) => change.kind === 'upsert').map((change) => change.concordId);
    assert.deepEqual([...upserts].sort(), [...written].sort());
    const deletions = seen.filter((change) => change.kind === 'delete');
    assert.deepEqual(
      deletions.map((change) => [change.externalId, change.concordId]),
      [[doomedPut.body.externalId, doomed]],
    );
    const malformed = await api<ErrorBody>('GET', '/v1/customers/changes?cursor=not-a-cursor');
    assert.equal(malformed.status, 400);
    assert.deepEqual(
      malformed.body.error.details.map((detail) => detail.path),
      ['cursor'],
    );
  });

  it('counts Salesforce calls and the remaining API allowance in the metrics', async () => {
    const response = await fetch(`${stack.url('system-crm')}/metrics`);
    const text = await response.text();
    assert.match(
      text,
      /concord_external_calls_total\{[^}]*system="salesforce"[^}]*operation="customers.upsert"[^}]*status="201"/,
    );
    assert.match(text, /concord_external_quota_remaining\{[^}]*system="salesforce"[^}]*\} \d+/);
    assert.match(text, /concord_schema_drift\{[^}]*system="salesforce"[^}]*\} 0/);
    const report = (await (
      await fetch(`${stack.url('system-crm')}/v1/diagnostics/dependencies`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { checks: Record<string, { status: string }> };
    assert.equal(report.checks['salesforce-schema']?.status, 'ok');
  });
});
