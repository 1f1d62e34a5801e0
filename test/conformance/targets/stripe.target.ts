import { SYSTEM_BILLING_APP } from '../../../apps/system-billing/src/system-billing.module.js';
import { type RunningSandbox, sandboxAdmin } from '../../support/sandbox.js';
import { type ConformanceTarget } from '../conformance-target.js';

export const stripeTarget: ConformanceTarget = {
  name: 'Stripe (system-billing)',
  app: SYSTEM_BILLING_APP,
  vendorUrl: (sandbox) => sandbox.urls.stripe,
  async countByName(sandbox: RunningSandbox, name: string) {
    const { records } = await sandboxAdmin<{ records: Array<{ name?: string; deleted?: boolean }> }>(
      sandbox.urls.stripe,
      'GET',
      'records/customers',
    );
    return records.filter((record) => record.name === name && !record.deleted).length;
  },
  writeRoute: '/^POST \\/v1\\/customers.*/',
  rejection: {
    status: 400,
    body: {
      error: {
        type: 'invalid_request_error',
        code: 'email_invalid',
        message: 'Invalid email address: nobody',
        param: 'email',
      },
    },
    expectedPath: 'email',
  },
  throttle: { status: 429 },
  async deleteInVendor(sandbox, externalId) {
    const response = await fetch(`${sandbox.urls.stripe}/v1/customers/${externalId}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer sk_test_concord' },
    });
    if (response.status !== 200) throw new Error(`Stripe delete answered ${response.status}`);
  },
};
