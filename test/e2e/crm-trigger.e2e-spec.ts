import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type jsforce from 'jsforce';
import { type CustomerChangeDto } from '@concord/contracts';
import { DataSource } from '@concord/persistence';
import { germanVatId, uniqueId, waitFor } from '@concord/testing';
import { EXPERIENCE_OPS_APP } from '../../apps/experience-ops/src/experience-ops.module.js';
import { CrmChangePoller } from '../../apps/process-onboarding/src/crm-changes/crm-change.poller.js';
import { HandleCrmChangeUseCase } from '../../apps/process-onboarding/src/crm-changes/handle-crm-change.usecase.js';
import { PROCESS_ONBOARDING_APP } from '../../apps/process-onboarding/src/process-onboarding.module.js';
import { SYSTEM_BILLING_APP } from '../../apps/system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../../apps/system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../../apps/system-erp/src/system-erp.module.js';
import { createTestCredentials, serviceToken } from '../support/credentials.js';
import {
  type RunningSandbox,
  sandboxAdmin,
  salesforceConnection,
  sandboxEnv,
  startTestSandbox,
} from '../support/sandbox.js';
import { bootStack, type Stack } from '../support/stack.js';

interface Onboarding {
  onboardingId: string;
  concordId: string;
  state: string;
  steps: Array<{ name: string; outcome: string; detail: Record<string, unknown> }>;
}
interface Account {
  Id: string;
  Name: string;
  Concord_Id__c: string | null;
  Concord_Sync_Status__c: string | null;
  Concord_Sync_Message__c: string | null;
  Billing_Customer_Id__c: string | null;
  ERP_Customer_Number__c: string | null;
  SystemModstamp: string;
}
interface BcCustomer {
  displayName: string;
  taxRegistrationNumber: string;
  postalCode: string;
}

const ACCOUNT_FIELDS = [
  'Id',
  'Name',
  'ERP_Customer_Number__c',
  'Concord_Id__c',
  'Concord_Sync_Status__c',
  'Concord_Sync_Message__c',
  'Billing_Customer_Id__c',
  'SystemModstamp',
];
/** Waits for the system to get somewhere; the deadline only turns a hang into a readable failure. */
const eventually = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
  waitFor(probe, 40_000, 200).catch((error: unknown) => {
    throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  });

// Each account its own tax ID: the match step would link accounts that share one.
const account = (name: string, type: string) => ({
  Name: name,
  Type: type,
  Tax_Id__c: germanVatId(name),
  BillingStreet: 'Hauptstr. 1',
  BillingCity: 'Berlin',
  BillingPostalCode: '10115',
  BillingCountry: 'DE',
  CurrencyIsoCode: 'EUR',
});

