import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from '@concord/persistence';
import { exampleDomain, germanVatId, uniqueId } from '@concord/testing';
import { PROCESS_ONBOARDING_APP } from '../../apps/process-onboarding/src/process-onboarding.module.js';
import { SYSTEM_BILLING_APP } from '../../apps/system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../../apps/system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../../apps/system-erp/src/system-erp.module.js';
import { serviceToken } from '../support/credentials.js';
import { type Onboarding, onboardingClient, stepOf } from '../support/onboarding-client.js';
import { type RunningSandbox, sandboxEnv, startTestSandbox } from '../support/sandbox.js';
import { bootStack, type Stack } from '../support/stack.js';

interface Candidate {
  customerId: string;
  name: string;
  score: number;
  sameBatch: boolean;
  signals: Array<{ signal: string; similarity: number; detail: string }>;
}

/**
 * A customer and its near-duplicates. Every field carries the test's own token, so records of other
 * tests and earlier runs in the same database never come close.
 */
function family() {
  // Random, not time-ordered: families made a moment apart by other tests must not share a name prefix,
  // or they become review candidates of each other.
  const token = `k${randomBytes(8).toString('hex')}`;
  const phone = `${randomInt(1_000_000, 9_999_999)}`;
  const original = {
    name: `${token} Contoso Maschinenbau GmbH`,
    country: 'DE',
    taxId: germanVatId(token),
    currency: 'EUR',
    address: { line1: `${token}str. 1`, city: 'Berlin', postalCode: '10115' },
    website: exampleDomain(token),
    phone: `+49 30 ${phone}`,
    paymentTermsDays: 30,
  };
  return {
    original,
    /** A typo, the legal form spelled out with dots, the phone in national format. */
    nearDuplicate: { ...original, name: `${token} Contosso Maschinenbau G.m.b.H.`, phone: `030 ${phone}` },
    /** The same name in the same city, but no tax ID, phone or website, and another street. */
    lookalike: {
      name: original.name,
      country: 'DE',
      currency: 'EUR',
      address: { line1: `${token}weg 10`, city: 'Berlin', postalCode: '10117' },
    },
  };
}

