import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { serviceToken } from '../../../test/support/credentials.js';
import {
  type RunningSandbox,
  salesforceToken,
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
    // An org admin deletes a Concord field and retires a picklist value behind Concord's back.
    await sandboxAdmin(sandbox.urls.salesforce, 'POST', 'schema-drift', {
      object: 'Account',
      removeField: 'Tax_Id__c',
      picklist: { field: 'Concord_Sync_Status__c', values: ['Pending', 'Synced', 'Error'] },
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
    const ready = await fetch(`${url}/health/ready`);
    assert.equal(ready.status, 503);
    const readiness = (await ready.json()) as Report;
    assert.equal(readiness.checks['salesforce-schema']?.status, 'unavailable');
  });

  it('makes the drifted org behave as Salesforce does: describe and writes', async () => {
    const { access_token, instance_url } = await salesforceToken(sandbox.urls.salesforce);
    const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' };
    const describe = (await (
      await fetch(`${instance_url}/services/data/v59.0/sobjects/Account/describe`, { headers })
    ).json()) as Describe;
    assert.equal(
      describe.fields.some((field) => field.name === 'Tax_Id__c'),
      false,
    );
    const write = await fetch(`${instance_url}/services/data/v59.0/sobjects/Account`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ Name: 'Drift GmbH', Tax_Id__c: 'DE136695976' }),
    });
    assert.equal(write.status, 400);
    const [error] = (await write.json()) as Array<{ errorCode: string }>;
    assert.equal(error?.errorCode, 'INVALID_FIELD');
    await sandboxAdmin(sandbox.urls.salesforce, 'DELETE', 'schema-drift');
    const restored = (await (
      await fetch(`${instance_url}/services/data/v59.0/sobjects/Account/describe`, { headers })
    ).json()) as Describe;
    assert.equal(
      restored.fields.some((field) => field.name === 'Tax_Id__c'),
      true,
    );
  });
});
