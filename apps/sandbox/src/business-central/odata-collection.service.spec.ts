import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBusinessCentralServer } from './business-central.server.js';
import { customerEntity, itemEntity } from './entities/customer.entity.js';
import { EntityService } from './entity.service.js';

type Page = { value: Record<string, unknown>[]; '@odata.count'?: number; '@odata.nextLink'?: string };

/** The same filter with every `eq` written as `not … ne`: it means the same, but no index can answer it. */
const scanned = (filter: string): string => filter.replace(/([A-Za-z_]\w*) eq /g, 'not $1 ne ');

/** A seeded sandbox with small pages, twelve more customers (C00050…C00160) and a reader of its API. */
function fixture() {
  const server = createBusinessCentralServer({ limits: { pageSize: 3 } });
  const state = server.sandbox;
  const service = new EntityService(state);
  const company = state.companies[0]?.id ?? '';
  const auth = `Bearer ${state.issueToken()}`;
  for (let i = 0; i < 12; i += 1) {
    service.create(company, customerEntity, {
      displayName: i % 3 === 0 ? 'Acme' : `Customer ${i}`,
      city: i % 2 === 0 ? 'Oslo' : 'Bergen',
      taxRegistrationNumber: i < 4 ? 'GB-123' : `NO-${i}`,
      creditLimit: i % 4 === 0 ? 500 : 0,
      taxLiable: i % 2 === 1,
    });
  }

  const get = async (set: string, query: string) => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/v2.0/concord/sandbox/api/v2.0/companies(${company})/${set}?${query}`,
      headers: { authorization: auth },
    });
    return { status: response.statusCode, body: response.json<Page>() };
  };

  /** Every page of a read, following nextLink; the links themselves repeat the filter, so they are left out. */
  const readAll = async (set: string, query: string) => {
    const first = await get(set, query);
    const pages = [first.body];
    for (let next = first.body['@odata.nextLink']; next;) {
      const page = await get(set, new URL(next).search.slice(1));
      pages.push(page.body);
      next = page.body['@odata.nextLink'];
    }
    return { status: first.status, pages: pages.map(({ '@odata.nextLink': _link, ...rest }) => rest) };
  };

  const sameAsScan = async (set: string, filter: string, rest = '') => {
    const options = (text: string) => `$filter=${encodeURIComponent(text)}${rest}`;
    const indexed = await readAll(set, options(filter));
    assert.deepEqual(indexed, await readAll(set, options(scanned(filter))), `${filter}${rest}`);
    return indexed.pages.flatMap((page) => page.value);
  };

  const customer = (number: string) => {
    const row = service.rows(company, customerEntity).find((candidate) => candidate.data.number === number);
    assert.ok(row, number);
    return row;
  };

  const filters = () => {
    const sample = customer('C00100').data;
    const at = new Date(String(sample.lastModifiedDateTime));
    // The same instant written with another offset: date-times compare as instants.
    const shifted = new Date(at.getTime() + 3_600_000).toISOString().replace('Z', '+01:00');
    return [
      "number eq 'C00020'",
      "number eq 'c00020' or number eq 'C00090' or number eq 'C99999'",
      "taxRegistrationNumber eq 'gb-123'",
      "displayName eq 'ACME' and city eq 'oslo'",
      "city eq 'Bergen' and contains(displayName, 'omer')",
      "email eq ''",
      'email eq null',
      'creditLimit eq 500 or taxLiable eq true',
      `lastModifiedDateTime eq ${shifted}`,
      `id eq ${String(sample.id).toUpperCase()}`,
      "balanceDue eq 0 and taxRegistrationNumber eq 'GB-123'",
    ];
  };

  const customersSameAsScan = async () => {
    for (const filter of filters()) {
      await sameAsScan('customers', filter);
      await sameAsScan('customers', filter, '&$orderby=displayName desc,number&$top=4&$skip=1&$count=true');
    }
  };

  return { server, state, service, company, get, sameAsScan, customer, filters, customersSameAsScan };
}

describe('readCollection with equality indexes', () => {
  it('answers eq filters as a scan does: text and guids in any case, date-times as instants', async () => {
    const bc = fixture();
    await bc.customersSameAsScan();
    assert.equal((await bc.sameAsScan('customers', "taxRegistrationNumber eq 'gb-123'")).length, 4);
    assert.ok((await bc.sameAsScan('customers', bc.filters()[8] ?? '')).length >= 1);
    assert.equal((await bc.sameAsScan('customers', bc.filters()[9] ?? '')).length, 1);
    const items = await bc.sameAsScan(
      'items',
      "number eq 'I00010' or number eq 'i00030' or type eq 'service'",
    );
    assert.equal(items.length, 3);
    await bc.server.app.close();
  });

  it('stays equal to a scan after updates, deletes and creates', async () => {
    const bc = fixture();
    const { service, company } = bc;
    await bc.customersSameAsScan();
    service.update(company, customerEntity, bc.customer('C00060'), { taxRegistrationNumber: 'NO-20' }, '*');
    service.update(
      company,
      customerEntity,
      bc.customer('C00090'),
      { taxRegistrationNumber: 'gb-123', city: 'Oslo' },
      '*',
    );
    service.remove(company, customerEntity, bc.customer('C00070'), '*');
    service.create(company, customerEntity, {
      displayName: 'acme',
      city: 'OSLO',
      taxRegistrationNumber: 'Gb-123',
    });
    await bc.customersSameAsScan();
    const found = await bc.sameAsScan('customers', "taxRegistrationNumber eq 'GB-123'");
    assert.deepEqual(
      found.map((row) => row.number),
      ['C00050', 'C00080', 'C00090', 'C00170'],
    );
    const item = service.rows(company, itemEntity)[0];
    assert.ok(item);
    service.update(company, itemEntity, item, { type: 'Service', inventoryPostingGroupCode: '' }, '*');
    assert.equal((await bc.sameAsScan('items', "type eq 'Service'")).length, 3);
    await bc.server.app.close();
  });

  it('stays equal to a scan after a transactional batch is rolled back', async () => {
    const bc = fixture();
    await bc.customersSameAsScan();
    const snapshot = bc.state.snapshot();
    bc.service.update(
      bc.company,
      customerEntity,
      bc.customer('C00080'),
      { taxRegistrationNumber: 'SE-1' },
      '*',
    );
    assert.equal((await bc.sameAsScan('customers', "taxRegistrationNumber eq 'se-1'")).length, 1);
    bc.state.restore(snapshot);
    assert.equal((await bc.sameAsScan('customers', "taxRegistrationNumber eq 'se-1'")).length, 0);
    await bc.customersSameAsScan();
    await bc.server.app.close();
  });

  it('keeps the 400 answers of filters that do not type-check', async () => {
    const bc = fixture();
    for (const filter of ['number eq 5', "nope eq 'x'"]) {
      const answer = await bc.get('customers', `$filter=${encodeURIComponent(filter)}`);
      assert.equal(answer.status, 400, filter);
    }
    await bc.server.app.close();
  });
});
