import { formatDateTime } from './salesforce-date.util.js';
import { normalizeId } from './salesforce-id.util.js';
import {
  badExternalIdField,
  entityDeleted,
  noSuchColumn,
  notFound,
  SalesforceError,
} from './salesforce.errors.js';
import { type SalesforceStore } from './salesforce.store.js';
import { coerceFieldValue } from './record.validator.js';
import { cascadeChildren, findField, findObject } from './sobject.catalog.js';
import { type SfField, type SfRecord, type SfValue, type SObjectDef } from './sobject.types.js';

export type UpsertOutcome = { kind: 'created' | 'updated'; id: string } | { kind: 'multiple'; ids: string[] };

/** Record writes with Salesforce's validation, shared by the single-record and collection routes. */
export class SObjectService {
  constructor(
    private readonly store: SalesforceStore,
    private readonly userId: string,
  ) {}

  object(type: string): SObjectDef {
    const def = findObject(type);
    if (!def) throw notFound();
    return def;
  }

  create(type: string, body: unknown, now: Date): string {
    const def = this.object(type);
    const ctx = this.store.context(now);
    const values = this.parseBody(def, body, 'create', ctx);
    const record: SfRecord = {};
    for (const field of def.fields) {
      record[field.name] = values.has(field.name)
        ? (values.get(field.name) ?? null)
        : (field.defaultValue ?? (field.type === 'boolean' ? false : null));
    }
    const id = this.store.ids.next(def.keyPrefix);
    Object.assign(record, {
      Id: id,
      IsDeleted: false,
      CreatedDate: ctx.now,
      CreatedById: this.userId,
      LastModifiedDate: ctx.now,
      LastModifiedById: this.userId,
      SystemModstamp: ctx.now,
    });
    if ('OwnerId' in record && record.OwnerId === null) record.OwnerId = this.userId;
    this.checkRecord(def, record);
    def.validate?.(record, ctx, undefined);
    this.store.put(def.name, record);
    this.derive(def, record, now);
    return id;
  }

  update(type: string, rawId: string, body: unknown, now: Date): void {
    const def = this.object(type);
    const previous = this.existing(def, rawId);
    const ctx = this.store.context(now);
    const values = this.parseBody(def, body, 'update', ctx, previous.Id);
    const record: SfRecord = { ...previous, ...Object.fromEntries(values) };
    Object.assign(record, {
      LastModifiedDate: ctx.now,
      LastModifiedById: this.userId,
      SystemModstamp: ctx.now,
    });
    this.checkRecord(def, record);
    def.validate?.(record, ctx, previous);
    this.store.put(def.name, record);
    this.derive(def, record, now);
  }

  remove(type: string, rawId: string, now: Date): void {
    const def = this.object(type);
    const record = this.existing(def, rawId);
    for (const { def: childDef, field } of cascadeChildren(def.name)) {
      for (const child of this.store.rows(childDef.name).filter((row) => row[field.name] === record.Id)) {
        this.remove(childDef.name, String(child.Id), now);
      }
    }
    const stamp = formatDateTime(now);
    this.store.put(def.name, { ...record, IsDeleted: true, SystemModstamp: stamp, LastModifiedDate: stamp });
    this.deriveParents(def, record, now);
  }

  upsert(type: string, extFieldName: string, extValue: string, body: unknown, now: Date): UpsertOutcome {
    const def = this.object(type);
    const field = this.externalIdField(def, extFieldName);
    const matches = this.findByExternalId(def, field, extValue);
    if (matches.length > 1) return { kind: 'multiple', ids: matches.map((row) => String(row.Id)) };
    const existing = matches[0];
    if (existing) {
      this.update(def.name, String(existing.Id), body, now);
      return { kind: 'updated', id: String(existing.Id) };
    }
    const withKey = { ...(body as Record<string, unknown>), [field.name]: extValue };
    return { kind: 'created', id: this.create(def.name, withKey, now) };
  }

