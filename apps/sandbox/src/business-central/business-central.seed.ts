import { type BcRecord, type EntityDef } from './bc-entity.types.js';
import { type BusinessCentralSandbox, type Company } from './business-central.state.js';
import { customerEntity, itemEntity } from './entities/customer.entity.js';
import {
  countryEntity,
  currencyEntity,
  dimensionEntity,
  dimensionValueEntity,
  paymentTermsEntity,
} from './entities/reference.entity.js';
import { EntityService } from './entity.service.js';

const LEGAL_ENTITIES = [
  { id: '7d8e2f4a-5b1c-4e3d-9a6f-1c2b3d4e5f60', name: 'CRONUS USA, Inc.', localCurrency: 'USD' },
  { id: '9c4e1a2b-3d5f-4a6b-8c7d-2e3f4a5b6c71', name: 'CRONUS International Ltd.', localCurrency: 'GBP' },
  { id: 'b2f7c9d1-6e4a-4b8c-9d2e-3f4a5b6c7d82', name: 'CRONUS AG', localCurrency: 'EUR' },
];

const CURRENCIES: [string, string, string][] = [
  ['USD', 'US dollar', '$'],
  ['EUR', 'Euro', '€'],
  ['GBP', 'Pound Sterling', '£'],
  ['CAD', 'Canadian dollar', '$'],
  ['CHF', 'Swiss franc', 'CHF'],
  ['DKK', 'Danish krone', 'kr'],
  ['SEK', 'Swedish krona', 'kr'],
  ['NOK', 'Norwegian krone', 'kr'],
  ['JPY', 'Japanese yen', '¥'],
  ['AUD', 'Australian dollar', '$'],
];

const COUNTRIES: [string, string][] = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['MX', 'Mexico'],
  ['GB', 'Great Britain'],
  ['IE', 'Ireland'],
  ['DE', 'Germany'],
  ['AT', 'Austria'],
  ['CH', 'Switzerland'],
  ['FR', 'France'],
  ['BE', 'Belgium'],
  ['NL', 'Netherlands'],
  ['LU', 'Luxembourg'],
  ['DK', 'Denmark'],
  ['SE', 'Sweden'],
  ['NO', 'Norway'],
  ['FI', 'Finland'],
  ['IS', 'Iceland'],
  ['ES', 'Spain'],
  ['PT', 'Portugal'],
  ['IT', 'Italy'],
  ['PL', 'Poland'],
  ['CZ', 'Czech Republic'],
  ['AU', 'Australia'],
  ['NZ', 'New Zealand'],
  ['JP', 'Japan'],
  ['CN', 'China'],
  ['IN', 'India'],
  ['SG', 'Singapore'],
  ['ZA', 'South Africa'],
  ['BR', 'Brazil'],
];

const PAYMENT_TERMS: [string, string, string][] = [
  ['1M(8D)', '1 Month/2% 8 days', '1M'],
  ['14 DAYS', 'Net 14 days', '14D'],
  ['30 DAYS', 'Net 30 days', '30D'],
  ['COD', 'Cash on delivery', '0D'],
];

const DIMENSIONS: [string, string, [string, string][]][] = [
  [
    'AREA',
    'Area',
    [
      ['10', 'Europe North'],
      ['20', 'Europe South'],
      ['30', 'America'],
    ],
  ],
  [
    'BUSINESSGROUP',
    'Business Group',
    [
      ['HOME', 'Home'],
      ['INDUSTRIAL', 'Industrial'],
      ['OFFICE', 'Office'],
    ],
  ],
  [
    'CUSTOMERGROUP',
    'Customer Group',
    [
      ['LARGE', 'Large Business'],
      ['MEDIUM', 'Medium Business'],
      ['SMALL', 'Small Business'],
    ],
  ],
  [
    'DEPARTMENT',
    'Department',
    [
      ['ADM', 'Administration'],
      ['PROD', 'Production'],
      ['SALES', 'Sales'],
    ],
  ],
];

