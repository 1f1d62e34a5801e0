import { addDays, addMonths } from '../salesforce-date.util.js';
import { SalesforceError } from '../salesforce.errors.js';
import {
  createOnly,
  CURRENCIES,
  picklist,
  readOnly,
  reference,
  type SfRecord,
  type SfValue,
  type SObjectContext,
  type SObjectDef,
  systemFields,
  text,
  typed,
} from '../sobject.types.js';
import { standardPricebook } from './product.schema.js';

const STAGES: Record<string, number> = {
  Prospecting: 10,
  Qualification: 10,
  'Needs Analysis': 20,
  'Value Proposition': 50,
  'Id. Decision Makers': 60,
  'Perception Analysis': 70,
  'Proposal/Price Quote': 75,
  'Negotiation/Review': 90,
  'Closed Won': 100,
  'Closed Lost': 0,
};

const round2 = (value: number): number => Math.round(value * 100) / 100;

function linesOf(opportunityId: SfValue | undefined, ctx: SObjectContext): SfRecord[] {
  return ctx.all('OpportunityLineItem').filter((line) => line.OpportunityId === opportunityId);
}

export const opportunityDef: SObjectDef = {
  name: 'Opportunity',
  label: 'Opportunity',
  labelPlural: 'Opportunities',
  keyPrefix: '006',
  fields: [
    ...systemFields(true),
    reference('AccountId', 'Account ID', 'Account', { cascadeDelete: true }),
    text('Name', 'Name', 120, { required: true }),
    typed('Description', 'Description', 'textarea'),
    picklist('StageName', 'Stage', Object.keys(STAGES), { required: true }),
    typed('CloseDate', 'Close Date', 'date', { required: true }),
    typed('Amount', 'Amount', 'currency'),
    typed('Probability', 'Probability (%)', 'percent'),
    picklist('Type', 'Opportunity Type', ['New Business', 'Existing Business']),
    reference('Pricebook2Id', 'Price Book ID', 'Pricebook2'),
    typed('IsClosed', 'Closed', 'boolean', { ...readOnly, calculated: true }),
    typed('IsWon', 'Won', 'boolean', { ...readOnly, calculated: true }),
    typed('HasOpportunityLineItem', 'Has Line Item', 'boolean', { ...readOnly, calculated: true }),
    picklist('CurrencyIsoCode', 'Opportunity Currency', CURRENCIES, { defaultValue: 'USD' }),
    text('Concord_Id__c', 'Concord ID', 36, { externalId: true, unique: true }),
  ],
  validate: (record, _ctx, previous) => {
    if (
      record.Probability === null ||
      (previous && previous.StageName !== record.StageName && previous.Probability === record.Probability)
    ) {
      record.Probability = STAGES[String(record.StageName)] ?? null;
    }
  },
  derive: (record, ctx) => {
    record.IsClosed = record.StageName === 'Closed Won' || record.StageName === 'Closed Lost';
    record.IsWon = record.StageName === 'Closed Won';
    const lines = linesOf(record.Id, ctx);
    record.HasOpportunityLineItem = lines.length > 0;
    if (lines.length > 0) {
      // With products attached, Amount is the roll-up of the line totals.
      record.Amount = round2(lines.reduce((sum, line) => sum + Number(line.TotalPrice ?? 0), 0));
      if (record.Pricebook2Id === null) {
        const entry = ctx.find('PricebookEntry', String(lines[0]?.PricebookEntryId));
        record.Pricebook2Id = entry?.Pricebook2Id ?? null;
      }
    }
  },
};

function integrity(field: string, reason: string): SalesforceError {
  return new SalesforceError(
    400,
    'FIELD_INTEGRITY_EXCEPTION',
    `field integrity exception: ${field} (${reason})`,
    [field],
  );
}

function resolveEntry(record: SfRecord, opportunity: SfRecord, ctx: SObjectContext): SfRecord {
  if (record.PricebookEntryId !== null) {
    const entry = ctx.find('PricebookEntry', String(record.PricebookEntryId));
    if (!entry) throw integrity('PricebookEntryId', 'pricebook entry does not exist');
    return entry;
  }
  if (record.Product2Id === null) {
    throw new SalesforceError(
      400,
      'REQUIRED_FIELD_MISSING',
      'Required fields are missing: [PricebookEntryId]',
      ['PricebookEntryId'],
    );
  }
  const bookId = opportunity.Pricebook2Id ?? standardPricebook(ctx)?.Id;
  const entry = ctx
    .all('PricebookEntry')
    .find(
      (candidate) =>
        candidate.Pricebook2Id === bookId &&
        candidate.Product2Id === record.Product2Id &&
        candidate.CurrencyIsoCode === opportunity.CurrencyIsoCode,
    );
  if (!entry)
    throw integrity('Product2Id', 'no price book entry for this product in the opportunity price book');
  return entry;
}