describe('CRM change feed as the onboarding trigger, with ownership, echoes and steward retries', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let sf: jsforce.Connection;
  let db: DataSource;
  let processAuth: string;
  let operatorKey: string;
  let consumer: string;
  // The account of the first test; later tests change it.
  let onboarded: { accountId: string; concordId: string; name: string };

  before(async () => {
    sandbox = await startTestSandbox({ salesforce: { seed: false } });
    stack = await bootStack(
      [SYSTEM_CRM_APP, SYSTEM_ERP_APP, SYSTEM_BILLING_APP, PROCESS_ONBOARDING_APP, EXPERIENCE_OPS_APP],
      { ...sandboxEnv(sandbox), CRM_CHANGES_POLL_MS: '250', STEWARD_RETRY_POLL_MS: '250' },
    );
    const onboarding = stack.apps.get('process-onboarding')!.app;
    db = onboarding.get(DataSource);
    consumer = onboarding.get(CrmChangePoller).consumer;
    processAuth = `Bearer ${await serviceToken('process')}`;
    operatorKey = (await createTestCredentials()).operatorKey;
    sf = await salesforceConnection(sandbox);
  });

  after(async () => {
    await stack.close();
    await sandbox.close();
  });

  const createAccount = async (fields: Record<string, unknown>): Promise<string> => {
    const result = await sf.sobject('Account').create(fields);
    assert.ok(result.success && result.id, JSON.stringify(result));
    return result.id;
  };
  const readAccount = async (id: string) =>
    (await sf.sobject('Account').retrieve(id, { fields: ACCOUNT_FIELDS })) as unknown as Account;
  const onboardingOf = async (crmAccountId: string): Promise<Onboarding | undefined> => {
    const response = await fetch(
      `${stack.url('process-onboarding')}/v1/onboardings?crmAccountId=${crmAccountId}`,
      { headers: { authorization: processAuth } },
    );
    if (response.status === 404) return undefined;
    assert.equal(response.status, 200);
    return (await response.json()) as Onboarding;
  };
  const settledOnboardingOf = (crmAccountId: string, states = ['synced', 'rejected', 'failed']) =>
    eventually(`onboarding of ${crmAccountId} in ${states.join('/')}`, async () => {
      const flow = await onboardingOf(crmAccountId);
      return flow && states.includes(flow.state) ? flow : undefined;
    });
  const flowCount = async (crmAccountId: string) =>
    Number(
      (
        await db.query<Array<{ count: string }>>(
          `SELECT count(*) AS count FROM flow WHERE input->>'crmAccountId' = $1`,
          [crmAccountId],
        )
      )[0]?.count,
    );
  const events = (accountId: string) =>
    db.query<Array<{ type: string; source_version: string; source_event_id: string }>>(
      `SELECT type, source_version, source_event_id FROM event_log
        WHERE source_system = 'crm' AND source_event_id LIKE $1 ORDER BY seq`,
      [`${accountId}@%`],
    );
  const consumedUpTo = (accountId: string, modstamp: string) =>
    eventually(`feed consumed up to ${modstamp}`, async () => {
      const stamp = new Date(modstamp).toISOString();
      const rows = await events(accountId);
      return rows.some((row) => row.source_version >= stamp) ? rows : undefined;
    });
  const metric = async (pattern: RegExp): Promise<number> => {
    const text = await (await fetch(`${stack.url('process-onboarding')}/metrics`)).text();
    const match = pattern.exec(text);
    return match?.[1] === undefined ? 0 : Number(match[1]);
  };
  const erpCustomers = async () =>
    (await sandboxAdmin<{ records: BcCustomer[] }>(sandbox.urls.businessCentral, 'GET', 'records/customers'))
      .records;

  it('onboards an Account created as a Customer in Salesforce without any call to Concord; a Prospect is not', async () => {
    const name = uniqueId('Contoso Trigger GmbH ');
    const accountId = await createAccount(account(name, 'Customer'));
    const prospectId = await createAccount(account(uniqueId('Fabrikam Prospect '), 'Prospect'));

    const flow = await settledOnboardingOf(accountId);
    assert.equal(flow.state, 'synced', JSON.stringify(flow.steps));
    const written = await readAccount(accountId);
    assert.equal(written.Concord_Id__c, flow.concordId);
    assert.equal(written.Concord_Sync_Status__c, 'Synced');
    const billing = flow.steps.find((step) => step.name === 'billing')?.detail.externalId;
    assert.equal(written.Billing_Customer_Id__c, billing);
    const erpNumber = String(flow.steps.find((step) => step.name === 'erp')?.detail.number);
    assert.equal(written.ERP_Customer_Number__c, erpNumber);
    assert.ok(written.Concord_Sync_Message__c?.includes(erpNumber), written.Concord_Sync_Message__c ?? '');
    const sameName = await sf.query<{ Id: string }>(`SELECT Id FROM Account WHERE Name = '${name}'`);
    assert.equal(sameName.totalSize, 1, 'the saga linked the account instead of creating another');
    assert.equal((await erpCustomers()).filter((customer) => customer.displayName === name).length, 1);

    const prospect = await eventually('prospect change consumed', async () => {
      const rows = await events(prospectId);
      return rows.length > 0 ? rows : undefined;
    });
    assert.deepEqual(
      prospect.map((row) => row.type),
      ['crm.account.ignored'],
    );
    assert.equal(await onboardingOf(prospectId), undefined);
    onboarded = { accountId, concordId: flow.concordId, name };
  });

  it("recognizes Concord's write-back as an echo and onboards a change delivered twice once", async () => {
    const { accountId } = onboarded;
    const current = await readAccount(accountId);
    const seen = await consumedUpTo(accountId, current.SystemModstamp);
    assert.equal(seen[0]?.type, 'crm.account.onboarding-started');
    assert.ok(seen.slice(1).length > 0);
    assert.ok(
      seen.slice(1).every((row) => row.type === 'crm.account.echo'),
      JSON.stringify(seen),
    );
    assert.equal(await flowCount(accountId), 1);

    // Replay the feed from its start: the account's latest change arrives a second time.
    const duplicates = /concord_duplicates_prevented_total\{[^}]*by="inbox-crm"[^}]*\} (\d+)/;
    const before = await metric(duplicates);
    await db.query(`UPDATE change_consumer SET cursor = NULL WHERE name = $1`, [consumer]);
    await eventually('replayed change dropped', async () =>
      (await metric(duplicates)) > before ? true : undefined,
    );
    // And the change that created the account, delivered once more as it came the first time.
    const [created] = await db.query<Array<{ change: CustomerChangeDto }>>(
      `SELECT payload->'change' AS change FROM event_log WHERE source_system = 'crm' AND source_event_id = $1`,
      [seen[0]?.source_event_id],
    );
    assert.ok(created);
    const handler = stack.apps.get('process-onboarding')!.app.get(HandleCrmChangeUseCase);
    assert.equal(await handler.execute(created.change, consumer), 'duplicate');
    assert.equal(await flowCount(accountId), 1);
    assert.deepEqual(await events(accountId), seen);
  });

  it('does not let a Salesforce edit of an ERP-owned field reach the ERP, and counts it', async () => {
    const { accountId, concordId } = onboarded;
    const violations = /concord_ownership_violations_total\{[^}]*domain="customer"[^}]*\} (\d+)/;
    const before = await metric(violations);
    const renamed = uniqueId('Contoso Renamed GmbH ');
    await sf.sobject('Account').update({ Id: accountId, Tax_Id__c: 'DE999999999', Name: renamed });

    await eventually('the CRM edit judged', async () =>
      (await events(accountId)).some((row) => row.type === 'crm.account.updated') ? true : undefined,
    );
    assert.equal(await metric(violations), before + 1);
    const [ownership] = await db.query<Array<{ error: { violations: unknown } }>>(
      `SELECT error FROM sync_exception WHERE category = 'ownership' AND entity_id = $1`,
      [concordId],
    );
    assert.deepEqual(ownership?.error.violations, [{ path: 'taxId', owner: 'erp' }]);
    // The name is the CRM's: it reaches the ERP record, whose tax ID stays the ERP's.
    const erp = await eventually('renamed in the ERP', async () =>
      (await erpCustomers()).find((customer) => customer.displayName === renamed),
    );
    assert.equal(erp.taxRegistrationNumber, germanVatId(onboarded.name));
  });

  it('keeps a Salesforce edit the canonical rules refuse out of the canonical record and the ERP, as a validation exception', async () => {
    const { accountId, concordId } = onboarded;
    const renamed = uniqueId('Contoso Postless GmbH ');
    await sf.sobject('Account').update({ Id: accountId, Name: renamed, BillingPostalCode: null });

    await eventually('the CRM edit judged', async () =>
      (await events(accountId)).some((row) => row.type === 'crm.account.invalid') ? true : undefined,
    );
    const [invalid] = await db.query<Array<{ error: { message: string } }>>(
      `SELECT error FROM sync_exception WHERE category = 'validation' AND entity_id = $1`,
      [concordId],
    );
    assert.match(invalid?.error.message ?? '', /address\.postalCode/);
    const [stored] = await db.query<Array<{ name: string; postal: string }>>(
      `SELECT data->>'name' AS name, data->'address'->>'postalCode' AS postal FROM customer WHERE id = $1`,
      [concordId],
    );
    assert.equal(stored?.postal, '10115');
    assert.notEqual(stored?.name, renamed, 'none of the refused change was applied');
    assert.equal((await erpCustomers()).filter((customer) => customer.displayName === renamed).length, 0);
  });

  it('refuses a canonical update of a field its source does not own with 409 naming the owner, and a stale one', async () => {
    const patch = (body: unknown) =>
      fetch(`${stack.url('process-onboarding')}/v1/customers/${onboarded.concordId}`, {
        method: 'PATCH',
        headers: {
          authorization: processAuth,
          'content-type': 'application/json',
          'idempotency-key': uniqueId('patch-'),
        },
        body: JSON.stringify(body),
      });
    const refused = await patch({
      source: 'crm',
      changes: { taxId: 'DE136695976', website: 'contoso.example.com' },
    });
    assert.equal(refused.status, 409);
    const body = (await refused.json()) as { error: { code: string; details: unknown[] } };
    assert.equal(body.error.code, 'OWNERSHIP_VIOLATION');
    assert.deepEqual(body.error.details, [{ path: 'taxId', owner: 'erp', message: 'taxId is owned by erp' }]);

    const stale = /concord_stale_events_total\{[^}]*source="crm"[^}]*\} (\d+)/;
    const staleBefore = await metric(stale);
    const older = await patch({
      source: 'crm',
      sourceVersion: '2020-01-01T00:00:00.000Z',
      changes: { website: 'contoso.example.com' },
    });
    assert.equal(older.status, 409);
    assert.equal(((await older.json()) as { error: { code: string } }).error.code, 'CONFLICT');
    assert.equal(await metric(stale), staleBefore + 1);

    const accepted = await patch({ source: 'crm', changes: { website: 'contoso.example.com' } });
    assert.equal(accepted.status, 200);
    assert.deepEqual(((await accepted.json()) as { changedFields: string[] }).changedFields, ['website']);
  });

  it('re-runs a failed onboarding on a steward retry from the ops API and ends synced', async () => {
    await sandboxAdmin(sandbox.urls.businessCentral, 'POST', 'faults', {
      route: 'POST /v2.0/*/customers',
      status: 400,
      count: 1,
      body: { error: { code: 'Application_FieldValidationException', message: 'Posting group blocked.' } },
    });
    const accountId = await createAccount(account(uniqueId('Northwind Trigger GmbH '), 'Customer'));
    const rejected = await settledOnboardingOf(accountId);
    assert.equal(rejected.state, 'rejected', JSON.stringify(rejected.steps));
    assert.equal((await readAccount(accountId)).Concord_Sync_Status__c, 'Rejected');
    const [exception] = await db.query<Array<{ id: string }>>(
      `SELECT id FROM sync_exception WHERE payload->'data'->>'flowId' = $1`,
      [rejected.onboardingId],
    );
    assert.ok(exception);

    const retry = await fetch(`${stack.url('experience-ops')}/v1/exceptions/${exception.id}/retry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'ERP posting group fixed' }),
    });
    assert.equal(retry.status, 200, await retry.clone().text());

    const synced = await settledOnboardingOf(accountId, ['synced']);
    assert.equal(synced.onboardingId, rejected.onboardingId);
    assert.equal((await readAccount(accountId)).Concord_Sync_Status__c, 'Synced');
    const [row] = await db.query<Array<{ status: string }>>(
      `SELECT status FROM sync_exception WHERE id = $1`,
      [exception.id],
    );
    assert.equal(row?.status, 'resolved');
    const audit = await db.query<Array<{ action: string }>>(
      `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [exception.id],
    );
    assert.deepEqual(
      audit.map((entry) => entry.action),
      ['exception.retry', 'exception.resubmitted'],
    );
    const metrics = await (await fetch(`${stack.url('process-onboarding')}/metrics`)).text();
    assert.match(metrics, /concord_exceptions_open\{[^}]*category="ownership"[^}]*\} [1-9]/);
    assert.match(metrics, /concord_event_lag_seconds\{[^}]*source="crm"[^}]*\} \d/);
  });

  it('files the deletion of an onboarded Salesforce account as a conflict naming the ERP and billing customers it leaves', async () => {
    const { accountId, concordId, name } = onboarded;
    const result = await sf.sobject('Account').destroy(accountId);
    assert.ok(result.success, JSON.stringify(result));

    const deleted = await eventually('the deletion consumed', async () =>
      (await events(accountId)).find((row) => row.type === 'crm.account.deleted'),
    );
    assert.ok(deleted);
    const conflicts = await db.query<
      Array<{
        status: string;
        system: string;
        error: { message: string };
        payload: { remaining: Array<{ system: string; externalId: string }> };
      }>
    >(
      `SELECT status, system, error, payload FROM sync_exception WHERE category = 'conflict' AND entity_id = $1`,
      [concordId],
    );
    assert.equal(conflicts.length, 1, JSON.stringify(conflicts));
    const [conflict] = conflicts;
    assert.equal(conflict?.status, 'open');
    assert.equal(conflict?.system, 'crm');
    const held = conflict?.payload.remaining.map((link) => link.system).sort();
    assert.deepEqual(held, ['billing', 'erp']);
    for (const link of conflict?.payload.remaining ?? [])
      assert.ok(conflict?.error.message.includes(link.externalId));
    assert.match(conflict?.error.message ?? '', new RegExp(`CRM account ${accountId} was deleted`));
    // Nothing is taken from the ERP on the CRM's word, and no onboarding starts again.
    const taxId = germanVatId(name);
    const erpAfter = (await erpCustomers()).filter((customer) => customer.taxRegistrationNumber === taxId);
    assert.equal(erpAfter.length, 1, 'the ERP customer is still there');
    assert.equal(await flowCount(accountId), 1);
  });
});
