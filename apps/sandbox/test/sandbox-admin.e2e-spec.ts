import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningSandbox } from '../src/sandbox.server.js';
import {
  admin,
  businessCentralToken,
  requestJson,
  salesforceToken,
  startTestSandbox,
} from './sandbox-test.util.js';

describe('sandbox servers and the admin API', () => {
  let sandbox: RunningSandbox;
  let sfAuth: Record<string, string>;
  let bcAuth: Record<string, string>;
  const stripeAuth = { authorization: 'Bearer sk_test_concord' };

  before(async () => {
    sandbox = await startTestSandbox();
    sfAuth = { authorization: `Bearer ${(await salesforceToken(sandbox.urls.salesforce)).access_token}` };
    bcAuth = { authorization: `Bearer ${await businessCentralToken(sandbox.urls.businessCentral)}` };
  });

  after(async () => sandbox.close());

  it('answers health on every server', async () => {
    for (const url of Object.values(sandbox.urls)) {
      const response = await requestJson(`${url}/health/live`);
      assert.deepEqual([response.status, response.body], [200, { status: 'ok' }]);
    }
  });

  it('injects a status fault with the vendor-shaped body, a limited number of times', async () => {
    const { id } = await admin<{ id: string }>(sandbox.urls.salesforce, 'POST', 'faults', {
      route: 'GET /services/data/*/sobjects/Account/describe',
      status: 403,
      count: 2,
    });
    assert.match(id, /^flt_/);
    const url = `${sandbox.urls.salesforce}/services/data/v59.0/sobjects/Account/describe`;
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await requestJson<unknown>(url, { headers: sfAuth })).status);
    assert.deepEqual(statuses, [403, 403, 200]);
    await admin(sandbox.urls.salesforce, 'POST', 'faults', { route: '/services/data/*/query', status: 403 });
    const refused = await requestJson<{ errorCode: string }[]>(
      `${sandbox.urls.salesforce}/services/data/v59.0/query?q=SELECT+Id+FROM+Account`,
      {
        headers: sfAuth,
      },
    );
    assert.equal(refused.body[0]?.errorCode, 'REQUEST_LIMIT_EXCEEDED');
    await admin(sandbox.urls.salesforce, 'DELETE', 'faults');
    const cleared = await requestJson(
      `${sandbox.urls.salesforce}/services/data/v59.0/query?q=SELECT+Id+FROM+Account`,
      { headers: sfAuth },
    );
    assert.equal(cleared.status, 200);
  });

  it('adds latency, and matches routes by regular expression', async () => {
    await admin(sandbox.urls.stripe, 'POST', 'faults', {
      route: '/^GET \\/v1\\/products$/',
      latencyMs: 250,
      count: 1,
    });
    const started = Date.now();
    const response = await requestJson(`${sandbox.urls.stripe}/v1/products`, { headers: stripeAuth });
    assert.equal(response.status, 200);
    assert.ok(Date.now() - started >= 240);
    const fast = Date.now();
    await requestJson(`${sandbox.urls.stripe}/v1/products`, { headers: stripeAuth });
    assert.ok(Date.now() - fast < 200);
  });

  it('resets connections and hangs requests', async () => {
    await admin(sandbox.urls.businessCentral, 'POST', 'faults', {
      route: 'GET */companies',
      reset: true,
      count: 1,
    });
    await assert.rejects(
      fetch(`${sandbox.urls.businessCentral}/v2.0/concord/sandbox/api/v2.0/companies`, { headers: bcAuth }),
    );
    await admin(sandbox.urls.stripe, 'POST', 'faults', { route: 'GET /v1/customers', hang: true, count: 1 });
    await assert.rejects(
      fetch(`${sandbox.urls.stripe}/v1/customers`, { headers: stripeAuth, signal: AbortSignal.timeout(200) }),
      (error: Error) => error.name === 'TimeoutError',
    );
    const after = await requestJson(`${sandbox.urls.stripe}/v1/customers`, { headers: stripeAuth });
    assert.equal(after.status, 200);
  });

  it('runs the write and then drops the connection for an after-phase fault', async () => {
    await admin(sandbox.urls.salesforce, 'POST', 'faults', {
      route: 'POST */sobjects/Account',
      reset: true,
      phase: 'after',
      count: 1,
    });
    const key = `after-${Date.now()}`;
    await assert.rejects(
      fetch(`${sandbox.urls.salesforce}/services/data/v59.0/sobjects/Account`, {
        method: 'POST',
        headers: { ...sfAuth, 'content-type': 'application/json' },
        body: JSON.stringify({ Name: 'Lost answer', Concord_Id__c: key }),
      }),
    );
    const found = await requestJson<{ Concord_Id__c: string }>(
      `${sandbox.urls.salesforce}/services/data/v59.0/sobjects/Account/Concord_Id__c/${key}`,
      { headers: sfAuth },
    );
    assert.equal(found.body.Concord_Id__c, key);
  });

  it('applies probability 0 as never', async () => {
    await admin(sandbox.urls.stripe, 'POST', 'faults', {
      route: 'GET /v1/prices',
      status: 503,
      probability: 0,
    });
    const response = await requestJson(`${sandbox.urls.stripe}/v1/prices`, { headers: stripeAuth });
    assert.equal(response.status, 200);
    const faults = await admin<{ faults: { applied: number }[] }>(sandbox.urls.stripe, 'GET', 'faults');
    assert.ok(faults.faults.every((fault) => fault.applied === 0 || fault.applied === 1));
    await admin(sandbox.urls.stripe, 'DELETE', 'faults');
  });

  it('refuses malformed faults and limits', async () => {
    const fault = await requestJson<{ error: string }>(`${sandbox.urls.stripe}/__admin/faults`, {
      body: { route: 'GET /v1/x' },
    });
    assert.equal(fault.status, 400);
    const limits = await requestJson<{ error: string }>(`${sandbox.urls.stripe}/__admin/limits`, {
      method: 'PUT',
      body: { nope: 1 },
    });
    assert.equal(limits.status, 400);
  });

  it('counts calls per route and lists stored records', async () => {
    await admin(sandbox.urls.stripe, 'DELETE', 'calls');
    const created = await requestJson(`${sandbox.urls.stripe}/v1/customers`, {
      headers: { ...stripeAuth, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Counted',
    });
    assert.equal(created.status, 200);
    await requestJson(`${sandbox.urls.stripe}/v1/customers?limit=1`, { headers: stripeAuth });
    const calls = await admin<{ total: number; routes: Record<string, number> }>(
      sandbox.urls.stripe,
      'GET',
      'calls',
    );
    assert.equal(calls.total, 2);
    assert.deepEqual(calls.routes, { 'GET /v1/customers': 1, 'POST /v1/customers': 1 });
    const records = await admin<{ count: number; records: { name: string | null }[] }>(
      sandbox.urls.stripe,
      'GET',
      'records/customers',
    );
    assert.ok(records.records.some((customer) => customer.name === 'Counted'));
    const bcCalls = await admin<{ routes: Record<string, number> }>(
      sandbox.urls.businessCentral,
      'GET',
      'calls',
    );
    assert.ok(Object.keys(bcCalls.routes).some((route) => route.startsWith('POST /concord/oauth2')));
  });

  it('resets to seed data, or to empty with seed=false, and seeds on demand', async () => {
    await admin(sandbox.urls.salesforce, 'POST', 'reset?seed=false');
    const empty = await admin<{ count: number }>(sandbox.urls.salesforce, 'GET', 'records/Account');
    assert.equal(empty.count, 0);
    await admin(sandbox.urls.salesforce, 'POST', 'seed');
    const seeded = await admin<{ count: number }>(sandbox.urls.salesforce, 'GET', 'records/Account');
    assert.ok(seeded.count >= 5);
    const stale = await requestJson(`${sandbox.urls.salesforce}/services/data/v59.0/sobjects/Account`, {
      headers: sfAuth,
    });
    assert.equal(stale.status, 401);
    await admin(sandbox.urls.businessCentral, 'POST', 'reset');
    const customers = await admin<{ count: number }>(
      sandbox.urls.businessCentral,
      'GET',
      'records/customers',
    );
    assert.equal(customers.count, 12);
  });
});
