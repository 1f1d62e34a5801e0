import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serviceToken } from '../../../test/support/credentials.js';
import {
  type RunningSandbox,
  sandboxAdmin,
  sandboxEnv,
  startTestSandbox,
} from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { systemApi } from '../../../test/support/system-api.js';
import { SYSTEM_CRM_APP } from '../src/system-crm.module.js';

// Its own file (and process): the hold it provokes lasts a minute and would stall other tests.
describe('system-crm paces Salesforce calls by the org API allowance', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let token: string;
  const api = systemApi(
    () => stack,
    'system-crm',
    () => token,
  );
  const quotaGauge = async (): Promise<number> => {
    const text = await (await fetch(`${stack.url('system-crm')}/metrics`)).text();
    const value = /concord_external_quota_remaining\{[^}]*system="salesforce"[^}]*\} (\d+)/.exec(text)?.[1];
    assert.ok(value !== undefined, 'the quota gauge is reported');
    return Number(value);
  };
  const vendorCalls = async () =>
    (await sandboxAdmin<{ total: number }>(sandbox.urls.salesforce, 'GET', 'calls')).total;

  before(async () => {
    sandbox = await startTestSandbox();
    stack = await bootStack([SYSTEM_CRM_APP], sandboxEnv(sandbox));
    token = await serviceToken('system');
  });

  after(async () => {
    await stack?.close();
    await sandbox?.close();
  });

  it('holds calls once Sforce-Limit-Info shows the allowance inside its 10% reserve', async () => {
    for (let call = 0; call < 20; call += 1) {
      assert.equal((await api('GET', `/v1/products/P-${call}`)).status, 404);
    }
    const limits = await sandboxAdmin<{ dailyApiLimit: number }>(sandbox.urls.salesforce, 'GET', 'limits');
    const used = limits.dailyApiLimit - (await quotaGauge());
    // After the next call one call is left: inside the reserve, though Salesforce would still say yes.
    await sandboxAdmin(sandbox.urls.salesforce, 'PUT', 'limits', { dailyApiLimit: used + 2 });
    assert.equal((await api('GET', '/v1/products/PACING-2')).status, 404);
    assert.equal(await quotaGauge(), 1);
    const before = await vendorCalls();
    const held = await api<{ error: { code: string } }>('GET', '/v1/products/PACING-3');
    assert.equal(held.status, 429);
    assert.equal(held.body.error.code, 'RATE_LIMITED');
    assert.ok(
      Number(held.headers.get('retry-after')) > 50,
      'the caller learns to come back in about a minute',
    );
    assert.equal(await vendorCalls(), before, 'Salesforce was not called while held');
  });
});
