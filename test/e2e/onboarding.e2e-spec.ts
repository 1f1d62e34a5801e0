import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from '@concord/persistence';
import { uniqueId } from '@concord/testing';
import { PROCESS_ONBOARDING_APP } from '../../apps/process-onboarding/src/process-onboarding.module.js';
import { SYSTEM_BILLING_APP } from '../../apps/system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../../apps/system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../../apps/system-erp/src/system-erp.module.js';
import { serviceToken } from '../support/credentials.js';
import { type RunningSandbox, sandboxAdmin, sandboxEnv, startTestSandbox } from '../support/sandbox.js';
import { bootStack, type Stack } from '../support/stack.js';

interface Step {
  name: string;
  outcome: string;
  attempt: number;
  detail: Record<string, unknown>;
}
interface Onboarding {
  onboardingId: string;
  concordId: string;
  state: string;
  steps: Step[];
}
interface Accepted {
  onboardingId: string;
  concordId: string;
  status: string;
}
interface SfAccount {
  Name: string;
  Concord_Sync_Status__c?: string | null;
  Concord_Sync_Message__c?: string | null;
  ERP_Customer_Number__c?: string | null;
  Billing_Customer_Id__c?: string | null;
  IsDeleted?: boolean;
}

const BC_CUSTOMER_POST = 'POST /v2.0/*/customers';
const customer = (name: string, taxId = 'DE136695976') => ({
  name,
  country: 'DE',
  taxId,
  currency: 'EUR',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
  email: 'billing@contoso.example.com',
  paymentTermsDays: 30,
});

