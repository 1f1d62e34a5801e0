import { CredentialStore } from '@concord/governance';
import { connectDatabase } from '@concord/persistence';
import { germanVatId, testDatabaseUrl, uniqueId, waitFor } from '@concord/testing';
import { EXPERIENCE_OPS_APP } from '../../apps/experience-ops/src/experience-ops.module.js';
import { EXPERIENCE_PARTNER_APP } from '../../apps/experience-partner/src/experience-partner.module.js';
import { PROCESS_ACTIVATION_APP } from '../../apps/process-activation/src/process-activation.module.js';
import { PROCESS_ONBOARDING_APP } from '../../apps/process-onboarding/src/process-onboarding.module.js';
import { PROCESS_RECONCILIATION_APP } from '../../apps/process-reconciliation/src/process-reconciliation.module.js';
import { SYSTEM_BILLING_APP } from '../../apps/system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../../apps/system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../../apps/system-erp/src/system-erp.module.js';
import { type RunningSandbox, sandboxEnv, startTestSandbox } from './sandbox.js';
import { bootStack, type Stack } from './stack.js';

export type ExperienceApp = 'experience-partner' | 'experience-ops';

export interface ExperienceStack {
  stack: Stack;
  keys: { partnerA: string; partnerB: string; operator: string };
  bodyLimitBytes: number;
  /** One request to an experience app, with a fresh Idempotency-Key. */
  call(
    app: ExperienceApp,
    method: string,
    path: string,
    init?: { key?: string; body?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Registers a customer for a partner and waits for its onboarding to end. */
  registerCustomer(key: string, name: string): Promise<{ customerId: string; onboardingId: string }>;
  close(): Promise<void>;
}

/**
 * Both experience apps over every process and system app and the vendor sandboxes, so no answer
 * is an outage of a missing dependency, with two partners and an admin operator.
 */
export async function bootExperienceStack(env: NodeJS.ProcessEnv = {}): Promise<ExperienceStack> {
  const sandbox: RunningSandbox = await startTestSandbox();
  const stack = await bootStack(
    [
      SYSTEM_CRM_APP,
      SYSTEM_ERP_APP,
      SYSTEM_BILLING_APP,
      PROCESS_ONBOARDING_APP,
      PROCESS_ACTIVATION_APP,
      PROCESS_RECONCILIATION_APP,
      EXPERIENCE_PARTNER_APP,
      EXPERIENCE_OPS_APP,
    ],
    // Quotas have their own tests; generated suites send more than a partner's default per second.
    { ...sandboxEnv(sandbox), PARTNER_RATE_LIMIT: '1000000', ...env },
  ).catch(async (error: unknown) => {
    await sandbox.close();
    throw error;
  });
  const dataSource = await connectDatabase({
    url: testDatabaseUrl(),
    appName: 'e2e-experience',
    poolSize: 2,
  });
  const store = new CredentialStore(dataSource);
  const scopes = ['customers:read', 'customers:write'];
  const keys = {
    partnerA: (await store.createPartner(uniqueId('partner-a-'), scopes)).apiKey,
    partnerB: (await store.createPartner(uniqueId('partner-b-'), scopes)).apiKey,
    operator: (await store.createOperator(uniqueId('operator-'), 'admin')).apiKey,
  };
  await dataSource.destroy();

  const call: ExperienceStack['call'] = (app, method, path, init = {}) =>
    fetch(`${stack.url(app)}${path}`, {
      method,
      headers: {
        'idempotency-key': uniqueId('idem-'),
        ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body ?? null,
    });

  return {
    stack,
    keys,
    bodyLimitBytes: stack.apps.get('experience-partner')?.config.bodyLimitBytes ?? 0,
    call,
    async registerCustomer(key, name) {
      // Its own tax ID: the match step links customers that share one.
      const customer = { name, country: 'DE', taxId: germanVatId(name), currency: 'EUR' };
      const response = await call('experience-partner', 'POST', '/v1/customers', {
        key,
        body: JSON.stringify(customer),
      });
      if (response.status !== 202) throw new Error(`registration answered ${response.status}`);
      const accepted = (await response.json()) as { customerId: string; onboardingId: string };
      await waitFor(
        async () => {
          const status = await call('experience-partner', 'GET', `/v1/onboardings/${accepted.onboardingId}`, {
            key,
          });
          const { state } = (await status.json()) as { state: string };
          return ['synced', 'rejected', 'failed'].includes(state) ? state : undefined;
        },
        30_000,
        200,
      );
      return accepted;
    },
    async close() {
      await stack.close();
      await sandbox.close();
    },
  };
}
