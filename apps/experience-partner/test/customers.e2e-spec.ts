import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CredentialStore } from '@concord/governance';
import { connectDatabase } from '@concord/persistence';
import { exampleDomain, germanVatId, testDatabaseUrl, uniqueId } from '@concord/testing';
import { type RunningSandbox, sandboxEnv, startTestSandbox } from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { PROCESS_ONBOARDING_APP } from '../../process-onboarding/src/process-onboarding.module.js';
import { SYSTEM_BILLING_APP } from '../../system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../../system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../../system-erp/src/system-erp.module.js';
import { EXPERIENCE_PARTNER_APP } from '../src/experience-partner.module.js';

interface Accepted {
  customerId: string;
  onboardingId: string;
  status: string;
}
interface OnboardingStatus {
  onboardingId: string;
  customerId: string;
  state: string;
  steps: Array<{ name: string; outcome: string; finishedAt: string | null }>;
  message?: string;
}
interface CustomerPage {
  items: Array<{
    customerId: string;
    name: string;
    country: string;
    status: string;
    onboardingId: string;
    updatedAt: string;
  }>;
  nextCursor?: string;
}
interface PartnerCustomer {
  customerId: string;
  profile: Record<string, unknown>;
  onboarding: { id: string; state: string };
  erp: { status: string };
  billing: { status: string };
  lastSyncedAt?: string;
  owners: Record<string, string>;
}
interface ErrorBody {
  error: { code: string; details: Array<{ path?: string }> };
}

const TERMINAL = ['synced', 'rejected', 'failed'];
const customer = (name: string) => ({
  name,
  country: 'DE',
  // Each test customer its own tax ID and domain: the onboarding's duplicate check must not link them.
  taxId: germanVatId(name),
  currency: 'EUR',
  address: { line1: `${name.slice(-12)} Allee 1`, city: 'Berlin', postalCode: '10115' },
  website: exampleDomain(name),
});

