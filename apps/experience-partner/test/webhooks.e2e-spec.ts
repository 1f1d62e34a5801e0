import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CredentialStore } from '@concord/governance';
import { connectDatabase, type DataSource } from '@concord/persistence';
import { germanVatId, testDatabaseUrl, uniqueId, waitFor } from '@concord/testing';
import {
  rejectNextErpCustomer,
  type RunningSandbox,
  sandboxEnv,
  startTestSandbox,
} from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../test/support/webhook-receiver.js';
import { EXPERIENCE_OPS_APP } from '../../experience-ops/src/experience-ops.module.js';
import { PROCESS_ONBOARDING_APP } from '../../process-onboarding/src/process-onboarding.module.js';
import { SYSTEM_BILLING_APP } from '../../system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../../system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../../system-erp/src/system-erp.module.js';
import { EXPERIENCE_PARTNER_APP } from '../src/experience-partner.module.js';

interface Endpoint {
  id: string;
  url: string;
  eventTypes: string[];
  secret?: string;
}
interface WebhookEvent {
  id: string;
  type: string;
  created: number;
  data: { customerId: string; onboardingId: string; status: string; message?: string };
}
interface Delivery {
  id: string;
  eventId: string;
  status: string;
  attempts: number;
  lastResponseStatus: number | null;
  lastResponseExcerpt: string | null;
  nextAttemptAt: string | null;
  attemptLog?: Array<{ attempt: number; responseStatus: number | null }>;
}

const MAX_ATTEMPTS = 3;
const BOTH_EVENTS = ['customer.onboarding.completed', 'customer.onboarding.rejected'];
// Each customer its own tax ID: the match step links customers that share one.
const customer = (name: string) => ({
  name,
  country: 'DE',
  taxId: germanVatId(name),
  currency: 'EUR',
  address: { line1: `${name.slice(-12)} Allee 1`, city: 'Berlin', postalCode: '10115' },
});

