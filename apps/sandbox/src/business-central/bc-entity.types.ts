export type BcValue = string | number | boolean | null;
export type BcRecord = Record<string, BcValue>;

export type BcFieldType =
  'guid' | 'string' | 'decimal' | 'integer' | 'boolean' | 'date' | 'datetime' | 'enum';

export interface BcField {
  name: string;
  type: BcFieldType;
  maxLength?: number;
  required?: boolean;
  readOnly?: boolean;
  enumValues?: readonly string[];
  defaultValue?: BcValue;
}

export interface WriteContext {
  companyId: string;
  /** ISO date-time of the write, e.g. `2026-11-23T10:00:00.000Z`. */
  now: string;
  find(set: string, id: string): BcRecord | undefined;
  all(set: string): BcRecord[];
}

export interface NumberSeries {
  prefix: string;
  digits: number;
  start: number;
  step: number;
}

export interface EntityDef {
  /** Entity set name in URLs, e.g. `customers`. */
  set: string;
  /** Entity type name, e.g. `customer` (`Microsoft.NAV.customer`). */
  type: string;
  /** Table caption used in Business Central's messages, e.g. `Customer`. */
  caption: string;
  fields: BcField[];
  readOnly?: boolean;
  /**
   * Lines belong to a document: the parent set and the foreign key field. A line write recalculates
   * its document unless `touchesParent` is false (a customer's default dimensions leave it unchanged).
   */
  parent?: { set: string; key: string; touchesParent?: boolean };
  /** Navigation properties that `$expand` and nested URLs can follow. */
  children?: Record<string, string>;
  numberSeries?: NumberSeries;
  /** Fields whose value must be unique within the company. */
  uniqueFields?: string[];
  /** Derives fields and enforces cross-record rules before a write; throws BcError. */
  prepare?: (record: BcRecord, ctx: WriteContext, previous: BcRecord | undefined) => void;
  /** Fields computed from other records when the entity is read, e.g. a customer's balance. */
  compute?: (record: BcRecord, ctx: WriteContext) => void;
  /**
   * The fields `compute` sets. Their stored values are stale, so filters on them scan; an entity with
   * `compute` but no list scans on every field.
   */
  computedFields?: readonly string[];
  /** Refuses a delete; throws BcError. */
  beforeDelete?: (record: BcRecord, ctx: WriteContext) => void;
}

type FieldOptions = Partial<Omit<BcField, 'name' | 'type'>>;

export const field = (name: string, type: BcFieldType, options: FieldOptions = {}): BcField => ({
  name,
  type,
  ...options,
});
export const text = (name: string, maxLength: number, options: FieldOptions = {}): BcField => ({
  name,
  type: 'string',
  maxLength,
  defaultValue: '',
  ...options,
});
export const choice = (name: string, values: readonly string[], options: FieldOptions = {}): BcField => ({
  name,
  type: 'enum',
  enumValues: values,
  defaultValue: values[0] ?? null,
  ...options,
});
export const readOnly: FieldOptions = { readOnly: true };

export const idField = (): BcField => field('id', 'guid', readOnly);
export const modifiedField = (): BcField => field('lastModifiedDateTime', 'datetime', readOnly);
