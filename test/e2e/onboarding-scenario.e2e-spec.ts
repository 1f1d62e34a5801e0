import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type jsforce from 'jsforce';
import { DataSource } from '@concord/persistence';
import { PROCESS_ONBOARDING_APP } from '../../apps/process-onboarding/src/process-onboarding.module.js';
import { SYSTEM_BILLING_APP } from '../../apps/system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../../apps/system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../../apps/system-erp/src/system-erp.module.js';
import { buildOnboardingScenario } from '../support/onboarding-scenario.js';
import { runOnboardingScenario } from '../support/onboarding-scenario.run.js';
import {
  type RunningSandbox,
  salesforceConnection,
  sandboxEnv,
  startTestSandbox,
} from '../support/sandbox.js';
import { bootStack, type Stack } from '../support/stack.js';

// 200 accounts created in Salesforce after 20 customers were onboarded: 20 near-duplicates of those,
// 10 with an invalid tax ID, 5 the ERP refuses, 165 new. Only the CRM change feed starts onboardings.
describe('onboarding 200 Salesforce accounts from the CRM change feed', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let sf: jsforce.Connection;

  before(async () => {
    sandbox = await startTestSandbox({ seed: false });
    stack = await bootStack([SYSTEM_CRM_APP, SYSTEM_ERP_APP, SYSTEM_BILLING_APP, PROCESS_ONBOARDING_APP], {
      ...sandboxEnv(sandbox),
      CRM_CHANGES_POLL_MS: '200',
      ONBOARDING_CONCURRENCY: '16',
    });
    sf = await salesforceConnection(sandbox);
  });

  after(async () => {
    await stack.close();
    await sandbox.close();
  });

  it('ends with the right records in every system, the right status on every account, one exception per held or rejected one', async () => {
    const scenario = buildOnboardingScenario(Date.now() % 100_000);
    const db = stack.apps.get('process-onboarding')!.app.get(DataSource);
    const run = await runOnboardingScenario(scenario, { sf, sandbox, db, timeoutMs: 180_000 });
    assert.deepEqual(run.problems, []);
    const byKind = (kind: string) => scenario.run.filter((account) => account.kind === kind).length;
    assert.deepEqual(
      [byKind('near-duplicate'), byKind('invalid-tax-id'), byKind('erp-rejected'), byKind('new')],
      [20, 10, 5, 165],
    );
    assert.equal(run.state.erpCustomerNames.length, 185);
  });
});
