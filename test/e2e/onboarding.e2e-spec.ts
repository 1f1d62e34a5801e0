import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from '@concord/persistence';
import { exampleDomain, germanVatId, uniqueId } from '@concord/testing';
import { PROCESS_ONBOARDING_APP } from '../../apps/process-onboarding/src/process-onboarding.module.js';
import { SYSTEM_BILLING_APP } from '../../apps/system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../../apps/system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../../apps/system-erp/src/system-erp.module.js';
import { serviceToken } from '../support/credentials.js';
import { type RunningSandbox, sandboxAdmin, sandboxEnv, startTestSandbox } from '../support/sandbox.js';
import { type Accepted, type Onboarding, onboardingClient, stepOf } from '../support/onboarding-client.js';
import { bootStack, type Stack } from '../support/stack.js';

const BC_CUSTOMER_POST = 'POST /v2.0/*/customers';
// Each test customer its own tax ID and domain: the saga's duplicate check must not link them.
const customer = (name: string, taxId = germanVatId(name)) => ({
  name,
  country: 'DE',
  taxId,
  currency: 'EUR',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
  email: `billing@${exampleDomain(name)}`,
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

  const client = () => onboardingClient(stack, sandbox, auth);
  const start = (body: unknown, key?: string) => client().start(body, key);
  const settle = (id: string) => client().settle(id);
  const onboard = (body: unknown) => client().onboard(body);
  const accountsNamed = (name: string) => client().accountsNamed(name);
  const erpCustomersNamed = (name: string) => client().erpCustomersNamed(name);
  const billingCustomersNamed = (name: string) => client().billingCustomersNamed(name);
  const salesforceToken = async (): Promise<string> => {
    const response = await fetch(`${sandbox.urls.salesforce}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'concord',
        client_secret: 'concord-secret',
      }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  };
  /** An account as a sales rep creates it in Salesforce, without a Concord ID. */
  const createSalesforceAccount = async (name: string): Promise<string> => {
    const created = await fetch(`${sandbox.urls.salesforce}/services/data/v59.0/sobjects/Account`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await salesforceToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Name: name }),
    });
    assert.equal(created.status, 201);
    return ((await created.json()) as { id: string }).id;
  };
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
        ['match', 'CONFIRMED'],
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
    const erpNumber = stepOf(flow, 'erp')?.detail.number;
    assert.match(String(erpNumber), /^CC[0-9A-F]{18}$/);
    assert.equal(account?.ERP_Customer_Number__c, erpNumber);
    assert.match(account?.Concord_Sync_Message__c ?? '', new RegExp(`ERP customer ${String(erpNumber)}`));
    assert.equal(stepOf(flow, 'match')?.detail.decision, 'new');
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

  it('links an account created in Salesforce by its record ID and writes the ERP number back to it', async () => {
    const name = uniqueId('Wide World Importers GmbH ');
    const crmAccountId = await createSalesforceAccount(name);

    const flow = await onboard({ customer: customer(name), crmAccountId });
    assert.equal(flow.state, 'synced', JSON.stringify(flow.steps));
    assert.equal(stepOf(flow, 'crm-account'), undefined);
    const accounts = await accountsNamed(name);
    assert.deepEqual(
      accounts.map((account) => account.Id),
      [crmAccountId],
    );
    const [account] = accounts;
    assert.equal(account?.Concord_Id__c, flow.concordId);
    assert.equal(account?.Concord_Sync_Status__c, 'Synced');
    assert.equal(account?.ERP_Customer_Number__c, stepOf(flow, 'erp')?.detail.number);
    assert.equal(account?.Billing_Customer_Id__c, stepOf(flow, 'billing')?.detail.externalId);
  });

  it('gives the ERP customer its finance fields and the default dimensions of its territory and segment', async () => {
    const name = uniqueId('Proseware GmbH ');
    const flow = await onboard({
      customer: {
        ...customer(name),
        legalName: `${name} Deutschland`,
        territory: 'DACH',
        segment: 'Enterprise',
        currency: 'USD',
        paymentTermsDays: 14,
        blocked: true,
      },
    });
    assert.equal(flow.state, 'synced', JSON.stringify(flow.steps));
    const bc = sandbox.urls.businessCentral;
    const [erp, ...more] = (
      await client().records<{
        id: string;
        companyId: string;
        number: string;
        displayName: string;
        taxRegistrationNumber: string;
        country: string;
        currencyCode: string;
        paymentTermsId: string;
        blocked: string;
      }>(bc, 'customers')
    ).filter((record) => record.number === stepOf(flow, 'erp')?.detail.number);
    assert.equal(more.length, 0);
    assert.deepEqual(
      [erp?.displayName, erp?.taxRegistrationNumber, erp?.country, erp?.currencyCode, erp?.blocked],
      [`${name} Deutschland`, germanVatId(name), 'DE', 'USD', 'All'],
    );
    const companies = await client().records<{ id: string; name: string }>(bc, 'companies');
    assert.equal(companies.find((company) => company.id === erp?.companyId)?.name, 'CRONUS AG');
    const terms = await client().records<{ id: string; code: string }>(bc, 'paymentTerms');
    assert.equal(terms.find((term) => term.id === erp?.paymentTermsId)?.code, '14 DAYS');
    const dimensions = (
      await client().records<{ parentId: string; dimensionCode: string; dimensionValueCode: string }>(
        bc,
        'defaultDimensions',
      )
    ).filter((row) => row.parentId === erp?.id);
    assert.deepEqual(dimensions.map((row) => `${row.dimensionCode}=${row.dimensionValueCode}`).sort(), [
      'AREA=10',
      'CUSTOMERGROUP=LARGE',
    ]);
  });

  it('marks an account created in Salesforce Rejected when the customer fails validation', async () => {
    const name = uniqueId('Adventure Works GmbH ');
    const crmAccountId = await createSalesforceAccount(name);
    const flow = await onboard({ customer: customer(name, 'DE136695975'), crmAccountId });
    assert.equal(flow.state, 'rejected');
    const [account] = await accountsNamed(name);
    assert.equal(account?.Concord_Id__c, flow.concordId);
    assert.equal(account?.Concord_Sync_Status__c, 'Rejected');
    assert.match(account?.Concord_Sync_Message__c ?? '', /taxId/);
  });
});