  externalIdField(def: SObjectDef, name: string): SfField {
    const field = findField(def, name);
    if (!field || (field.externalId !== true && field.name !== 'Id')) throw badExternalIdField(name);
    return field;
  }

  findByExternalId(def: SObjectDef, field: SfField, value: string): SfRecord[] {
    if (field.name === 'Id') {
      const record = this.store.get(def.name, normalizeId(value) ?? '');
      return record && record.IsDeleted !== true ? [record] : [];
    }
    return this.store.lookup(def.name, field.name, value).filter((row) => row.IsDeleted !== true);
  }

  /** The live record; a malformed ID reads as an unknown external ID field, as Salesforce answers. */
  existing(def: SObjectDef, rawId: string): SfRecord {
    const id = normalizeId(rawId);
    if (!id) throw badExternalIdField(rawId);
    const record = this.store.get(def.name, id);
    if (!record) throw notFound();
    if (record.IsDeleted === true) throw entityDeleted();
    return record;
  }

  private parseBody(
    def: SObjectDef,
    body: unknown,
    mode: 'create' | 'update',
    ctx: ReturnType<SalesforceStore['context']>,
    ownId?: SfValue,
  ): Map<string, SfValue> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new SalesforceError(
        400,
        'JSON_PARSER_ERROR',
        `Cannot deserialize instance of ${def.name} from request body`,
      );
    }
    const values = new Map<string, SfValue>();
    const locked: string[] = [];
    for (const [key, raw] of Object.entries(body)) {
      if (key === 'attributes') continue;
      const field = findField(def, key);
      if (!field) throw noSuchColumn(key, def.name);
      if (field.name === 'Id' && mode === 'update' && normalizeId(String(raw)) === ownId) continue;
      if (mode === 'create' ? !field.createable : !field.updateable) {
        locked.push(field.name);
        continue;
      }
      values.set(field.name, coerceFieldValue(field, raw, ctx));
    }
    if (locked.length > 0) {
      throw new SalesforceError(
        400,
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${locked.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        locked,
      );
    }
    return values;
  }

  private checkRecord(def: SObjectDef, record: SfRecord): void {
    const missing = def.fields.filter((field) => field.required === true && record[field.name] === null);
    if (missing.length > 0) {
      const names = missing.map((field) => field.name);
      throw new SalesforceError(
        400,
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${names.join(', ')}]`,
        names,
      );
    }
    for (const field of def.fields.filter((candidate) => candidate.unique === true)) {
      const value = record[field.name];
      if (typeof value !== 'string') continue;
      const clash = this.store
        .lookup(def.name, field.name, value)
        .find((row) => row.Id !== record.Id && row.IsDeleted !== true);
      if (clash) {
        throw new SalesforceError(
          400,
          'DUPLICATE_VALUE',
          `duplicate value found: ${field.name} duplicates value on record with id: ${String(clash.Id)}`,
        );
      }
    }
  }

  private derive(def: SObjectDef, record: SfRecord, now: Date): void {
    def.derive?.(record, this.store.context(now));
    this.deriveParents(def, record, now);
  }

  /** Roll-ups: a child write recomputes its parents' calculated fields and bumps their SystemModstamp. */
  private deriveParents(def: SObjectDef, record: SfRecord, now: Date): void {
    for (const field of def.fields.filter(
      (candidate) => candidate.type === 'reference' && candidate.cascadeDelete,
    )) {
      const parentDef = findObject(field.referenceTo ?? '');
      const parent = parentDef ? this.store.get(parentDef.name, String(record[field.name])) : undefined;
      if (!parentDef?.derive || !parent || parent.IsDeleted === true) continue;
      const updated = { ...parent, SystemModstamp: formatDateTime(now) };
      parentDef.derive(updated, this.store.context(now));
      this.store.put(parentDef.name, updated);
    }
  }
}
