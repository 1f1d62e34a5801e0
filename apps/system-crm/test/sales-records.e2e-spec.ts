import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { serviceToken } from '../../../test/support/credentials.js';
import {
  type RunningSandbox,
  salesforceToken,
  sandboxEnv,
  startTestSandbox,
} from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { systemApi } from '../../../test/support/system-api.js';
import { SYSTEM_CRM_APP } from '../src/system-crm.module.js';

interface Money {
  amountMinor: number;
  currency: string;
}
interface Opportunity {
  externalId: string;
  accountExternalId: string;
  customerConcordId?: string;
  stage: string;
  isWon: boolean;
  amount?: Money;
  lines: Array<{ product: { sku?: string; crmProductId: string }; quantity: number; unitPrice: Money }>;
}
interface Contract {
  externalId: string;
  status: string;
  customerConcordId?: string;
  startDate?: string;
  endDate?: string;
  termMonths?: number;
  activatedAt?: string;
}
interface Page<R> {
  changes: Array<{ kind: string; externalId: string; record?: R }>;
  nextCursor: string;
  hasMore: boolean;
}

describe('system-crm opportunities and contracts on the Salesforce sandbox', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let token: string;
  let sf: { access_token: string; instance_url: string };
  let accountId: string;
  let productId: string;
  const concordId = randomUUID();
  const sku = `OPP-${randomUUID().slice(0, 8)}`;

  const api = systemApi(
    () => stack,
    'system-crm',
    () => token,
  );
  const salesforce = async <T>(method: string, path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${sf.instance_url}/services/data/v59.0/${path}`, {
      method,
      headers: { authorization: `Bearer ${sf.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  /** Drains a feed from `cursor`; answers what it delivered and where it stopped. */
  const drain = async <R>(path: string, cursor?: string) => {
    const changes: Page<R>['changes'] = [];
    for (;;) {
      const page = await api<Page<R>>('GET', `${path}?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      changes.push(...page.body.changes);
      cursor = page.body.nextCursor;
      if (!page.body.hasMore) return { changes, cursor };
    }
  };

  before(async () => {
    sandbox = await startTestSandbox();
    stack = await bootStack([SYSTEM_CRM_APP], sandboxEnv(sandbox));
    token = await serviceToken('system');
    sf = await salesforceToken(sandbox.urls.salesforce);
    const account = await api<{ externalId: string }>(
      'PUT',
      `/v1/customers/${concordId}`,
      { name: 'Fabrikam Inc.', country: 'US', currency: 'USD' },
      `acct-${concordId}`,
    );
    assert.equal(account.status, 201);
    accountId = account.body.externalId;
    const product = await api<{ externalId: string }>(
      'PUT',
      `/v1/products/${sku}`,
      {
        sku,
        name: 'Platform seat',
        type: 'service',
        active: true,
        unitPrice: { amountMinor: 10000, currency: 'USD' },
      },
      `prod-${sku}`,
    );
    assert.equal(product.status, 201);
    productId = product.body.externalId;
  });

  after(async () => {
    await stack?.close();
    await sandbox?.close();
  });

  it('reads an opportunity with its line items named by SKU, and feeds it once it is won', async () => {
    const { id } = await salesforce<{ id: string }>('POST', 'sobjects/Opportunity', {
      AccountId: accountId,
      Name: 'Fabrikam seats',
      StageName: 'Prospecting',
      CloseDate: '2026-12-31',
      CurrencyIsoCode: 'USD',
    });
    await salesforce('POST', 'sobjects/OpportunityLineItem', {
      OpportunityId: id,
      Product2Id: productId,
      Quantity: 3,
      UnitPrice: 95.5,
    });
    const read = await api<Opportunity>('GET', `/v1/opportunities/${id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.isWon, false);
    assert.equal(read.body.customerConcordId, concordId);
    assert.deepEqual(read.body.lines, [
      {
        externalId: (read.body.lines[0] as { externalId?: string } | undefined)?.externalId,
        product: { crmProductId: productId, sku },
        quantity: 3,
        unitPrice: { amountMinor: 9550, currency: 'USD' },
        totalPrice: { amountMinor: 28650, currency: 'USD' },
      },
    ]);
    const before = await drain<Opportunity>('/v1/opportunities/won/changes');
    assert.ok(!before.changes.some((change) => change.externalId === id), 'an open opportunity is not fed');
    await salesforce('PATCH', `sobjects/Opportunity/${id}`, { StageName: 'Closed Won' });
    const won = await drain<Opportunity>('/v1/opportunities/won/changes', before.cursor);
    const mine = won.changes.filter((change) => change.externalId === id);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.record?.isWon, true);
    assert.equal(mine[0]?.record?.lines[0]?.product.sku, sku);
    assert.deepEqual(mine[0]?.record?.amount, { amountMinor: 28650, currency: 'USD' });
    assert.equal((await drain<Opportunity>('/v1/opportunities/won/changes', won.cursor)).changes.length, 0);
  });

  it('reads a contract and feeds it once it is activated', async () => {
    const { id } = await salesforce<{ id: string }>('POST', 'sobjects/Contract', {
      AccountId: accountId,
      StartDate: '2027-01-01',
      ContractTerm: 12,
    });
    const draft = await api<Contract>('GET', `/v1/contracts/${id}`);
    assert.equal(draft.status, 200);
    assert.equal(draft.body.status, 'draft');
    assert.equal(draft.body.endDate, '2027-12-31');
    const before = await drain<Contract>('/v1/contracts/activated/changes');
    assert.ok(!before.changes.some((change) => change.externalId === id), 'a draft contract is not fed');
    await salesforce('PATCH', `sobjects/Contract/${id}`, { Status: 'Activated' });
    const activated = await drain<Contract>('/v1/contracts/activated/changes', before.cursor);
    const mine = activated.changes.filter((change) => change.externalId === id);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.record?.status, 'activated');
    assert.equal(mine[0]?.record?.customerConcordId, concordId);
    assert.equal(mine[0]?.record?.termMonths, 12);
    assert.ok(mine[0]?.record?.activatedAt);
  });

  it('answers 404 for an unknown record and 400 for a malformed ID or cursor', async () => {
    assert.equal((await api('GET', '/v1/opportunities/006000000000000AAA')).status, 404);
    assert.equal((await api('GET', '/v1/contracts/800000000000000AAA')).status, 404);
    const malformed = await api<{ error: { details: Array<{ path: string }> } }>(
      'GET',
      '/v1/opportunities/not-an-id',
    );
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.details[0]?.path, 'id');
    assert.equal((await api('GET', '/v1/contracts/activated/changes?cursor=%%%')).status, 400);
  });
});
