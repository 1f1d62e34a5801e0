import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type CustomerV1 } from '@concord/contracts';
import { connectDatabase, CustomerRepository, type DataSource } from '@concord/persistence';
import { germanVatId, testDatabaseUrl, uniqueId } from '@concord/testing';
import { CanonicalCustomerService } from '../onboarding/canonical-customer.service.js';
import { lockCustomerMatching } from '../onboarding/customer-match-lock.util.js';
import { CustomerCandidatesRepository } from './customer-candidates.repository.js';
import { toMatchRecord } from './customer-match.mapper.js';
import { CustomerMatcher } from './customer-matcher.service.js';
import { loadMatchConfig } from './match.config.js';

/** A customer whose every key carries its own token, so other rows in the database never come close. */
function customerOf(token: string): CustomerV1 {
  return {
    name: `${token} Fabrikam Werkzeuge GmbH`,
    country: 'DE',
    currency: 'EUR',
    taxId: germanVatId(token),
    address: { line1: `${token}allee 5`, city: 'Hamburg', postalCode: '20095' },
    website: `${token}.example.com`,
  };
}

describe('customer matcher on the canonical store', () => {
  let dataSource: DataSource;
  let matcher: CustomerMatcher;
  let canonical: CanonicalCustomerService;

  before(async () => {
    dataSource = await connectDatabase({ url: testDatabaseUrl(), appName: 'matcher-test', poolSize: 4 });
    matcher = new CustomerMatcher(new CustomerCandidatesRepository(dataSource), loadMatchConfig({}));
    canonical = new CanonicalCustomerService(new CustomerRepository(dataSource));
  });
  after(() => dataSource.destroy());

  const insert = (id: string, customer: CustomerV1) =>
    dataSource.transaction((manager) => canonical.insert(id, customer, null, manager));

  it('links a renamed copy by tax ID and domain, and leaves a record alone with itself', async () => {
    const token = uniqueId('m').toLowerCase();
    const id = randomUUID();
    await insert(id, customerOf(token));
    const copy = { ...customerOf(token), name: `${token} Fabrikam Werkzeug G.m.b.H.` };
    const [linked] = await matcher.match([{ record: toMatchRecord(randomUUID(), copy) }]);
    assert.equal(linked?.decision, 'link');
    assert.equal(linked?.best?.customerId, id);
    assert.ok(linked?.best?.signals.some((signal) => signal.signal === 'taxId' && signal.similarity === 1));
    const [self] = await matcher.match([{ record: toMatchRecord(id, customerOf(token)), excludeIds: [id] }]);
    assert.equal(self?.decision, 'new');
  });

  it('links by the CRM xref whatever the score', async () => {
    const id = randomUUID();
    const account = uniqueId('001x');
    await insert(id, customerOf(uniqueId('m').toLowerCase()));
    await dataSource.query(
      `INSERT INTO xref (domain, canonical_id, system, external_id) VALUES ('customer', $1, 'crm', $2)`,
      [id, account],
    );
    const other = customerOf(uniqueId('m').toLowerCase());
    const [match] = await matcher.match([
      { record: toMatchRecord(randomUUID(), other), crmAccountId: account },
    ]);
    assert.deepEqual([match?.decision, match?.reason, match?.best?.customerId], ['link', 'xref', id]);
  });

  it('makes the second of two simultaneous near-duplicates see the first under the matching lock', async () => {
    const token = uniqueId('m').toLowerCase();
    const twins = [customerOf(token), { ...customerOf(token), name: `${token} Fabrikam Werkzeuge AG` }];
    const decisions = await Promise.all(
      twins.map((customer) =>
        dataSource.transaction(async (manager) => {
          await lockCustomerMatching(manager);
          const id = randomUUID();
          const [match] = await matcher.match([{ record: toMatchRecord(id, customer) }], manager);
          if (match?.decision === 'new') await canonical.insert(id, customer, null, manager);
          return match?.decision;
        }),
      ),
    );
    assert.deepEqual(decisions.sort(), ['link', 'new']);
  });
});