export const opportunityLineItemDef: SObjectDef = {
  name: 'OpportunityLineItem',
  label: 'Opportunity Product',
  labelPlural: 'Opportunity Product',
  keyPrefix: '00k',
  fields: [
    ...systemFields(false),
    reference('OpportunityId', 'Opportunity ID', 'Opportunity', {
      ...createOnly,
      required: true,
      cascadeDelete: true,
    }),
    reference('PricebookEntryId', 'Price Book Entry ID', 'PricebookEntry', createOnly),
    reference('Product2Id', 'Product ID', 'Product2', createOnly),
    typed('Quantity', 'Quantity', 'double', { required: true }),
    typed('UnitPrice', 'Sales Price', 'currency'),
    typed('TotalPrice', 'Total Price', 'currency'),
    typed('ListPrice', 'List Price', 'currency', { ...readOnly, calculated: true }),
    text('Description', 'Line Description', 255),
    typed('ServiceDate', 'Date', 'date'),
    text('Name', 'Opportunity Product Name', 376, { ...readOnly, calculated: true }),
    text('ProductCode', 'Product Code', 255, { ...readOnly, calculated: true }),
  ],
  validate: (record, ctx, previous) => {
    const quantity = Number(record.Quantity);
    if (quantity === 0) throw integrity('Quantity', 'quantity must be nonzero');
    const totalChanged = previous ? previous.TotalPrice !== record.TotalPrice : record.TotalPrice !== null;
    const unitChanged = previous ? previous.UnitPrice !== record.UnitPrice : record.UnitPrice !== null;
    if (totalChanged && unitChanged)
      throw integrity('TotalPrice', 'cannot specify both unit price and total price');
    if (totalChanged && record.TotalPrice !== null)
      record.UnitPrice = round2(Number(record.TotalPrice) / quantity);
    if (previous) return;
    const opportunity = ctx.find('Opportunity', String(record.OpportunityId));
    if (!opportunity) throw integrity('OpportunityId', 'opportunity does not exist');
    const entry = resolveEntry(record, opportunity, ctx);
    if (opportunity.Pricebook2Id !== null && entry.Pricebook2Id !== opportunity.Pricebook2Id) {
      throw integrity(
        'PricebookEntryId',
        'pricebook entry is in a different pricebook than the one assigned to the opportunity',
      );
    }
    if (entry.IsActive !== true) throw integrity('PricebookEntryId', 'pricebook entry is inactive');
    if (record.UnitPrice === null)
      throw integrity('TotalPrice', 'must specify either TotalPrice or UnitPrice');
    record.PricebookEntryId = entry.Id ?? null;
    record.Product2Id = entry.Product2Id ?? null;
  },
  derive: (record, ctx) => {
    const entry = ctx.find('PricebookEntry', String(record.PricebookEntryId));
    const opportunity = ctx.find('Opportunity', String(record.OpportunityId));
    record.ListPrice = entry?.UnitPrice ?? null;
    record.ProductCode = entry?.ProductCode ?? null;
    record.Name = `${String(opportunity?.Name ?? '')} ${String(entry?.Name ?? '')}`.trim();
    record.TotalPrice = round2(Number(record.UnitPrice) * Number(record.Quantity));
  },
};

export const contractDef: SObjectDef = {
  name: 'Contract',
  label: 'Contract',
  labelPlural: 'Contracts',
  keyPrefix: '800',
  fields: [
    ...systemFields(true),
    reference('AccountId', 'Account ID', 'Account', { required: true, cascadeDelete: true }),
    picklist('Status', 'Status', ['Draft', 'In Approval Process', 'Activated'], { defaultValue: 'Draft' }),
    typed('StartDate', 'Contract Start Date', 'date'),
    typed('ContractTerm', 'Contract Term', 'int', { precision: 4 }),
    typed('EndDate', 'Contract End Date', 'date', { ...readOnly, calculated: true }),
    text('ContractNumber', 'Contract Number', 30, readOnly),
    typed('ActivatedDate', 'Activated Date', 'datetime', readOnly),
    typed('Description', 'Description', 'textarea'),
    typed('SpecialTerms', 'Special Terms', 'textarea', { length: 4000 }),
    picklist('CurrencyIsoCode', 'Contract Currency', CURRENCIES, { defaultValue: 'USD' }),
    text('Concord_Id__c', 'Concord ID', 36, { externalId: true, unique: true }),
  ],
  validate: (record, ctx, previous) => {
    if (record.Status === null) {
      throw new SalesforceError(400, 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [Status]', [
        'Status',
      ]);
    }
    if (!previous) {
      const highest = Math.max(
        99,
        ...ctx.all('Contract').map((contract) => Number(contract.ContractNumber ?? 0)),
      );
      record.ContractNumber = String(highest + 1).padStart(8, '0');
    }
    if (record.Status === 'Activated' && previous?.Status !== 'Activated') {
      if (record.StartDate === null || record.ContractTerm === null) {
        throw integrity('StartDate', 'an activated contract needs a start date and a term');
      }
      record.ActivatedDate = ctx.now;
    }
  },
  derive: (record) => {
    record.EndDate =
      typeof record.StartDate === 'string' && typeof record.ContractTerm === 'number'
        ? addDays(addMonths(record.StartDate, record.ContractTerm), -1)
        : null;
  },
};