describe('onboarding saga across CRM, ERP and billing sandboxes', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let auth: string;

  before(async () => {
    sandbox = await startTestSandbox();
    stack = await bootStack(
      [SYSTEM_CRM_APP, SYSTEM_ERP_APP, SYSTEM_BILLING_APP, PROCESS_ONBOARDING_APP],
      sandboxEnv(sandbox),
    );
    auth = `Bearer ${await serviceToken('process')}`;
  });

  after(async () => {
    await stack.close();
    await sandbox.close();
  });

  const start = (body: unknown, key = uniqueId('onb-')) =>
    fetch(`${stack.url('process-onboarding')}/v1/onboardings`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
  const read = async (id: string): Promise<Onboarding> => {
    const response = await fetch(`${stack.url('process-onboarding')}/v1/onboardings/${id}`, {
      headers: { authorization: auth },
    });
    assert.equal(response.status, 200);
    return (await response.json()) as Onboarding;
  };
  const settle = async (id: string, timeoutMs = 25_000): Promise<Onboarding> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const flow = await read(id);
      if (['synced', 'rejected', 'failed'].includes(flow.state)) return flow;
      if (Date.now() > deadline)
        assert.fail(`onboarding ${id} still ${flow.state}: ${JSON.stringify(flow.steps)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const onboard = async (body: unknown): Promise<Onboarding> => {
    const response = await start(body);
    assert.equal(response.status, 202);
    return settle(((await response.json()) as Accepted).onboardingId);
  };
  const records = async <T>(url: string, type: string): Promise<T[]> =>
    (await sandboxAdmin<{ records: T[] }>(url, 'GET', `records/${type}`)).records;
  const accountsNamed = async (name: string) =>
    (await records<SfAccount>(sandbox.urls.salesforce, 'Account')).filter(
      (a) => a.Name === name && !a.IsDeleted,
    );
  const erpCustomersNamed = async (name: string) =>
    (await records<{ displayName: string }>(sandbox.urls.businessCentral, 'customers')).filter(
      (record) => record.displayName === name,
    );
  const billingCustomersNamed = async (name: string) =>
    (await records<{ name: string }>(sandbox.urls.stripe, 'customers')).filter(
      (record) => record.name === name,
    );
  const erpCustomerCalls = async () => {
    const calls = await sandboxAdmin<{ routes: Record<string, number> }>(
      sandbox.urls.businessCentral,
      'GET',
      'calls',
    );
    return Object.entries(calls.routes)
      .filter(([route]) => route.includes('/customers'))
      .reduce((sum, [, count]) => sum + count, 0);
  };
  const stepOf = (flow: Onboarding, name: string) => flow.steps.find((step) => step.name === name);

  it('onboards a valid German customer into all three systems and writes the verdict back', async () => {
    const name = uniqueId('Contoso GmbH ');
    const key = uniqueId('onb-');
    const first = await start({ customer: customer(name) }, key);
    assert.equal(first.status, 202);
    const accepted = (await first.json()) as Accepted;
    assert.equal(first.headers.get('location'), `/v1/onboardings/${accepted.onboardingId}`);
    const flow = await settle(accepted.onboardingId);
    assert.equal(flow.state, 'synced', JSON.stringify(flow.steps));
    assert.deepEqual(
      flow.steps.map((step) => [step.name, step.outcome]),
      [
        ['crm-account', 'CONFIRMED'],
        ['validate', 'CONFIRMED'],
        ['erp', 'CONFIRMED'],
        ['billing', 'CONFIRMED'],
        ['crm-writeback', 'CONFIRMED'],
      ],
    );
    const [account, ...moreAccounts] = await accountsNamed(name);
    assert.equal(moreAccounts.length, 0);
    assert.equal(account?.Concord_Sync_Status__c, 'Synced');
    const billingId = stepOf(flow, 'billing')?.detail.externalId;
    assert.equal(account?.Billing_Customer_Id__c, billingId);
    assert.match(
      account?.Concord_Sync_Message__c ?? '',
      new RegExp(String(stepOf(flow, 'erp')?.detail.externalId)),
    );
    assert.equal((await erpCustomersNamed(name)).length, 1);
    assert.equal((await billingCustomersNamed(name)).length, 1);

    const again = await start({ customer: customer(name) }, key);
    assert.equal(again.status, 202);
    assert.equal(((await again.json()) as Accepted).onboardingId, accepted.onboardingId);

    const metrics = await (await fetch(`${stack.url('process-onboarding')}/metrics`)).text();
    assert.match(metrics, /concord_sync_outcomes_total\{[^}]*step="erp"[^}]*outcome="CONFIRMED"[^}]*\} \d/);
    assert.match(metrics, /concord_sync_latency_seconds_count\{[^}]*domain="customer"[^}]*\} \d/);
  });

  it('rejects an invalid tax ID in the validate step without calling the ERP', async () => {
    const before = await erpCustomerCalls();
    const crmAccountId = uniqueId('001');
    const flow = await onboard({ customer: customer(uniqueId('Fabrikam AG '), 'DE136695975'), crmAccountId });
    assert.equal(flow.state, 'rejected');
    const validate = stepOf(flow, 'validate');
    assert.equal(validate?.outcome, 'REJECTED');
    assert.ok(
      (validate?.detail.details as Array<{ path: string }>).some((detail) => detail.path === 'taxId'),
    );
    assert.equal(stepOf(flow, 'erp'), undefined);
    assert.equal(await erpCustomerCalls(), before);

    const latest = await fetch(
      `${stack.url('process-onboarding')}/v1/onboardings?crmAccountId=${crmAccountId}`,
      {
        headers: { authorization: auth },
      },
    );
    assert.equal(((await latest.json()) as Onboarding).onboardingId, flow.onboardingId);
  });

  it('marks the CRM account Rejected and opens one exception when the ERP refuses the customer', async () => {
    const name = uniqueId('Northwind GmbH ');
    await sandboxAdmin(sandbox.urls.businessCentral, 'POST', 'faults', {
      route: BC_CUSTOMER_POST,
      status: 400,
      count: 1,
      body: {
        error: {
          code: 'Application_FieldValidationException',
          message: 'The field VAT Registration No. of table Customer is blocked for this posting group.',
        },
      },
    });
    const flow = await onboard({ customer: customer(name) });
    assert.equal(flow.state, 'rejected', JSON.stringify(flow.steps));
    assert.equal(stepOf(flow, 'erp')?.outcome, 'REJECTED');
    const [account] = await accountsNamed(name);
    assert.equal(account?.Concord_Sync_Status__c, 'Rejected');
    assert.match(account?.Concord_Sync_Message__c ?? '', /ERP rejected the customer/);
    const exceptions: Array<{
      category: string;
      payload: { data: { flowId: string } };
      error: Record<string, unknown>;
    }> = await stack.apps
      .get('process-onboarding')!
      .app.get(DataSource)
      .query(
        `SELECT category, payload, error FROM sync_exception WHERE queue LIKE '%onboarding' AND payload->'data'->>'flowId' = $1`,
        [flow.onboardingId],
      );
    assert.equal(exceptions.length, 1);
    assert.equal(exceptions[0]?.category, 'rejected-by-target');
    assert.deepEqual(exceptions[0]?.payload.data, { flowId: flow.onboardingId, step: 'erp' });
    assert.ok(exceptions[0]?.error.targetAnswer);
    assert.equal((await erpCustomersNamed(name)).length, 0);
  });

  it('retries ERP outages through the queue and ends synced with one ERP customer', async () => {
    const name = uniqueId('Litware GmbH ');
    await sandboxAdmin(sandbox.urls.businessCentral, 'POST', 'faults', {
      route: BC_CUSTOMER_POST,
      status: 503,
      count: 6,
    });
    const flow = await onboard({ customer: customer(name) });
    assert.equal(flow.state, 'synced', JSON.stringify(flow.steps));
    // More 503s than the layer clients retry on their own: the saga step itself is retried by the queue.
    assert.ok((stepOf(flow, 'erp')?.attempt ?? 0) >= 2, JSON.stringify(stepOf(flow, 'erp')));
    assert.equal((await erpCustomersNamed(name)).length, 1);
    assert.equal((await billingCustomersNamed(name)).length, 1);
  });
});
