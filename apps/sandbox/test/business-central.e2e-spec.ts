import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningSandbox } from '../src/sandbox.server.js';
import {
  admin,
  businessCentralToken,
  requestJson,
  startTestSandbox,
  uniqueSuffix,
} from './sandbox-test.util.js';

type Entity = Record<string, unknown> & { id: string; '@odata.etag': string };
type Collection = {
  value: Entity[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  '@odata.count'?: number;
};
type ODataError = { error: { code: string; message: string } };

describe('Business Central sandbox over plain HTTP', () => {
  let sandbox: RunningSandbox;
  let api: string;
  let company: string;
  let auth: Record<string, string>;

  const call = <T = Entity>(
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
  ) =>
    requestJson<T>(path.startsWith('http') ? path : `${api}/${path}`, {
      ...init,
      headers: { ...auth, ...init.headers },
    });
  const customers = () => `companies(${company})/customers`;

  before(async () => {
    sandbox = await startTestSandbox();
    api = `${sandbox.urls.businessCentral}/v2.0/concord/sandbox/api/v2.0`;
    auth = { authorization: `Bearer ${await businessCentralToken(sandbox.urls.businessCentral)}` };
    const companies = await call<Collection>('companies');
    assert.deepEqual(
      companies.body.value.map((c) => c.name),
      ['CRONUS USA, Inc.', 'CRONUS International Ltd.', 'CRONUS AG'],
    );
    company = companies.body.value[0]?.id ?? '';
  });

  after(async () => sandbox.close());

  it('refuses a request without a valid token', async () => {
    const response = await requestJson<ODataError>(`${api}/companies`, {
      headers: { authorization: 'Bearer nope' },
    });
    assert.equal(response.status, 401);
    assert.equal(response.body.error.code, 'Authentication_InvalidCredentials');
  });

  it('creates a customer with an automatic number and an ETag', async () => {
    const created = await call(customers(), {
      body: { displayName: 'Fabrikam Inc.', country: 'US', currencyCode: 'EUR' },
    });
    assert.equal(created.status, 201);
    assert.match(String(created.body.number), /^C\d{5}$/);
    assert.match(created.body['@odata.etag'], /^W\/"JzE/);
    assert.equal(created.body.currencyCode, 'EUR');
    assert.match(
      String(created.body['@odata.context']),
      /\/\$metadata#companies\([\w-]+\)\/customers\/\$entity$/,
    );
  });

  it('validates like Business Central', async () => {
    const missing = await call<ODataError>(customers(), { body: { city: 'Nowhere' } });
    assert.deepEqual(
      [missing.status, missing.body.error.code],
      [400, 'Application_FieldValidationException'],
    );
    const long = await call<ODataError>(customers(), { body: { displayName: 'x'.repeat(101) } });
    assert.equal(long.body.error.code, 'Application_StringExceededLength');
    const currency = await call<ODataError>(customers(), {
      body: { displayName: 'Money', currencyCode: 'XYZ' },
    });
    assert.match(currency.body.error.message, /Currency/);
    const unknown = await call<ODataError>(customers(), { body: { displayName: 'Odd', nickname: 'x' } });
    assert.equal(unknown.status, 400);
    const number = `C${uniqueSuffix()}`.slice(0, 20);
    await call(customers(), { body: { displayName: 'First', number } });
    const duplicate = await call<ODataError>(customers(), { body: { displayName: 'Second', number } });
    assert.equal(duplicate.body.error.code, 'Internal_EntityWithSameKeyExists');
  });

  it('needs If-Match to PATCH, accepts * and refuses a stale ETag', async () => {
    const created = await call(customers(), { body: { displayName: 'Etag Co' } });
    const url = `${customers()}(${created.body.id})`;
    const noHeader = await call<ODataError>(url, { method: 'PATCH', body: { city: 'Paris' } });
    assert.deepEqual([noHeader.status, noHeader.body.error.code], [400, 'BadRequest_InvalidToken']);
    const first = await call(url, {
      method: 'PATCH',
      headers: { 'if-match': created.body['@odata.etag'] },
      body: { city: 'Paris' },
    });
    assert.equal(first.status, 200);
    assert.notEqual(first.body['@odata.etag'], created.body['@odata.etag']);
    const stale = await call<ODataError>(url, {
      method: 'PATCH',
      headers: { 'if-match': created.body['@odata.etag'] },
      body: { city: 'Lyon' },
    });
    assert.deepEqual([stale.status, stale.body.error.code], [409, 'Request_EntityChanged']);
    const star = await call(url, { method: 'PATCH', headers: { 'if-match': '*' }, body: { city: 'Lyon' } });
    assert.equal(star.body.city, 'Lyon');
  });

  it('filters, selects, orders and pages with @odata.nextLink', async () => {
    const tag = uniqueSuffix();
    for (let i = 0; i < 5; i += 1)
      await call(customers(), { body: { displayName: `Paged ${tag} ${i}`, city: i % 2 ? 'Odd' : 'Even' } });
    await admin(sandbox.urls.businessCentral, 'PUT', 'limits', { pageSize: 2 });
    try {
      const filter = encodeURIComponent(`startswith(displayName,'Paged ${tag}') and city eq 'Even'`);
      let url: string | undefined =
        `${customers()}?$filter=${filter}&$select=displayName,city&$orderby=displayName desc&$count=true`;
      const names: unknown[] = [];
      let pages = 0;
      while (url) {
        const page: { body: Collection } = await call<Collection>(url);
        if (pages === 0) assert.equal(page.body['@odata.count'], 3);
        names.push(...page.body.value.map((entity) => entity.displayName));
        assert.deepEqual(Object.keys(page.body.value[0] ?? {}).sort(), [
          '@odata.etag',
          'city',
          'displayName',
        ]);
        url = page.body['@odata.nextLink'];
        pages += 1;
      }
      assert.equal(pages, 2);
      assert.deepEqual(names, [`Paged ${tag} 4`, `Paged ${tag} 2`, `Paged ${tag} 0`]);
      const topSkip = await call<Collection>(
        `${customers()}?$filter=${filter}&$orderby=displayName&$top=1&$skip=1`,
      );
      assert.deepEqual(
        topSkip.body.value.map((entity) => entity.displayName),
        [`Paged ${tag} 2`],
      );
      const typed = await call<ODataError>(`${customers()}?$filter=${encodeURIComponent("id eq 'abc'")}`);
      assert.equal(typed.status, 400);
    } finally {
      await admin(sandbox.urls.businessCentral, 'PUT', 'limits', { pageSize: 20000 });
    }
  });

  it('tracks changes with a delta link, reports deletions, and answers 410 for an expired link', async () => {
    const baseline = await call<Collection>(customers(), { headers: { prefer: 'odata.track-changes' } });
    const deltaLink = baseline.body['@odata.deltaLink'] ?? '';
    assert.match(deltaLink, /\$deltatoken=/);
    const added = await call(customers(), { body: { displayName: 'Delta Added' } });
    const doomed = baseline.body.value[0];
    await call(`${customers()}(${doomed?.id ?? ''})`, { method: 'DELETE' });
    const delta = await call<Collection>(deltaLink);
    assert.ok(
      delta.body.value.some((entity) => entity.id === added.body.id && entity.displayName === 'Delta Added'),
    );
    const removal = delta.body.value.find((entity) => entity.id === doomed?.id);
    assert.match(String(removal?.['@odata.context']), /\/\$deletedEntity$/);
    assert.match(delta.body['@odata.deltaLink'] ?? '', /\$deltatoken=/);
    await admin(sandbox.urls.businessCentral, 'PUT', 'limits', { deltaTokenTtlSeconds: 0 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const expired = await call<ODataError>(delta.body['@odata.deltaLink'] ?? '');
      assert.equal(expired.status, 410);
      assert.ok(expired.headers.get('location')?.endsWith('/customers'));
    } finally {
      await admin(sandbox.urls.businessCentral, 'PUT', 'limits', { deltaTokenTtlSeconds: 604800 });
    }
  });

  it('runs a JSON $batch, and rolls a transactional batch back when one operation fails', async () => {
    const tag = uniqueSuffix();
    const batch = await call<{ responses: { id: string; status: number; body?: Entity }[] }>('$batch', {
      body: {
        requests: [
          { id: '1', method: 'POST', url: customers(), body: { displayName: `Batch ${tag}` } },
          {
            id: '2',
            method: 'GET',
            url: `${customers()}?$filter=${encodeURIComponent(`displayName eq 'Batch ${tag}'`)}`,
          },
        ],
      },
    });
    assert.deepEqual(
      batch.body.responses.map((r) => r.status),
      [201, 200],
    );
    const atomic = await call<{ responses: { id: string; status: number }[] }>('$batch', {
      headers: { isolation: 'snapshot' },
      body: {
        requests: [
          { id: 'a', method: 'POST', url: customers(), body: { displayName: `Atomic ${tag}` } },
          { id: 'b', method: 'POST', url: customers(), body: { displayName: 'x'.repeat(150) } },
        ],
      },
    });
    assert.deepEqual(
      atomic.body.responses.map((r) => r.status),
      [424, 400],
    );
    const left = await call<Collection>(
      `${customers()}?$filter=${encodeURIComponent(`displayName eq 'Atomic ${tag}'`)}`,
    );
    assert.equal(left.body.value.length, 0);
  });

  it('orders and invoices: lines roll up, posting a draft invoice opens it', async () => {
    const customer = await call(customers(), { body: { displayName: 'Buyer' } });
    const items = await call<Collection>(
      `companies(${company})/items?$filter=${encodeURIComponent("type eq 'Service'")}`,
    );
    const item = items.body.value[0];
    const invoice = await call(`companies(${company})/salesInvoices`, {
      body: { customerId: customer.body.id },
    });
    assert.equal(invoice.body.status, 'Draft');
    const emptyPost = await call<ODataError>(
      `companies(${company})/salesInvoices(${invoice.body.id})/Microsoft.NAV.post`,
      { method: 'POST' },
    );
    assert.equal(emptyPost.status, 400);
    await call(`companies(${company})/salesInvoices(${invoice.body.id})/salesInvoiceLines`, {
      body: { lineType: 'Item', itemId: item?.id, quantity: 2 },
    });
    const withLines = await call(
      `companies(${company})/salesInvoices(${invoice.body.id})?$expand=salesInvoiceLines`,
    );
    assert.equal(withLines.body.totalAmountIncludingTax, Number(item?.unitPrice) * 2);
    assert.equal((withLines.body.salesInvoiceLines as Entity[]).length, 1);
    const post = await call(`companies(${company})/salesInvoices(${invoice.body.id})/Microsoft.NAV.post`, {
      method: 'POST',
    });
    assert.equal(post.status, 204);
    const posted = await call(`companies(${company})/salesInvoices(${invoice.body.id})`);
    assert.equal(posted.body.status, 'Open');
    assert.match(String(posted.body.number), /^PS-INV\d+$/);
    const balance = await call(`${customers()}(${customer.body.id})`);
    assert.equal(balance.body.balanceDue, Number(item?.unitPrice) * 2);
  });

  it('answers 429 once the request budget of the window is spent', async () => {
    await admin(sandbox.urls.businessCentral, 'PUT', 'limits', { requestBudget: 2, budgetWindowSeconds: 60 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await call('companies')).status);
      assert.ok(statuses.includes(429));
      const refused = await call<ODataError>('companies');
      assert.equal(refused.body.error.code, 'Application_TooManyRequests');
    } finally {
      await admin(sandbox.urls.businessCentral, 'PUT', 'limits', {
        requestBudget: 6000,
        budgetWindowSeconds: 1,
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
});
