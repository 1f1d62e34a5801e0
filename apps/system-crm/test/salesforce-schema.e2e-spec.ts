import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { serviceToken } from '../../../test/support/credentials.js';
import {
  type RunningSandbox,
  sandboxAdmin,
  sandboxEnv,
  startTestSandbox,
} from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { SYSTEM_CRM_APP } from '../src/system-crm.module.js';

interface Describe {
  fields: Array<{ name: string; picklistValues?: Array<{ value: string; active: boolean }> }>;
}
interface Report {
  checks: Record<string, { status: string; error?: string }>;
}

describe('system-crm Salesforce schema drift', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;

  before(async () => {
    sandbox = await startTestSandbox();
    const login = await fetch(`${sandbox.urls.salesforce}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=concord&client_secret=concord-secret',
    });
    const { access_token } = (await login.json()) as { access_token: string };
    const describe = (await (
      await fetch(`${sandbox.urls.salesforce}/services/data/v59.0/sobjects/Account/describe`, {
        headers: { authorization: `Bearer ${access_token}` },
      })
    ).json()) as Describe;
    const drifted: Describe = {
      ...describe,
      fields: describe.fields
        .filter((field) => field.name !== 'Tax_Id__c')
        .map((field) =>
          field.name === 'Concord_Sync_Status__c'
            ? { ...field, picklistValues: field.picklistValues?.filter((entry) => entry.value !== 'Review') }
            : field,
        ),
    };
    await sandboxAdmin(sandbox.urls.salesforce, 'POST', 'faults', {
      route: 'GET /services/data/*/sobjects/Account/describe',
      status: 200,
      body: drifted,
    });
    stack = await bootStack([SYSTEM_CRM_APP], sandboxEnv(sandbox));
  });

  after(async () => {
    await stack?.close();
    await sandbox?.close();
  });

  it('reports missing Concord fields in the gauge and the dependency report', async () => {
    const url = stack.url('system-crm');
    let metrics = '';
    for (let attempt = 0; attempt < 50 && !/concord_schema_drift\{[^}]*\} 1/.test(metrics); attempt += 1) {
      await sleep(100);
      metrics = await (await fetch(`${url}/metrics`)).text();
    }
    assert.match(metrics, /concord_schema_drift\{[^}]*system="salesforce"[^}]*\} 1/);
    const response = await fetch(`${url}/v1/diagnostics/dependencies`, {
      headers: { authorization: `Bearer ${await serviceToken('system')}` },
    });
    const report = (await response.json()) as Report;
    assert.equal(report.checks['salesforce-schema']?.status, 'unavailable');
    assert.match(report.checks['salesforce-schema']?.error ?? '', /Tax_Id__c is missing/);
    assert.match(report.checks['salesforce-schema']?.error ?? '', /lacks the value Review/);
  });
});
