import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type jsforce from 'jsforce';
import { connectDatabase, type DataSource } from '@concord/persistence';
import { freePort, testDatabaseUrl, testRedisUrl, uniqueId, waitFor } from '@concord/testing';
import { SYSTEM_BILLING_APP } from '../../apps/system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../../apps/system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../../apps/system-erp/src/system-erp.module.js';
import { AppProcess } from '../support/app-process.js';
import { buildOnboardingScenario } from '../support/onboarding-scenario.js';
import { runOnboardingScenario } from '../support/onboarding-scenario.run.js';
import {
  type RunningSandbox,
  sandboxAdmin,
  salesforceConnection,
  sandboxEnv,
  startTestSandbox,
} from '../support/sandbox.js';
import { bootStack, type Stack } from '../support/stack.js';

// The 200-account onboarding of the e2e suite, under faults: the onboarding worker is SIGKILLed
// mid-flow and started again, 20% of Business Central calls answer 503, Stripe answers 429 in bursts
// (its rate limit set low), and the CRM change feed is replayed from the start twice, so every
// change arrives at least twice. The end state must be the one the fault-free run reaches.
describe('onboarding 200 accounts through worker kills, ERP 503s, Stripe 429s and replayed changes', () => {
  const namespace = uniqueId('chaos').toLowerCase();
  let sandbox: RunningSandbox;
  let stack: Stack;
  let onboarding: AppProcess;
  let sf: jsforce.Connection;
  let db: DataSource;

  before(async () => {
    sandbox = await startTestSandbox({ seed: false });
    stack = await bootStack([SYSTEM_CRM_APP, SYSTEM_ERP_APP, SYSTEM_BILLING_APP], sandboxEnv(sandbox));
    onboarding = AppProcess.of('process-onboarding', await freePort(), {
      DATABASE_URL: testDatabaseUrl(),
      REDIS_URL: testRedisUrl(),
      QUEUE_NAMESPACE: namespace,
      SYSTEM_CRM_URL: stack.url('system-crm'),
      SYSTEM_ERP_URL: stack.url('system-erp'),
      SYSTEM_BILLING_URL: stack.url('system-billing'),
      CRM_CHANGES_POLL_MS: '200',
      STEWARD_RETRY_POLL_MS: '0',
      ONBOARDING_CONCURRENCY: '16',
      // Claims the killed worker left in progress are taken over after this long.
      IDEMPOTENCY_LEASE_SECONDS: '5',
      LOG_LEVEL: 'error',
    });
    await onboarding.start();
    db = await connectDatabase({ url: testDatabaseUrl(), appName: 'chaos-test', poolSize: 2 });
    sf = await salesforceConnection(sandbox);
  });

  after(async () => {
    await onboarding.stop();
    await stack.close();
    await sandbox.close();
    await db.destroy();
  });

  const flowsSince = async (since: Date, states: string[] | null): Promise<number> => {
    const [row] = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM flow WHERE kind = 'customer-onboarding' AND created_at >= $1
          AND ($2::text[] IS NULL OR state = ANY($2))`,
      [since, states],
    );
    return row?.n ?? 0;
  };
  const atLeast = (since: Date, count: number, states: string[] | null) =>
    waitFor(async () => ((await flowsSince(since, states)) >= count ? true : undefined), 300_000, 500);
  const replayFeed = () =>
    db.query(`UPDATE change_consumer SET cursor = NULL WHERE name = $1`, [`${namespace}.crm-customers`]);

  it('ends exactly as the fault-free run does, with no duplicate in any system', async () => {
    const scenario = buildOnboardingScenario(Date.now() % 100_000);
    let runStarted = new Date();
    const run = await runOnboardingScenario(
      scenario,
      { sf, sandbox, db, timeoutMs: 420_000 },
      {
        beforeRun: async () => {
          runStarted = new Date();
          await sandboxAdmin(sandbox.urls.businessCentral, 'POST', 'faults', {
            route: '/v2.0/*',
            status: 503,
            body: {
              error: { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable.' },
            },
            probability: 0.2,
          });
          await sandboxAdmin(sandbox.urls.stripe, 'PUT', 'limits', { ratePerSecond: 10 });
        },
        during: async () => {
          await atLeast(runStarted, 40, null);
          await onboarding.kill();
          await replayFeed();
          await onboarding.start();
          await atLeast(runStarted, 120, ['synced', 'rejected', 'review', 'failed']);
          await replayFeed();
        },
      },
    );
    const faults = await sandboxAdmin<{ faults: Array<{ applied: number }> }>(
      sandbox.urls.businessCentral,
      'GET',
      'faults',
    );
    assert.ok((faults.faults[0]?.applied ?? 0) > 0, 'the ERP answered 503 to some calls');
    assert.deepEqual(run.problems, []);
  });
});
