import {
  type CustomerChangeDto,
  type CustomerRecordV1,
  type CustomerV1,
  SyncStatus,
  type SyncStatusUpdateDto,
} from '@concord/contracts';
import { type ChangeScanPosition } from '../../customers/crm-customers.port.js';
import { type AccountSyncWrite, type AccountWrite, type SalesforceAccount } from './salesforce.types.js';

const MESSAGE_LIMIT = 255;

const STATUS_TO_PICKLIST: Record<SyncStatus, string> = {
  [SyncStatus.Pending]: 'Pending',
  [SyncStatus.Synced]: 'Synced',
  [SyncStatus.Review]: 'Review',
  [SyncStatus.Rejected]: 'Rejected',
};

/** Every value the Concord status picklist must offer. */
export const SYNC_STATUS_PICKLIST_VALUES = Object.values(STATUS_TO_PICKLIST);

/** Account field → canonical path, so a vendor rejection names the field the caller sent. */
const CANONICAL_PATHS: Record<string, string> = {
  Name: 'name',
  Tax_Id__c: 'taxId',
  BillingStreet: 'address.line1',
  BillingCity: 'address.city',
  BillingState: 'address.region',
  BillingPostalCode: 'address.postalCode',
  BillingCountry: 'country',
  Website: 'website',
  Phone: 'phone',
  CurrencyIsoCode: 'currency',
  Concord_Id__c: 'concordId',
  ERP_Customer_Number__c: 'erpCustomerNumber',
  Billing_Customer_Id__c: 'billingCustomerId',
  Concord_Sync_Status__c: 'status',
  Concord_Sync_Message__c: 'message',
};

export function canonicalPathOf(salesforceField: string): string {
  const match = Object.keys(CANONICAL_PATHS).find(
    (name) => name.toLowerCase() === salesforceField.toLowerCase(),
  );
  return match ? (CANONICAL_PATHS[match] ?? salesforceField) : salesforceField;
}

/** Salesforce writes `2026-11-23T10:00:00.000+0000`; canonical versions are ISO 8601 in UTC. */
export function toIsoInstant(salesforceDateTime: string): string {
  const normalized = salesforceDateTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return new Date(normalized).toISOString();
}

/** A SOQL datetime literal (unquoted), in UTC. */
export function toSoqlDateTime(instant: Date | string): string {
  return new Date(instant).toISOString();
}

/** A SOQL string literal. */
export function toSoqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The SOQL `WHERE` clause (with its leading space, or empty) of a change scan by (SystemModstamp, Id),
 * narrowed by `filter` (a SOQL condition) when given.
 */
export function toChangeScanWhere(position: ChangeScanPosition, filter?: string): string {
  const scan = changeScanCondition(position);
  const terms = [filter, scan && filter ? `(${scan})` : scan].filter((term) => term);
  return terms.length > 0 ? ` WHERE ${terms.join(' AND ')}` : '';
}

function changeScanCondition(position: ChangeScanPosition): string {
  if (position.kind === 'start') return '';
  const stamp = toSoqlDateTime(position.modstamp);
  if (position.kind === 'from') return `SystemModstamp >= ${stamp}`;
  return `SystemModstamp > ${stamp} OR (SystemModstamp = ${stamp} AND Id > ${toSoqlString(position.id)})`;
}

function orNull(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

/** The Account fields a canonical customer sets; absent optional fields clear the Account's value. */
export function toAccountWrite(customer: CustomerV1): AccountWrite {
  const address = customer.address;
  const street = address ? [address.line1, address.line2].filter((line) => line).join('\n') : undefined;
  return {
    Name: customer.name,
    Tax_Id__c: orNull(customer.taxId),
    BillingStreet: orNull(street),
    BillingCity: orNull(address?.city),
    BillingState: orNull(address?.region),
    BillingPostalCode: orNull(address?.postalCode),
    BillingCountry: customer.country,
    Website: orNull(customer.website),
    Phone: orNull(customer.phone),
    CurrencyIsoCode: customer.currency,
  };
}

export function toSyncWrite(update: SyncStatusUpdateDto): AccountSyncWrite {
  return {
    Concord_Sync_Status__c: STATUS_TO_PICKLIST[update.status],
    ...(update.message === undefined
      ? {}
      : { Concord_Sync_Message__c: orNull(update.message.slice(0, MESSAGE_LIMIT)) }),
    ...(update.erpCustomerNumber === undefined ? {} : { ERP_Customer_Number__c: update.erpCustomerNumber }),
    ...(update.billingCustomerId === undefined ? {} : { Billing_Customer_Id__c: update.billingCustomerId }),
  };
}

function toSyncStatus(picklist: string | null): SyncStatus | undefined {
  const entry = Object.entries(STATUS_TO_PICKLIST).find(
    ([, value]) => value.toLowerCase() === picklist?.toLowerCase(),
  );
  return entry ? (entry[0] as SyncStatus) : undefined;
}

function present<T>(key: string, value: T | null | undefined): Record<string, T> {
  return value === null || value === undefined || value === '' ? {} : { [key]: value };
}

function addressOf(account: SalesforceAccount): CustomerV1['address'] {
  if (!account.BillingStreet && !account.BillingCity && !account.BillingPostalCode) return undefined;
  const [line1 = '', ...rest] = (account.BillingStreet ?? '').split('\n');
  return {
    line1,
    ...present('line2', rest.join(' ')),
    city: account.BillingCity ?? '',
    ...present('region', account.BillingState),
    postalCode: account.BillingPostalCode ?? '',
  };
}

/** An Account as the canonical record the system API answers. */
export function fromAccount(account: SalesforceAccount): CustomerRecordV1 {
  const address = addressOf(account);
  return {
    concordId: account.Concord_Id__c ?? '',
    externalId: account.Id,
    sourceVersion: toIsoInstant(account.SystemModstamp),
    name: account.Name ?? '',
    country: account.BillingCountry ?? '',
    currency: account.CurrencyIsoCode ?? '',
    ...present('taxId', account.Tax_Id__c),
    ...(address ? { address } : {}),
    ...present('website', account.Website),
    ...present('phone', account.Phone),
    externalRefs: {
      crm: account.Id,
      ...present('erp', account.ERP_Customer_Number__c),
      ...present('billing', account.Billing_Customer_Id__c),
    },
    ...present('syncStatus', toSyncStatus(account.Concord_Sync_Status__c)),
    ...present('syncMessage', account.Concord_Sync_Message__c),
    ...present('accountType', account.Type),
  };
}

/** One change-feed entry; deleted rows (from `queryAll`) carry no record. */
export function toCustomerChange(account: SalesforceAccount): CustomerChangeDto {
  const sourceVersion = toIsoInstant(account.SystemModstamp);
  return {
    kind: account.IsDeleted ? 'delete' : 'upsert',
    externalId: account.Id,
    ...present('concordId', account.Concord_Id__c),
    sourceVersion,
    ...(account.IsDeleted ? {} : { record: fromAccount(account) }),
  };
}