describe('onboarding match step: duplicates are linked, held for review or created', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let auth: string;
  let client: ReturnType<typeof onboardingClient>;
  let db: DataSource;

  before(async () => {
    sandbox = await startTestSandbox();
    stack = await bootStack(
      [SYSTEM_CRM_APP, SYSTEM_ERP_APP, SYSTEM_BILLING_APP, PROCESS_ONBOARDING_APP],
      sandboxEnv(sandbox),
    );
    auth = `Bearer ${await serviceToken('process')}`;
    client = onboardingClient(stack, sandbox, auth);
    db = stack.apps.get('process-onboarding')!.app.get(DataSource);
  });

  after(async () => {
    await stack.close();
    await sandbox.close();
  });

  const counts = async () => ({
    erp: (await client.erpCustomers()).length,
    billing: (await client.billingCustomers()).length,
  });
  const syncStatusOf = async (id: string): Promise<string | undefined> => {
    const rows = await db.query<Array<{ sync_status: string }>>(
      `SELECT sync_status FROM customer WHERE id = $1`,
      [id],
    );
    return rows[0]?.sync_status;
  };
  const onboardSynced = async (customer: unknown): Promise<Onboarding> => {
    const flow = await client.onboard({ customer });
    assert.equal(flow.state, 'synced', JSON.stringify(flow.steps));
    return flow;
  };

  it('links a near-duplicate to the onboarded customer: no second ERP or billing customer', async () => {
    const { original, nearDuplicate } = family();
    const first = await onboardSynced(original);
    const before = await counts();

    const second = await onboardSynced(nearDuplicate);
    const match = stepOf(second, 'match')?.detail;
    assert.equal(match?.decision, 'link');
    assert.equal(match?.customerId, first.concordId);
    assert.deepEqual(await counts(), before);
    assert.equal((await client.erpCustomersNamed(nearDuplicate.name)).length, 0);
    assert.equal((await client.billingCustomersNamed(nearDuplicate.name)).length, 0);
    assert.equal(stepOf(second, 'erp')?.detail.externalId, stepOf(first, 'erp')?.detail.externalId);
    assert.equal(stepOf(second, 'billing')?.detail.externalId, stepOf(first, 'billing')?.detail.externalId);

    const [account] = await client.accountsNamed(nearDuplicate.name);
    assert.equal(account?.Concord_Sync_Status__c, 'Synced');
    assert.equal(account?.ERP_Customer_Number__c, stepOf(first, 'erp')?.detail.number);
    assert.equal(account?.Billing_Customer_Id__c, stepOf(first, 'billing')?.detail.externalId);
    assert.match(account?.Concord_Sync_Message__c ?? '', /^Linked to existing customer/);
    assert.ok(account?.Concord_Sync_Message__c?.includes(first.concordId));
    assert.ok(account?.Concord_Sync_Message__c?.includes(original.name));

    assert.equal(await syncStatusOf(first.concordId), 'synced');
    assert.equal(await syncStatusOf(second.concordId), undefined);
    const metrics = await (await fetch(`${stack.url('process-onboarding')}/metrics`)).text();
    assert.match(metrics, /concord_duplicates_prevented_total\{[^}]*by="auto-link"[^}]*\} [1-9]/);
  });

  it('holds a lookalike for review, and the steward decision completes it', async () => {
    const { original, lookalike } = family();
    const first = await onboardSynced(original);
    const before = await counts();

    const accepted = await client.accept({ customer: lookalike });
    const held = await client.settle(accepted.onboardingId, ['review', 'synced', 'rejected', 'failed']);
    assert.equal(held.state, 'review', JSON.stringify(held.steps));
    assert.equal(stepOf(held, 'match')?.outcome, 'SUBMITTED');
    assert.equal(stepOf(held, 'erp'), undefined);
    const [account] = await client
      .accountsNamed(lookalike.name)
      .then((all) => all.filter((a) => a.Concord_Id__c === held.concordId));
    assert.equal(account?.Concord_Sync_Status__c, 'Review');
    assert.match(account?.Concord_Sync_Message__c ?? '', /^Possible duplicate of ".*" \(score 0\.\d\d/);
    assert.equal(await syncStatusOf(held.concordId), 'review');

    const exceptions: Array<{ id: string; status: string; payload: { candidates: Candidate[] } }> =
      await db.query(
        `SELECT id, status, payload FROM sync_exception
          WHERE category = 'duplicate-review' AND payload->'data'->>'flowId' = $1`,
        [held.onboardingId],
      );
    assert.equal(exceptions.length, 1);
    const candidate = exceptions[0]!.payload.candidates.find((c) => c.customerId === first.concordId);
    assert.ok(candidate, JSON.stringify(exceptions[0]!.payload.candidates));
    assert.ok(candidate.score >= 0.6 && candidate.score < 0.85, String(candidate.score));
    assert.ok(candidate.signals.some((signal) => signal.signal === 'name' && signal.similarity === 1));

    const decide = (body: unknown) =>
      client.post(`/v1/onboardings/${held.onboardingId}/match-decision`, body);
    const decision = { decision: 'link', customerId: first.concordId, decidedBy: 'dana' };
    const decided = await decide(decision);
    assert.equal(decided.status, 200);
    assert.equal(((await decided.json()) as { replayed: boolean }).replayed, false);
    const again = await decide(decision);
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { replayed: boolean }).replayed, true);
    assert.equal((await decide({ decision: 'new' })).status, 409);
    assert.equal((await decide({ decision: 'link' })).status, 400);

    const done = await client.settle(held.onboardingId);
    assert.equal(done.state, 'synced', JSON.stringify(done.steps));
    assert.equal(stepOf(done, 'erp')?.detail.externalId, stepOf(first, 'erp')?.detail.externalId);
    assert.deepEqual(await counts(), before);
    const [after] = await client
      .accountsNamed(lookalike.name)
      .then((all) => all.filter((a) => a.Concord_Id__c === held.concordId));
    assert.equal(after?.Concord_Sync_Status__c, 'Synced');
    assert.equal(after?.ERP_Customer_Number__c, stepOf(first, 'erp')?.detail.number);
    const resolved: Array<{ status: string }> = await db.query(
      `SELECT status FROM sync_exception WHERE id = $1`,
      [exceptions[0]!.id],
    );
    assert.equal(resolved[0]?.status, 'resolved');
    const audit: Array<{ action: string; actor_id: string }> = await db.query(
      `SELECT action, actor_id FROM audit_log WHERE target_id IN ($1, $2) ORDER BY action`,
      [held.onboardingId, exceptions[0]!.id],
    );
    assert.deepEqual(
      audit.map((row) => [row.action, row.actor_id]),
      [
        ['exception.resolve', 'dana'],
        ['onboarding.match-decision', 'dana'],
      ],
    );
  });

  it('creates a customer of its own when the steward decides "new"', async () => {
    const { original, lookalike } = family();
    await onboardSynced(original);
    const accepted = await client.accept({ customer: lookalike });
    const held = await client.settle(accepted.onboardingId, ['review', 'synced', 'rejected', 'failed']);
    assert.equal(held.state, 'review');
    const decided = await client.post(`/v1/onboardings/${held.onboardingId}/match-decision`, {
      decision: 'new',
    });
    assert.equal(decided.status, 200);
    const done = await client.settle(held.onboardingId);
    assert.equal(done.state, 'synced', JSON.stringify(done.steps));
    assert.equal(stepOf(done, 'erp')?.detail.created, true);
    assert.equal(await syncStatusOf(held.concordId), 'synced');
  });

  it('matches two near-duplicates arriving together against each other: one ERP customer', async () => {
    const { original, nearDuplicate } = family();
    const before = await counts();
    const [a, b] = await Promise.all([
      client.accept({ customer: original }),
      client.accept({ customer: nearDuplicate }),
    ]);
    const flows = await Promise.all([client.settle(a.onboardingId), client.settle(b.onboardingId)]);
    for (const flow of flows) assert.equal(flow.state, 'synced', JSON.stringify(flow.steps));
    const decisions = flows.map((flow) => stepOf(flow, 'match')?.detail);
    const linked = decisions.filter((detail) => detail?.decision === 'link');
    assert.equal(linked.length, 1, JSON.stringify(decisions));
    const created = flows.find((flow) => stepOf(flow, 'match')?.detail.decision === 'new')!;
    assert.equal(linked[0]?.customerId, created.concordId);
    const after = await counts();
    assert.deepEqual([after.erp - before.erp, after.billing - before.billing], [1, 1]);
  });

  it('answers POST /v1/match for a batch without side effects, batch members matched together', async () => {
    const { original, nearDuplicate, lookalike } = family();
    const first = await onboardSynced(original);
    const before = await counts();
    const fresh = { name: `${uniqueId('Fresh')} Tailspin Toys GmbH`, country: 'DE', currency: 'EUR' };
    const response = await client.post('/v1/match', {
      records: [
        { ref: 'dup', customer: nearDuplicate },
        { ref: 'look', customer: lookalike },
        { ref: 'fresh', customer: fresh },
        { ref: 'fresh-again', customer: { ...fresh, name: fresh.name.replace('GmbH', 'G.m.b.H.') } },
      ],
    });
    assert.equal(response.status, 200);
    const { results } = (await response.json()) as {
      results: Array<{ ref: string; decision: string; best: Candidate | null }>;
    };
    const byRef = new Map(results.map((result) => [result.ref, result]));
    assert.equal(byRef.get('dup')?.decision, 'link');
    assert.equal(byRef.get('dup')?.best?.customerId, first.concordId);
    assert.equal(byRef.get('look')?.decision, 'review');
    assert.equal(byRef.get('fresh')?.decision, 'new');
    assert.equal(byRef.get('fresh-again')?.best?.customerId, 'fresh');
    assert.equal(byRef.get('fresh-again')?.best?.sameBatch, true);
    assert.deepEqual(await counts(), before);

    const invalid = await client.post('/v1/match', { records: [{ customer: { name: 'x' } }] });
    assert.equal(invalid.status, 400);
    const body = (await invalid.json()) as { error: { details: Array<{ path: string }> } };
    assert.ok(
      body.error.details.some((detail) => detail.path.startsWith('records[0].customer.')),
      JSON.stringify(body),
    );
    const twice = await client.post('/v1/match', {
      records: [
        { ref: 'same', customer: fresh },
        { ref: 'same', customer: fresh },
      ],
    });
    assert.equal(twice.status, 400);
    assert.equal(
      ((await twice.json()) as { error: { details: Array<{ path: string }> } }).error.details[0]?.path,
      'records[1].ref',
    );
  });
});
