import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CredentialStore } from '@concord/governance';
import { connectDatabase } from '@concord/persistence';
import { germanVatId, testDatabaseUrl, uniqueId, waitFor } from '@concord/testing';
import { type RunningSandbox, sandboxEnv, startTestSandbox } from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { PROCESS_ONBOARDING_APP } from '../../process-onboarding/src/process-onboarding.module.js';
import { SYSTEM_BILLING_APP } from '../../system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../../system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../../system-erp/src/system-erp.module.js';
import { EXPERIENCE_PARTNER_APP } from '../src/experience-partner.module.js';

interface Accepted {
  customerId: string;
  onboardingId: string;
}
type Profile = Record<string, unknown>;
interface View {
  customerId: string;
  profile: Profile;
}
interface Page {
  items: Array<Record<string, unknown>>;
}

// A fresh tax ID and street per run: the match step links customers that share them with others.
const base = {
  country: 'DE',
  taxId: germanVatId(),
  currency: 'EUR',
  address: { line1: `${uniqueId('Versionsweg ')} 1`, city: 'Berlin', postalCode: '10115' },
};
const SUNSET = 'Fri, 31 Dec 2027 00:00:00 GMT';

describe('customers version 2 and the deprecated version 1', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let apiKey = '';

  before(async () => {
    sandbox = await startTestSandbox();
    stack = await bootStack(
      [SYSTEM_CRM_APP, SYSTEM_ERP_APP, SYSTEM_BILLING_APP, PROCESS_ONBOARDING_APP, EXPERIENCE_PARTNER_APP],
      { ...sandboxEnv(sandbox), SUNSET_CUSTOMERS_V1_AT: '2027-12-31T00:00:00Z' },
    );
    const dataSource = await connectDatabase({ url: testDatabaseUrl(), appName: 'e2e-v2', poolSize: 2 });
    try {
      const store = new CredentialStore(dataSource);
      apiKey = (await store.createPartner(uniqueId('partner-v2-'), ['customers:read', 'customers:write']))
        .apiKey;
    } finally {
      await dataSource.destroy();
    }
  });

  after(async () => {
    await stack.close();
    await sandbox.close();
  });

  const call = (path: string, body?: unknown) =>
    fetch(`${stack.url('experience-partner')}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body === undefined
          ? {}
          : { 'content-type': 'application/json', 'idempotency-key': uniqueId('v2-') }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  const json = async <T>(response: Response): Promise<T> => {
    assert.ok(response.ok, `${response.status} ${response.url}`);
    return (await response.json()) as T;
  };
  const settled = (location: string) =>
    waitFor(
      async () => {
        const status = await json<{ state: string }>(await call(location));
        return ['synced', 'rejected', 'failed'].includes(status.state) ? status.state : undefined;
      },
      90_000,
      200,
    );

  it('serves a customer registered through v2 to v1 and v2 readers', async () => {
    // A name of its own: earlier runs' "Contoso …" customers would hold it for duplicate review.
    const token = uniqueId('Vers');
    const legalName = `${token} Handelsgesellschaft GmbH`;
    const displayName = token;
    const created = await call('/v2/customers', {
      ...base,
      taxId: germanVatId(legalName),
      legalName,
      displayName,
    });
    assert.equal(created.status, 202);
    assert.equal(created.headers.get('deprecation'), null);
    const { customerId, onboardingId } = await json<Accepted>(created);
    assert.equal(created.headers.get('location'), `/v1/onboardings/${onboardingId}`);
    assert.equal(await settled(`/v1/onboardings/${onboardingId}`), 'synced');

    const v2 = await json<View>(await call(`/v2/customers/${customerId}`));
    assert.equal(v2.profile['legalName'], legalName);
    assert.equal(v2.profile['displayName'], displayName);
    assert.ok(!('name' in v2.profile));
    const v1 = await json<View>(await call(`/v1/customers/${customerId}`));
    assert.equal(v1.profile['name'], displayName);
    assert.equal(v1.profile['legalName'], legalName);

    const listed = (await json<Page>(await call('/v2/customers'))).items.find(
      (item) => item['customerId'] === customerId,
    );
    assert.deepEqual(
      [listed?.['legalName'], listed?.['displayName'], listed?.['name']],
      [legalName, displayName, undefined],
    );
  });

  it('serves a customer registered through v1 to v2 readers, the name as both names', async () => {
    const name = uniqueId('Fabrikam GmbH ');
    const created = await call('/v1/customers', { ...base, taxId: germanVatId(name), name });
    assert.equal(created.status, 202);
    const { customerId, onboardingId } = await json<Accepted>(created);
    await settled(`/v1/onboardings/${onboardingId}`);
    const v2 = await json<View>(await call(`/v2/customers/${customerId}`));
    assert.deepEqual([v2.profile['legalName'], v2.profile['displayName']], [name, name]);
  });

  it('announces deprecation, sunset and the successor on every v1 customer route', async () => {
    const unknown = '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11';
    const cases: Array<[Response, string]> = [
      [await call('/v1/customers'), '</v2/customers>; rel="successor-version"'],
      [await call(`/v1/customers/${unknown}`), `</v2/customers/${unknown}>; rel="successor-version"`],
      [await call('/v1/customers', { ...base, name: '' }), '</v2/customers>; rel="successor-version"'],
    ];
    for (const [response, link] of cases) {
      assert.equal(response.headers.get('deprecation'), '@1796083200', response.url);
      assert.equal(response.headers.get('sunset'), SUNSET);
      assert.equal(response.headers.get('link'), link);
    }
    assert.deepEqual(
      cases.map(([response]) => response.status),
      [200, 404, 400],
    );
    const current = await call('/v2/customers');
    assert.equal(current.status, 200);
    assert.equal(current.headers.get('deprecation'), null);
    assert.equal(current.headers.get('sunset'), null);
  });

  it('validates a v2 customer and answers it normalized in v2; v1 validate is deprecated', async () => {
    const checked = await call('/v2/customers/validate', {
      ...base,
      legalName: 'Contoso Deutschland GmbH',
      displayName: 'Contoso',
    });
    assert.equal(checked.status, 200);
    assert.equal(checked.headers.get('deprecation'), null);
    const result = await json<{ valid: boolean; customer: Profile }>(checked);
    assert.equal(result.valid, true);
    assert.deepEqual(
      [result.customer['legalName'], result.customer['displayName'], result.customer['name']],
      ['Contoso Deutschland GmbH', 'Contoso', undefined],
    );
    const v1 = await call('/v1/customers/validate', { ...base, name: 'Contoso' });
    assert.equal(v1.status, 200);
    assert.equal(v1.headers.get('link'), '</v2/customers/validate>; rel="successor-version"');
    assert.equal(v1.headers.get('deprecation'), '@1796083200');
  });

  it('refuses a v2 body that uses the v1 name', async () => {
    const refused = await call('/v2/customers', { ...base, name: 'Contoso' });
    assert.equal(refused.status, 400);
    const { error } = (await refused.json()) as { error: { details: Array<{ path: string }> } };
    assert.deepEqual([...new Set(error.details.map((detail) => detail.path))].sort(), [
      'displayName',
      'legalName',
      'name',
    ]);
  });
});