/** Verifies `Concord-Signature` the way a partner would: recompute the HMAC of "t.body". */
function signatureValid(webhook: ReceivedWebhook, secret: string): boolean {
  const header = String(webhook.headers['concord-signature'] ?? '');
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${webhook.body}`).digest();
  const actual = Buffer.from(parts.v1, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

describe('partner webhooks: signed events on onboarding end, retries, resend', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let receiver: WebhookReceiver;
  let dataSource: DataSource;
  const keys = { a: '', b: '', steward: '' };

  before(async () => {
    sandbox = await startTestSandbox();
    receiver = await startWebhookReceiver();
    stack = await bootStack(
      [
        SYSTEM_CRM_APP,
        SYSTEM_ERP_APP,
        SYSTEM_BILLING_APP,
        PROCESS_ONBOARDING_APP,
        EXPERIENCE_PARTNER_APP,
        EXPERIENCE_OPS_APP,
      ],
      { ...sandboxEnv(sandbox), WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS) },
    );
    dataSource = await connectDatabase({ url: testDatabaseUrl(), appName: 'e2e-webhooks', poolSize: 2 });
    const store = new CredentialStore(dataSource);
    const scopes = ['customers:read', 'customers:write'];
    keys.a = (await store.createPartner(uniqueId('hooks-a-'), scopes)).apiKey;
    keys.b = (await store.createPartner(uniqueId('hooks-b-'), scopes)).apiKey;
    keys.steward = (await store.createOperator(uniqueId('hooks-steward-'), 'steward')).apiKey;
  });

  after(async () => {
    await stack.close();
    await receiver.close();
    await sandbox.close();
    await dataSource.destroy();
  });

  const call = (app: string, key: string, path: string, method = 'GET', body?: unknown) =>
    fetch(`${stack.url(app)}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        'idempotency-key': uniqueId('idem-'),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  const partner = (key: string, path: string, method = 'GET', body?: unknown) =>
    call('experience-partner', key, path, method, body);
  const ops = (path: string, method = 'GET') => call('experience-ops', keys.steward, path, method);

  const registerEndpoint = async (key: string, path: string): Promise<Endpoint> => {
    const response = await partner(key, '/v1/webhook-endpoints', 'POST', {
      url: `${receiver.url}${path}`,
      eventTypes: BOTH_EVENTS,
    });
    assert.equal(response.status, 201);
    return (await response.json()) as Endpoint;
  };
  const onboard = async (key: string): Promise<{ customerId: string; onboardingId: string }> => {
    const response = await partner(key, '/v1/customers', 'POST', customer(uniqueId('Hook GmbH ')));
    assert.equal(response.status, 202);
    return (await response.json()) as { customerId: string; onboardingId: string };
  };
  const arrivals = (path: string, onboardingId: string) =>
    waitFor(async () => {
      const hits = receiver.received.filter(
        (hit) =>
          hit.path === path && (JSON.parse(hit.body) as WebhookEvent).data.onboardingId === onboardingId,
      );
      return hits.length > 0 ? hits : undefined;
    }, 40_000);
  const deliveriesOf = async (eventId: string, endpointId: string): Promise<Delivery[]> => {
    const response = await ops(`/v1/webhook-deliveries?eventId=${eventId}&endpointId=${endpointId}`);
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: Delivery[] }).items;
  };

  it('signs and delivers customer.onboarding.completed to the registered endpoint', async () => {
    const path = `/${uniqueId('ok-')}`;
    const endpoint = await registerEndpoint(keys.a, path);
    assert.match(endpoint.secret ?? '', /^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = (await (await partner(keys.a, '/v1/webhook-endpoints')).json()) as { items: Endpoint[] };
    const mine = listed.items.find((item) => item.id === endpoint.id);
    assert.deepEqual(mine?.eventTypes, BOTH_EVENTS);
    assert.equal(mine?.secret, undefined, 'the secret is shown on creation only');

    const accepted = await onboard(keys.a);
    const [hit] = await arrivals(path, accepted.onboardingId);
    assert.ok(hit);
    assert.ok(signatureValid(hit, endpoint.secret ?? ''), 'Concord-Signature verifies with the secret');
    assert.ok(!signatureValid(hit, 'whsec_wrong'));
    const event = JSON.parse(hit.body) as WebhookEvent;
    assert.equal(event.type, 'customer.onboarding.completed');
    assert.match(event.id, /^evt_[0-9a-f]{32}$/);
    assert.equal(hit.headers['concord-event-id'], event.id);
    assert.ok(Math.abs(event.created - Date.now() / 1000) < 600);
    assert.deepEqual(event.data, {
      customerId: accepted.customerId,
      onboardingId: accepted.onboardingId,
      status: 'synced',
    });
    // The receiver answers before the attempt is recorded.
    const delivery = await waitFor(async () => {
      const [found] = await deliveriesOf(event.id, endpoint.id);
      return found?.status === 'delivered' ? found : undefined;
    });
    assert.equal(delivery?.attempts, 1);
    assert.equal(delivery?.lastResponseStatus, 200);
  });

  it('sends customer.onboarding.rejected with the reason the partner may see', async () => {
    const path = `/${uniqueId('rej-')}`;
    const endpoint = await registerEndpoint(keys.b, path);
    await rejectNextErpCustomer(sandbox);
    const accepted = await onboard(keys.b);
    const [hit] = await arrivals(path, accepted.onboardingId);
    assert.ok(hit && signatureValid(hit, endpoint.secret ?? ''));
    const event = JSON.parse(hit.body) as WebhookEvent;
    assert.equal(event.type, 'customer.onboarding.rejected');
    assert.equal(event.data.status, 'rejected');
    assert.match(event.data.message ?? '', /ERP rejected the customer/);
    const status = (await (await partner(keys.b, `/v1/onboardings/${accepted.onboardingId}`)).json()) as {
      message?: string;
    };
    assert.equal(event.data.message, status.message, 'the same reason as the onboarding status');
  });

  it('retries a receiver answering 500, shows each attempt to operators, and resends on request', async () => {
    const path = `/${uniqueId('fail-')}`;
    receiver.answer.set(path, 500);
    const endpoint = await registerEndpoint(keys.a, path);
    const accepted = await onboard(keys.a);
    const eventId = await waitFor(async () => {
      const hit = receiver.received.find((candidate) => candidate.path === path);
      return hit ? (JSON.parse(hit.body) as WebhookEvent).id : undefined;
    }, 40_000);
    const failed = await waitFor(async () => {
      const [delivery] = await deliveriesOf(eventId, endpoint.id);
      return delivery?.status === 'failed' ? delivery : undefined;
    }, 20_000);
    assert.equal(failed.attempts, MAX_ATTEMPTS);
    assert.equal(failed.lastResponseStatus, 500);
    assert.equal(failed.lastResponseExcerpt, 'receiver broke');
    assert.equal(failed.nextAttemptAt, null);
    assert.equal(receiver.received.filter((hit) => hit.path === path).length, MAX_ATTEMPTS);
    const detail = (await (await ops(`/v1/webhook-deliveries/${failed.id}`)).json()) as Delivery;
    assert.deepEqual(
      detail.attemptLog?.map((attempt) => [attempt.attempt, attempt.responseStatus]),
      [
        [1, 500],
        [2, 500],
        [3, 500],
      ],
    );
    const filtered = (await (await ops(`/v1/webhook-deliveries?status=failed&limit=200`)).json()) as {
      items: Delivery[];
    };
    assert.ok(filtered.items.some((item) => item.id === failed.id));
    assert.ok(filtered.items.every((item) => item.status === 'failed'));

    receiver.answer.set(path, 204);
    const resend = await ops(`/v1/webhook-deliveries/${failed.id}/resend`, 'POST');
    assert.equal(resend.status, 202);
    assert.deepEqual(await resend.json(), { id: failed.id, status: 'pending', previousStatus: 'failed' });
    const delivered = await waitFor(async () => {
      const [delivery] = await deliveriesOf(eventId, endpoint.id);
      return delivery?.status === 'delivered' ? delivery : undefined;
    });
    assert.equal(delivered.attempts, MAX_ATTEMPTS + 1);
    assert.equal(delivered.lastResponseStatus, 204);
    const metrics = await (await fetch(`${stack.url('experience-partner')}/metrics`)).text();
    for (const outcome of ['retrying', 'failed', 'delivered'])
      assert.match(
        metrics,
        new RegExp(`concord_webhook_attempts_total\\{[^}]*outcome="${outcome}"[^}]*\\} [1-9]`),
      );
    const audit: Array<{ action: string }> = await dataSource.query(
      `SELECT action FROM audit_log WHERE target_type = 'webhook_delivery' AND target_id = $1`,
      [failed.id],
    );
    assert.deepEqual(
      audit.map((row) => row.action),
      ['webhook-delivery.resend'],
    );
    assert.equal(accepted.customerId.length, 36);
  });

  it('keeps endpoints to their partner and validates what is registered', async () => {
    const endpoint = await registerEndpoint(keys.a, `/${uniqueId('mine-')}`);
    assert.equal((await partner(keys.b, `/v1/webhook-endpoints/${endpoint.id}`, 'DELETE')).status, 404);
    const listedByB = (await (await partner(keys.b, '/v1/webhook-endpoints')).json()) as {
      items: Endpoint[];
    };
    assert.ok(!listedByB.items.some((item) => item.id === endpoint.id));
    assert.equal((await partner(keys.a, `/v1/webhook-endpoints/${endpoint.id}`, 'DELETE')).status, 204);
    assert.equal((await partner(keys.a, `/v1/webhook-endpoints/${endpoint.id}`, 'DELETE')).status, 404);

    const bad = await partner(keys.a, '/v1/webhook-endpoints', 'POST', {
      url: 'not a url',
      eventTypes: ['customer.deleted'],
    });
    assert.equal(bad.status, 400);
    const paths = ((await bad.json()) as { error: { details: Array<{ path: string }> } }).error.details.map(
      (detail) => detail.path,
    );
    assert.ok(paths.includes('url') && paths.some((path) => path.startsWith('eventTypes')), paths.join());
    assert.equal((await ops('/v1/webhook-deliveries?cursor=nonsense')).status, 400);
    assert.equal((await ops('/v1/webhook-deliveries/not-a-uuid')).status, 400);
  });
});