describe('partner customers: register, follow, list and read', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  const keys: Record<'a' | 'b' | 'readOnly' | 'pager', string> = { a: '', b: '', readOnly: '', pager: '' };

  before(async () => {
    sandbox = await startTestSandbox();
    stack = await bootStack(
      [SYSTEM_CRM_APP, SYSTEM_ERP_APP, SYSTEM_BILLING_APP, PROCESS_ONBOARDING_APP, EXPERIENCE_PARTNER_APP],
      sandboxEnv(sandbox),
    );
    const dataSource = await connectDatabase({ url: testDatabaseUrl(), appName: 'e2e-partner', poolSize: 2 });
    try {
      const store = new CredentialStore(dataSource);
      const both = ['customers:read', 'customers:write'];
      keys.a = (await store.createPartner(uniqueId('partner-a-'), both)).apiKey;
      keys.b = (await store.createPartner(uniqueId('partner-b-'), both)).apiKey;
      keys.readOnly = (await store.createPartner(uniqueId('partner-ro-'), ['customers:read'])).apiKey;
      keys.pager = (await store.createPartner(uniqueId('partner-pg-'), both)).apiKey;
    } finally {
      await dataSource.destroy();
    }
  });

  after(async () => {
    await stack.close();
    await sandbox.close();
  });

  const call = (
    apiKey: string,
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    fetch(`${stack.url('experience-partner')}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? null : JSON.stringify(init.body),
    });
  const register = (apiKey: string, body: unknown, key: string | null = uniqueId('reg-')) =>
    call(apiKey, '/v1/customers', {
      method: 'POST',
      body,
      headers: key === null ? {} : { 'idempotency-key': key },
    });
  const settle = async (apiKey: string, location: string, timeoutMs = 25_000): Promise<OnboardingStatus> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await call(apiKey, location);
      assert.equal(response.status, 200);
      const status = (await response.json()) as OnboardingStatus;
      if (TERMINAL.includes(status.state)) return status;
      if (Date.now() > deadline) assert.fail(`onboarding still ${status.state}: ${JSON.stringify(status)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

  it('registers idempotently, syncs, and shows the customer to its partner only', async () => {
    const name = uniqueId('Contoso GmbH ');
    const key = uniqueId('reg-');
    const first = await register(keys.a, customer(name), key);
    assert.equal(first.status, 202);
    const accepted = (await first.json()) as Accepted;
    assert.match(accepted.customerId, /^[0-9a-f-]{36}$/);
    assert.match(accepted.onboardingId, /^[0-9a-f-]{36}$/);
    const location = first.headers.get('location');
    assert.equal(location, `/v1/onboardings/${accepted.onboardingId}`);

    const replay = await register(keys.a, customer(name), key);
    assert.equal(replay.status, 202);
    assert.equal(replay.headers.get('location'), location);
    assert.deepEqual(await replay.json(), accepted);

    const reused = await register(keys.a, customer(`${name} AG`), key);
    assert.equal(reused.status, 422);
    assert.equal((await errorOf(reused)).code, 'IDEMPOTENCY_KEY_REUSED');

    const status = await settle(keys.a, location ?? '');
    assert.equal(status.state, 'synced', JSON.stringify(status));
    assert.equal(status.customerId, accepted.customerId);
    assert.deepEqual(
      status.steps.map((step) => [step.name, step.outcome]),
      [
        ['crm-account', 'CONFIRMED'],
        ['validate', 'CONFIRMED'],
        ['match', 'CONFIRMED'],
        ['erp', 'CONFIRMED'],
        ['billing', 'CONFIRMED'],
        ['crm-writeback', 'CONFIRMED'],
      ],
    );
    for (const step of status.steps)
      assert.deepEqual(Object.keys(step).sort(), ['finishedAt', 'name', 'outcome']);

    const listA = (await (await call(keys.a, '/v1/customers')).json()) as CustomerPage;
    const listed = listA.items.find((item) => item.customerId === accepted.customerId);
    assert.deepEqual(listed && { ...listed, updatedAt: typeof listed.updatedAt }, {
      customerId: accepted.customerId,
      name,
      country: 'DE',
      status: 'synced',
      onboardingId: accepted.onboardingId,
      updatedAt: 'string',
    });
    const listB = (await (await call(keys.b, '/v1/customers')).json()) as CustomerPage;
    assert.ok(!listB.items.some((item) => item.customerId === accepted.customerId));

    const seen = await call(keys.a, `/v1/customers/${accepted.customerId}`);
    assert.equal(seen.status, 200);
    const view = (await seen.json()) as PartnerCustomer;
    assert.equal(view.profile.name, name);
    assert.equal(view.profile.taxId, germanVatId(name));
    assert.deepEqual(view.onboarding, { id: accepted.onboardingId, state: 'synced' });
    assert.deepEqual([view.erp.status, view.billing.status], ['synced', 'synced']);
    assert.ok(view.lastSyncedAt && !Number.isNaN(Date.parse(view.lastSyncedAt)));
    assert.deepEqual(view.owners, { profile: 'crm', legal: 'erp', paymentStatus: 'billing' });

    for (const path of [`/v1/customers/${accepted.customerId}`, location ?? '']) {
      const other = await call(keys.b, path);
      assert.equal(other.status, 404, path);
      assert.equal((await errorOf(other)).code, 'NOT_FOUND');
    }
  });

  it('answers 304 to a repeated read whose ETag the client holds', async () => {
    const created = await register(keys.a, customer(uniqueId('Fabrikam GmbH ')));
    const { customerId } = (await created.json()) as Accepted;
    const location = created.headers.get('location') ?? '';
    await settle(keys.a, location);
    for (const path of [location, `/v1/customers/${customerId}`]) {
      const first = await call(keys.a, path);
      assert.equal(first.status, 200);
      const etag = first.headers.get('etag');
      assert.match(etag ?? '', /^"[A-Za-z0-9_-]+"$/);
      const again = await call(keys.a, path, { headers: { 'if-none-match': etag ?? '' } });
      assert.equal(again.status, 304, path);
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(await again.text(), '');
      const stale = await call(keys.a, path, { headers: { 'if-none-match': '"stale"' } });
      assert.equal(stale.status, 200);
    }
  });

  it('pages through the customer list with a cursor, newest first', async () => {
    const names = [uniqueId('Page One '), uniqueId('Page Two '), uniqueId('Page Three ')];
    const locations: string[] = [];
    for (const name of names) {
      const response = await register(keys.pager, customer(name));
      assert.equal(response.status, 202);
      locations.push(response.headers.get('location') ?? '');
    }
    const first = (await (await call(keys.pager, '/v1/customers?limit=2')).json()) as CustomerPage;
    assert.deepEqual(
      first.items.map((item) => item.name),
      [names[2], names[1]],
    );
    assert.ok(first.nextCursor);
    const second = (await (
      await call(keys.pager, `/v1/customers?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json()) as CustomerPage;
    assert.deepEqual(
      second.items.map((item) => item.name),
      [names[0]],
    );
    assert.equal(second.nextCursor, undefined);
    const malformed = await call(keys.pager, '/v1/customers?cursor=not-a-cursor');
    assert.equal(malformed.status, 400);
    assert.deepEqual(
      (await errorOf(malformed)).details.map((detail) => detail.path),
      ['cursor'],
    );
    // Let the sagas finish before the stack stops.
    for (const location of locations) await settle(keys.pager, location);
  });

  it('refuses a missing key, a read-only key and an invalid body', async () => {
    const missing = await register(keys.a, customer(uniqueId('No Key ')), null);
    assert.equal(missing.status, 400);
    assert.deepEqual(
      (await errorOf(missing)).details.map((detail) => detail.path),
      ['headers.idempotency-key'],
    );

    const readOnly = await register(keys.readOnly, customer(uniqueId('Read Only ')));
    assert.equal(readOnly.status, 403);
    assert.equal((await errorOf(readOnly)).code, 'FORBIDDEN');

    const invalid = await register(keys.a, { ...customer(''), country: 'XX', currency: 'EURO' });
    assert.equal(invalid.status, 400);
    const error = await errorOf(invalid);
    assert.equal(error.code, 'VALIDATION_FAILED');
    const paths = new Set(error.details.map((detail) => detail.path));
    for (const path of ['name', 'country', 'currency'])
      assert.ok(paths.has(path), `${path} in ${[...paths].join(', ')}`);

    const unknownId = await call(keys.a, '/v1/customers/not-a-uuid');
    assert.equal(unknownId.status, 400);
    assert.deepEqual(
      (await errorOf(unknownId)).details.map((detail) => detail.path),
      ['id'],
    );
  });
});