function insert(state: BusinessCentralSandbox, company: string, def: EntityDef, values: BcRecord): string {
  const record: BcRecord = {};
  for (const field of def.fields) record[field.name] = values[field.name] ?? field.defaultValue ?? null;
  record.id = state.newId();
  record.lastModifiedDateTime = new Date().toISOString();
  state.table(company, def.set).set(String(record.id), { data: record, version: 1, seq: state.nextSeq() });
  return String(record.id);
}

/** The legal entities and their setup tables (currencies, countries, payment terms, dimensions). */
export function seedCompanies(state: BusinessCentralSandbox): Company[] {
  const now = new Date().toISOString();
  return LEGAL_ENTITIES.map(({ id, name, localCurrency }) => {
    // The local currency is blank on documents and is not a row of the Currency table.
    for (const [code, displayName, symbol] of CURRENCIES.filter(([code]) => code !== localCurrency)) {
      insert(state, id, currencyEntity, { code, displayName, symbol });
    }
    for (const [code, displayName] of COUNTRIES) insert(state, id, countryEntity, { code, displayName });
    for (const [code, displayName, dueDateCalculation] of PAYMENT_TERMS) {
      insert(state, id, paymentTermsEntity, { code, displayName, dueDateCalculation });
    }
    for (const [code, displayName, values] of DIMENSIONS) {
      const dimensionId = insert(state, id, dimensionEntity, { code, displayName });
      for (const [valueCode, valueName] of values) {
        insert(state, id, dimensionValueEntity, { code: valueCode, displayName: valueName, dimensionId });
      }
    }
    return {
      id,
      systemVersion: '26.0.30000.0',
      timestamp: 0,
      name,
      displayName: name,
      businessProfileId: '',
      systemCreatedAt: now,
      systemCreatedBy: '00000000-0000-0000-0000-000000000001',
      systemModifiedAt: now,
      systemModifiedBy: '00000000-0000-0000-0000-000000000001',
    };
  });
}

/** Demo customers and items in every company, created through the same validation as API writes. */
export function seedDemoData(state: BusinessCentralSandbox): void {
  const service = new EntityService(state);
  for (const company of state.companies) {
    const customers = [
      {
        displayName: 'Adatum Corporation',
        addressLine1: '192 Market Square',
        city: 'Atlanta',
        country: 'US',
        postalCode: '31772',
        email: 'robert.townes@contoso.com',
      },
      {
        displayName: 'Trey Research',
        addressLine1: '153 Thomas Drive',
        city: 'Chicago',
        country: 'US',
        postalCode: '61236',
      },
      {
        displayName: 'School of Fine Art',
        addressLine1: '10 High Tower Green',
        city: 'Miami',
        country: 'US',
        postalCode: '37125',
      },
      {
        displayName: 'The Cannon Group PLC',
        addressLine1: '192 Market Square',
        city: 'Birmingham',
        country: 'GB',
        postalCode: 'B27 4KT',
      },
    ];
    for (const customer of customers) service.create(company.id, customerEntity, customer);
    const items = [
      {
        displayName: 'ATHENS Desk',
        type: 'Inventory',
        unitPrice: 1000.8,
        unitCost: 780.7,
        inventoryPostingGroupCode: 'RESALE',
      },
      {
        displayName: 'PARIS Guest Chair, black',
        type: 'Inventory',
        unitPrice: 192.8,
        unitCost: 150.4,
        inventoryPostingGroupCode: 'RESALE',
      },
      {
        displayName: 'Concord Platform Subscription',
        type: 'Service',
        unitPrice: 1200,
        baseUnitOfMeasureCode: 'MONTH',
      },
      {
        displayName: 'Implementation Services',
        type: 'Service',
        unitPrice: 150,
        baseUnitOfMeasureCode: 'HOUR',
      },
    ];
    for (const item of items) service.create(company.id, itemEntity, item);
  }
}
