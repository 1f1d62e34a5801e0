export type SfValue = string | number | boolean | null;
export type SfRecord = Record<string, SfValue>;

export type SfFieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'boolean'
  | 'double'
  | 'currency'
  | 'percent'
  | 'int'
  | 'date'
  | 'datetime'
  | 'reference'
  | 'phone'
  | 'url'
  | 'email';

export interface SfField {
  name: string;
  label: string;
  type: SfFieldType;
  length?: number;
  precision?: number;
  scale?: number;
  picklist?: string[];
  /** Restricted picklists refuse values outside the list. */
  restricted?: boolean;
  externalId?: boolean;
  unique?: boolean;
  /** Required on create and may never be nulled (nillable: false for a createable field). */
  required?: boolean;
  createable: boolean;
  updateable: boolean;
  defaultValue?: SfValue;
  referenceTo?: string;
  relationshipName?: string;
  /** Deleting the referenced parent deletes this record too (master-detail style). */
  cascadeDelete?: boolean;
  calculated?: boolean;
  custom?: boolean;
}

export interface SObjectContext {
  /** The timestamp of the write in progress, formatted like Salesforce. */
  now: string;
  find(type: string, id: string): SfRecord | undefined;
  all(type: string): SfRecord[];
}

export interface SObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  fields: SfField[];
  /** Calculated fields, recomputed after every write to the record. */
  derive?: (record: SfRecord, ctx: SObjectContext) => void;
  /** Cross-field and cross-record rules; throws SalesforceError. */
  validate?: (record: SfRecord, ctx: SObjectContext, previous: SfRecord | undefined) => void;
}

type FieldOptions = Partial<Omit<SfField, 'name' | 'label' | 'type'>>;

const editable = { createable: true, updateable: true };

export const text = (name: string, label: string, length: number, options: FieldOptions = {}): SfField => ({
  name,
  label,
  type: 'string',
  length,
  ...editable,
  custom: name.endsWith('__c'),
  ...options,
});

export const typed = (
  name: string,
  label: string,
  type: SfFieldType,
  options: FieldOptions = {},
): SfField => ({
  name,
  label,
  type,
  ...editable,
  ...(type === 'phone' ? { length: 40 } : {}),
  ...(type === 'email' ? { length: 80 } : {}),
  ...(type === 'url' ? { length: 255 } : {}),
  ...(type === 'textarea' ? { length: 32000 } : {}),
  ...(type === 'currency' ? { precision: 18, scale: 2 } : {}),
  ...(type === 'double' ? { precision: 18, scale: 2 } : {}),
  ...(type === 'percent' ? { precision: 3, scale: 0 } : {}),
  ...(type === 'int' ? { precision: 9, scale: 0 } : {}),
  custom: name.endsWith('__c'),
  ...options,
});

export const picklist = (
  name: string,
  label: string,
  values: string[],
  options: FieldOptions = {},
): SfField => ({
  name,
  label,
  type: 'picklist',
  length: 255,
  picklist: values,
  restricted: true,
  ...editable,
  custom: name.endsWith('__c'),
  ...options,
});

export const reference = (name: string, label: string, to: string, options: FieldOptions = {}): SfField => ({
  name,
  label,
  type: 'reference',
  length: 18,
  referenceTo: to,
  relationshipName: name.endsWith('Id') ? name.slice(0, -2) : name,
  ...editable,
  ...options,
});

export const readOnly = { createable: false, updateable: false } satisfies FieldOptions;
export const createOnly = { createable: true, updateable: false } satisfies FieldOptions;

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'SEK', 'DKK', 'NOK'];

/** Fields every object carries; `owned` objects also have OwnerId. */
export function systemFields(owned: boolean): SfField[] {
  const fields: SfField[] = [
    { name: 'Id', label: 'Record ID', type: 'id', length: 18, ...readOnly },
    typed('IsDeleted', 'Deleted', 'boolean', readOnly),
    typed('CreatedDate', 'Created Date', 'datetime', readOnly),
    reference('CreatedById', 'Created By ID', 'User', readOnly),
    typed('LastModifiedDate', 'Last Modified Date', 'datetime', readOnly),
    reference('LastModifiedById', 'Last Modified By ID', 'User', readOnly),
    typed('SystemModstamp', 'System Modstamp', 'datetime', readOnly),
  ];
  if (owned) fields.push(reference('OwnerId', 'Owner ID', 'User'));
  return fields;
}
