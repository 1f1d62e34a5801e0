import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { uniqueId } from '@concord/testing';
import { SYSTEM_ERP_APP } from '../src/system-erp.module.js';
import { serviceToken } from '../../../test/support/credentials.js';
import {
  businessCentralToken,
  type RunningSandbox,
  sandboxAdmin,
  sandboxEnv,
  startTestSandbox,
} from '../../../test/support/sandbox.js';
import { bootStack, type Stack } from '../../../test/support/stack.js';
import { systemApi } from '../../../test/support/system-api.js';

const CRONUS_INTERNATIONAL = '9c4e1a2b-3d5f-4a6b-8c7d-2e3f4a5b6c71';
const BC_API = '/v2.0/concord/sandbox/api/v2.0';

interface Money {
  amountMinor: number;
  currency: string;
}
interface OrderRecord {
  externalId: string;
  number: string;
  reference: string;
  customerExternalId: string;
  status: string;
  currency: string;
  lines: Array<{ sku: string; quantity: number; unitPrice: Money; amountExcludingTax: Money }>;
  totalExcludingTax: Money;
}
interface InvoiceRecord extends Omit<OrderRecord, 'status'> {
  status: string;
}
interface Envelope {
  error: { code: string; details: Array<{ path?: string }> };
}
interface BcRecord {
  id: string;
  companyId: string;
  number: string;
  externalDocumentNumber?: string;
  documentId?: string;
}

