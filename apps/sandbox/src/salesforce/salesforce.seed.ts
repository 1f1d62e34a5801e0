import { type SalesforceStore } from './salesforce.store.js';
import { type SObjectService } from './sobject.service.js';

const ACCOUNTS = [
  {
    Name: 'Northwind Traders',
    Type: 'Customer',
    Industry: 'Retail',
    BillingCity: 'Seattle',
    BillingCountry: 'US',
  },
  {
    Name: 'Contoso Ltd.',
    Type: 'Customer',
    Industry: 'Technology',
    BillingCity: 'London',
    BillingCountry: 'GB',
  },
  {
    Name: 'Fabrikam GmbH',
    Type: 'Prospect',
    Industry: 'Manufacturing',
    BillingCity: 'Munich',
    BillingCountry: 'DE',
  },
  {
    Name: 'Adventure Works Cycles',
    Type: 'Partner',
    Industry: 'Retail',
    BillingCity: 'Bothell',
    BillingCountry: 'US',
  },
  { Name: 'Tailspin Toys', Type: 'Prospect', Industry: 'Retail', BillingCity: 'Lyon', BillingCountry: 'FR' },
];

const PRODUCTS = [
  { Name: 'Concord Platform Subscription', ProductCode: 'CP-SUB', Family: 'Subscription', price: 1200 },
  { Name: 'Implementation Services', ProductCode: 'CP-IMPL', Family: 'Services', price: 150 },
  { Name: 'Premium Support', ProductCode: 'CP-SUP', Family: 'Subscription', price: 300 },
  { Name: 'Integration Connector', ProductCode: 'CP-CONN', Family: 'Software', price: 500 },
];

/** Demo data: a standard price book, a few products with prices, accounts, contacts and one opportunity. */
export function seedSalesforce(service: SObjectService, store: SalesforceStore, now: Date): void {
  const standardId = service.create('Pricebook2', { Name: 'Standard Price Book', IsActive: true }, now);
  const standard = store.get('Pricebook2', standardId);
  // IsStandard is read-only through the API; the org ships with exactly one standard price book.
  if (standard) store.put('Pricebook2', { ...standard, IsStandard: true });
  service.create('Pricebook2', { Name: 'Partner Price Book', IsActive: true }, now);

  const entries: string[] = [];
  for (const { price, ...product } of PRODUCTS) {
    const productId = service.create('Product2', { ...product, IsActive: true }, now);
    for (const currency of ['USD', 'EUR']) {
      entries.push(
        service.create(
          'PricebookEntry',
          {
            Pricebook2Id: standardId,
            Product2Id: productId,
            UnitPrice: price,
            CurrencyIsoCode: currency,
            IsActive: true,
          },
          now,
        ),
      );
    }
  }

  const accountIds = ACCOUNTS.map((account) => service.create('Account', account, now));
  const [northwind, contoso] = accountIds;
  service.create(
    'Contact',
    { AccountId: northwind, FirstName: 'Nancy', LastName: 'Davolio', Email: 'nancy@northwind.example' },
    now,
  );
  service.create(
    'Contact',
    { AccountId: contoso, FirstName: 'Ian', LastName: 'Wright', Email: 'ian@contoso.example' },
    now,
  );
  const opportunityId = service.create(
    'Opportunity',
    {
      AccountId: northwind,
      Name: 'Northwind platform rollout',
      StageName: 'Prospecting',
      CloseDate: now.toISOString().slice(0, 10),
    },
    now,
  );
  service.create(
    'OpportunityLineItem',
    { OpportunityId: opportunityId, PricebookEntryId: entries[0], Quantity: 10, UnitPrice: 1100 },
    now,
  );
}
