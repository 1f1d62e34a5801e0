import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyCustomerParams, newCustomer } from './customer.factory.js';
import { CUSTOMER_SEARCH_FIELDS } from './customers.routes.js';
import { searchPage } from './search.util.js';
import { compileSearch, compileSearchQuery } from './search-query.parser.js';
import { Params } from './stripe-params.util.js';
import { Collection, type Customer } from './stripe-object.types.js';

const FIELDS = CUSTOMER_SEARCH_FIELDS;

const INDEXED = [
  "metadata['concord_id']:'c-7'",
  "metadata['concord_id']:'C-7'",
  'metadata["batch"]:"Even"',
  "metadata['batch']:'even' AND created>1000",
  "created>1000 AND -name:'Acme 4' AND metadata['batch']:'odd'",
  "email:'USER3@EXAMPLE.COM'",
  "email:''",
  "metadata['missing']:''",
  "name:'acme 12'",
  "email:'user5@example.com' OR metadata['concord_id']:'c-2'",
  "metadata['concord_id']:'c-O\\'Brien'",
];
const SCANNED = ["name~'cme 1'", "-metadata['batch']:'even'", 'email:null', "name:'Acme 1' OR name~'cme 2'"];

function customerFrom(sandboxId: number, params: Record<string, unknown>): Customer {
  return applyCustomerParams(newCustomer(`cus_${sandboxId}`, 1000 + sandboxId), Params.of(params));
}

function seeded(): Collection<Customer> {
  const customers = new Collection<Customer>();
  for (let i = 0; i < 24; i += 1) {
    customers.set(
      customerFrom(i, {
        name: `Acme ${i}`,
        ...(i % 5 === 0 ? {} : { email: `User${i}@Example.COM` }),
        metadata: { concord_id: `c-${i}`, batch: i % 2 === 0 ? 'even' : 'odd' },
      }),
    );
  }
  customers.set(customerFrom(99, { name: 'Quoted', metadata: { concord_id: "c-O'Brien" } }));
  return customers;
}

/** Every page of a search, with the ids a full scan gives for the same query. */
function compare(customers: Collection<Customer>, query: string, limit: number) {
  const pages: string[][] = [];
  let page: string | undefined;
  let total: number | undefined;
  do {
    const result = searchPage(
      customers,
      Params.of({ query, limit: String(limit), expand: ['total_count'], ...(page ? { page } : {}) }),
      'customers',
      FIELDS,
      (customer) => customer.id,
    );
    pages.push(result.data as string[]);
    total = result.total_count;
    page = result.next_page ?? undefined;
    assert.equal(result.has_more, page !== undefined);
  } while (page);
  const scanned = customers
    .newestFirst()
    .filter(compileSearchQuery(query, FIELDS, 'customers'))
    .map((customer) => customer.id);
  return { found: pages.flat(), scanned, pages, total };
}

function assertSameAsScan(customers: Collection<Customer>): void {
  for (const query of [...INDEXED, ...SCANNED]) {
    for (const limit of [1, 3, 100]) {
      const { found, scanned, pages, total } = compare(customers, query, limit);
      assert.deepEqual(found, scanned, `${query} (limit ${limit})`);
      assert.equal(total, scanned.length, query);
      assert.ok(pages.every((ids) => ids.length <= limit));
    }
  }
}

describe('searchPage with equality indexes', () => {
  it('looks up plain equality clauses and scans only for the others', () => {
    for (const query of INDEXED) assert.ok(compileSearch(query, FIELDS, 'customers').probes, query);
    for (const query of SCANNED)
      assert.equal(compileSearch(query, FIELDS, 'customers').probes, undefined, query);
  });

  it('gives the pages a scan gives, compared case-insensitively like the scan', () => {
    const customers = seeded();
    assertSameAsScan(customers);
    assert.deepEqual(compare(customers, "email:'user3@example.com'", 10).found, ['cus_3']);
    assert.deepEqual(compare(customers, "metadata['concord_id']:'C-7'", 10).found, ['cus_7']);
  });

  it('stays equal to the scan after metadata, email and name updates, unset keys and deletes', () => {
    const customers = seeded();
    assertSameAsScan(customers);
    const update = (id: string, params: Record<string, unknown>) => {
      const before = customers.get(id);
      assert.ok(before);
      customers.set(applyCustomerParams(before, Params.of(params)));
    };
    update('cus_7', { metadata: { concord_id: 'c-70' } });
    update('cus_2', { metadata: { batch: '' } });
    update('cus_4', { metadata: { concord_id: '' }, name: 'Acme 12' });
    update('cus_3', { email: 'Other3@Example.com' });
    update('cus_5', { email: 'User3@example.com' });
    customers.delete('cus_12');
    customers.delete('cus_9');
    customers.set(customerFrom(40, { name: 'Late', metadata: { concord_id: 'c-7', batch: 'EVEN' } }));
    assertSameAsScan(customers);
    assert.deepEqual(compare(customers, "metadata['concord_id']:'c-7'", 10).found, ['cus_40']);
    assert.deepEqual(compare(customers, "name:'acme 12'", 10).found, ['cus_4']);
    assert.deepEqual(compare(customers, "email:'user3@example.com'", 10).found, ['cus_5']);
  });

  it('answers a malformed query with the same error before any lookup', () => {
    assert.throws(
      () =>
        searchPage(seeded(), Params.of({ query: "phone:'1' AND bogus:'x'" }), 'customers', FIELDS, String),
      /unsupported search field/,
    );
  });
});