describe('system-erp sales orders and sales invoices on the Business Central sandbox', () => {
  let sandbox: RunningSandbox;
  let stack: Stack;
  let token: string;
  let bc: string;
  let customerExternalId: string;
  const skus = [uniqueId('SO-A-').slice(0, 20).toUpperCase(), uniqueId('SO-B-').slice(0, 20).toUpperCase()];

  const call = systemApi(
    () => stack,
    'system-erp',
    () => token,
  );
  const records = async (set: string) =>
    (await sandboxAdmin<{ records: BcRecord[] }>(bc, 'GET', `records/${set}`)).records;
  const fault = (body: Record<string, unknown>) => sandboxAdmin(bc, 'POST', 'faults', body);
  const order = (reference: string, overrides: Record<string, unknown> = {}) => ({
    reference,
    customerExternalId,
    lines: [
      { sku: skus[0], quantity: 2 },
      { sku: skus[1], quantity: 1, unitPrice: { amountMinor: 9950, currency: 'GBP' } },
    ],
    ...overrides,
  });
  const create = (body: unknown, key = uniqueId('so-key-')) =>
    call<{ created: boolean; order: OrderRecord } & Envelope>('POST', '/v1/sales-orders', body, key);
  const ordersWith = async (reference: string) =>
    (await records('salesOrders')).filter((row) => row.externalDocumentNumber === reference);
  const linesOf = async (orderId: string) =>
    (await records('salesOrderLines')).filter((row) => row.documentId === orderId);

  before(async () => {
    sandbox = await startTestSandbox();
    bc = sandbox.urls.businessCentral;
    stack = await bootStack([SYSTEM_ERP_APP], sandboxEnv(sandbox));
    token = await serviceToken('system');
    for (const [index, sku] of skus.entries()) {
      const put = await call(
        'PUT',
        `/v1/products/${sku}`,
        {
          sku,
          name: `Plan ${index}`,
          type: 'service',
          active: true,
          unitPrice: { amountMinor: 4999, currency: 'GBP' },
        },
        uniqueId('p-'),
      );
      assert.equal(put.status, 201);
    }
    const customer = (await records('customers')).find((row) => row.companyId === CRONUS_INTERNATIONAL);
    assert.ok(customer);
    customerExternalId = `${CRONUS_INTERNATIONAL}:${customer.id}`;
  });

  after(async () => {
    await stack.close();
    await sandbox.close();
  });

  it('creates an order with its lines once: a repeated reference finds it, a repeated key replays', async () => {
    const reference = uniqueId('ACT-').slice(0, 35);
    const key = uniqueId('so-key-');
    const first = await create(order(reference), key);
    assert.equal(first.status, 201);
    assert.equal(first.body.created, true);
    assert.equal(first.body.order.reference, reference);
    assert.equal(first.body.order.status, 'draft');
    assert.equal(first.body.order.currency, 'GBP');
    assert.deepEqual(
      first.body.order.lines.map((line) => [line.sku, line.quantity, line.unitPrice.amountMinor]),
      [
        [skus[0], 2, 4999],
        [skus[1], 1, 9950],
      ],
    );
    assert.deepEqual(first.body.order.totalExcludingTax, { amountMinor: 19948, currency: 'GBP' });
    const replay = await create(order(reference), key);
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first.body);
    const again = await create(order(reference));
    assert.equal(again.status, 200);
    assert.equal(again.body.created, false);
    assert.equal(again.body.order.externalId, first.body.order.externalId);
    const stored = await ordersWith(reference);
    assert.equal(stored.length, 1);
    assert.equal((await linesOf(stored[0]?.id ?? '')).length, 2);
    const read = await call<OrderRecord>('GET', `/v1/sales-orders/${reference}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.number, first.body.order.number);
    assert.equal((await call('GET', `/v1/sales-orders/${uniqueId('NONE-').slice(0, 30)}`)).status, 404);
  });

  it('looks the order up after a lost create answer instead of creating it twice', async () => {
    const reference = uniqueId('ACT-').slice(0, 35);
    await fault({ route: 'POST /v2.0/*/salesOrders', status: 503, phase: 'after', count: 1 });
    await fault({ route: 'POST /v2.0/*/salesOrderLines', status: 503, phase: 'after', count: 1 });
    const created = await create(order(reference));
    assert.equal(created.status, 201);
    assert.equal(created.body.order.lines.length, 2);
    const stored = await ordersWith(reference);
    assert.equal(stored.length, 1);
    assert.equal((await linesOf(stored[0]?.id ?? '')).length, 2);
  });

  it('answers 422 with the line path for an unknown SKU and 400 with field paths for a bad body', async () => {
    const unknown = await create(
      order(uniqueId('ACT-').slice(0, 35), {
        lines: [
          { sku: skus[0], quantity: 1 },
          { sku: 'NO-SUCH-SKU', quantity: 1 },
        ],
      }),
    );
    assert.equal(unknown.status, 422);
    assert.ok(unknown.body.error.details.some((detail) => detail.path === 'lines[1].sku'));
    const bad = await create({ ...order('bad reference!'), lines: [{ sku: skus[0], quantity: -1 }] });
    assert.equal(bad.status, 400);
    const paths = bad.body.error.details.map((detail) => detail.path);
    assert.ok(paths.includes('reference') && paths.includes('lines[0].quantity'), paths.join(','));
    const missingKey = await call<Envelope>('POST', '/v1/sales-orders', order(uniqueId('ACT-').slice(0, 35)));
    assert.equal(missingKey.status, 400);
  });

  it('feeds created orders with their lines through the change feed', async () => {
    const reference = uniqueId('ACT-').slice(0, 35);
    const created = await create(order(reference));
    let cursor: string | undefined;
    const seen: Array<{ externalId: string; record?: OrderRecord }> = [];
    for (;;) {
      const page = await call<{ changes: typeof seen; nextCursor: string; hasMore: boolean }>(
        'GET',
        `/v1/sales-orders/changes?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200);
      seen.push(...page.body.changes);
      cursor = page.body.nextCursor;
      if (!page.body.hasMore) break;
    }
    const mine = seen.filter((change) => change.externalId === created.body.order.externalId);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.record?.lines.length, 2);
    assert.equal((await call('GET', '/v1/sales-orders/changes?cursor=not-a-cursor')).status, 400);
  });

  it('lists, reads and posts a draft sales invoice once, also after a lost post answer', async () => {
    const vendorToken = await businessCentralToken(bc);
    const reference = uniqueId('INV-').slice(0, 35);
    const customerId = customerExternalId.split(':')[1] ?? '';
    const companyPath = `${bc}${BC_API}/companies(${CRONUS_INTERNATIONAL})`;
    const invoice = await bcPost<BcRecord>(vendorToken, `${companyPath}/salesInvoices`, {
      customerId,
      externalDocumentNumber: reference,
    });
    await bcPost(vendorToken, `${companyPath}/salesInvoices(${invoice.id})/salesInvoiceLines`, {
      lineType: 'Item',
      lineObjectNumber: skus[0],
      quantity: 3,
    });
    const listed = await call<{ invoices: InvoiceRecord[] }>(
      'GET',
      `/v1/sales-invoices?reference=${reference}`,
    );
    assert.equal(listed.status, 200);
    assert.equal(listed.body.invoices.length, 1);
    const externalId = listed.body.invoices[0]?.externalId ?? '';
    assert.equal(listed.body.invoices[0]?.status, 'draft');
    assert.deepEqual(listed.body.invoices[0]?.totalExcludingTax, { amountMinor: 14997, currency: 'GBP' });
    await fault({ route: 'POST /v2.0/*/Microsoft.NAV.post', status: 503, phase: 'after', count: 1 });
    const posted = await call<{ posted: boolean; invoice: InvoiceRecord }>(
      'POST',
      `/v1/sales-invoices/${externalId}/post`,
    );
    assert.equal(posted.status, 200);
    assert.equal(posted.body.posted, true);
    assert.equal(posted.body.invoice.status, 'open');
    assert.match(posted.body.invoice.number, /^PS-INV/);
    const again = await call<{ posted: boolean; invoice: InvoiceRecord }>(
      'POST',
      `/v1/sales-invoices/${externalId}/post`,
    );
    assert.equal(again.body.posted, false);
    assert.equal(again.body.invoice.number, posted.body.invoice.number);
    const read = await call<InvoiceRecord>('GET', `/v1/sales-invoices/${externalId}`);
    assert.equal(read.body.status, 'open');
    const unknown = `${CRONUS_INTERNATIONAL}:00000000-0000-4000-8000-000000000000`;
    assert.equal((await call('GET', `/v1/sales-invoices/${unknown}`)).status, 404);
    assert.equal((await call('POST', `/v1/sales-invoices/${unknown}/post`)).status, 404);
    assert.equal((await call('GET', '/v1/sales-invoices/not-an-id')).status, 400);
  });
});

async function bcPost<T>(token: string, url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as T;
}
