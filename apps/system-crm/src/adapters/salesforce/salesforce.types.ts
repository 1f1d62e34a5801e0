/** Wire shapes of the Salesforce REST API; they never leave this folder. */

/** An Account as the adapter reads it (every field it selects). */
export interface SalesforceAccount {
  attributes?: { type: string; url?: string };
  Id: string;
  IsDeleted?: boolean;
  Name: string | null;
  Type?: string | null;
  Concord_Id__c: string | null;
  Tax_Id__c: string | null;
  BillingStreet: string | null;
  BillingCity: string | null;
  BillingState: string | null;
  BillingPostalCode: string | null;
  BillingCountry: string | null;
  Website: string | null;
  Phone: string | null;
  CurrencyIsoCode: string | null;
  ERP_Customer_Number__c: string | null;
  Billing_Customer_Id__c: string | null;
  Concord_Sync_Status__c: string | null;
  Concord_Sync_Message__c: string | null;
  CreatedDate: string;
  SystemModstamp: string;
}

/** The Account fields Concord writes from a canonical customer (null clears a field). */
export interface AccountWrite {
  Name: string;
  Tax_Id__c: string | null;
  BillingStreet: string | null;
  BillingCity: string | null;
  BillingState: string | null;
  BillingPostalCode: string | null;
  BillingCountry: string;
  Website: string | null;
  Phone: string | null;
  CurrencyIsoCode: string;
}

/** The Account fields of Concord's status write-back. */
export interface AccountSyncWrite {
  Concord_Sync_Status__c: string;
  Concord_Sync_Message__c?: string | null;
  ERP_Customer_Number__c?: string;
  Billing_Customer_Id__c?: string;
}

export const ACCOUNT_FIELDS = [
  'Id',
  'IsDeleted',
  'Name',
  'Type',
  'Concord_Id__c',
  'Tax_Id__c',
  'BillingStreet',
  'BillingCity',
  'BillingState',
  'BillingPostalCode',
  'BillingCountry',
  'Website',
  'Phone',
  'CurrencyIsoCode',
  'ERP_Customer_Number__c',
  'Billing_Customer_Id__c',
  'Concord_Sync_Status__c',
  'Concord_Sync_Message__c',
  'CreatedDate',
  'SystemModstamp',
] as const;

/** REST error entry: `[{message, errorCode, fields}]`. */
export interface SalesforceApiError {
  message: string;
  errorCode: string;
  fields?: string[];
}

/** sObject collections report record errors with `statusCode`, not `errorCode`. */
export interface SalesforceRecordError {
  statusCode: string;
  message: string;
  fields?: string[];
}

export interface SalesforceSaveResult {
  id?: string;
  success: boolean;
  errors: SalesforceRecordError[];
  created?: boolean;
}

export interface SalesforceQueryResult<T> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}

export interface SalesforceTokenAnswer {
  access_token: string;
  instance_url: string;
}

/** The Account describe subset the schema check reads. */
export interface SalesforceDescribe {
  fields: Array<{ name: string; picklistValues?: Array<{ value: string; active: boolean }> }>;
}

/** A Product2 as the adapter reads it. */
export interface SalesforceProduct {
  attributes?: { type: string; url?: string };
  Id: string;
  IsDeleted?: boolean;
  Name: string | null;
  ProductCode: string | null;
  Description: string | null;
  IsActive: boolean;
  Family: string | null;
  QuantityUnitOfMeasure: string | null;
  ERP_Item_Number__c: string | null;
  CreatedDate: string;
  SystemModstamp: string;
}

export const PRODUCT_FIELDS = [
  'Id',
  'IsDeleted',
  'Name',
  'ProductCode',
  'Description',
  'IsActive',
  'Family',
  'QuantityUnitOfMeasure',
  'ERP_Item_Number__c',
  'CreatedDate',
  'SystemModstamp',
] as const;

/** The Product2 fields Concord writes from a canonical product (null clears a field). */
export interface ProductWrite {
  Name: string;
  ProductCode: string;
  Description: string | null;
  IsActive: boolean;
  Family: string | null;
  QuantityUnitOfMeasure: string | null;
}

/** A PricebookEntry as the adapter reads it. */
export interface SalesforcePriceEntry {
  Id: string;
  Product2Id: string;
  UnitPrice: number;
  CurrencyIsoCode: string;
  IsActive: boolean;
  SystemModstamp: string;
}

export const PRICE_ENTRY_FIELDS = [
  'Id',
  'Product2Id',
  'UnitPrice',
  'CurrencyIsoCode',
  'IsActive',
  'SystemModstamp',
] as const;

/** One subrequest of a `composite` call. */
export interface CompositeSubrequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  referenceId: string;
  body?: unknown;
}

export interface CompositeSubresponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}
