import { type BcField, type BcValue, type EntityDef } from './bc-entity.types.js';
import { BcError, badRequest } from './business-central.errors.js';
import { findField } from './entity.registry.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EDM: Record<BcField['type'], string> = {
  guid: 'Edm.Guid',
  string: 'Edm.String',
  decimal: 'Edm.Decimal',
  integer: 'Edm.Int32',
  boolean: 'Edm.Boolean',
  date: 'Edm.Date',
  datetime: 'Edm.DateTimeOffset',
  enum: 'Edm.String',
};

export const isGuid = (value: string): boolean => GUID.test(value);

function cannotConvert(raw: unknown, target: string): BcError {
  return badRequest(`Cannot convert the literal '${String(raw)}' to the expected type '${target}'.`);
}

export function coerceValue(field: BcField, raw: unknown): BcValue {
  if (raw === null) return field.defaultValue ?? null;
  switch (field.type) {
    case 'string': {
      if (typeof raw !== 'string') throw cannotConvert(raw, EDM.string);
      if (field.maxLength !== undefined && raw.length > field.maxLength) {
        throw new BcError(
          400,
          'Application_StringExceededLength',
          `The length of the string is ${raw.length}, but it must be less than or equal to ${field.maxLength} characters. Value: ${raw}`,
        );
      }
      return raw;
    }
    case 'enum':
      if (typeof raw !== 'string' || !field.enumValues?.includes(raw))
        throw cannotConvert(raw, `Microsoft.NAV.${field.name}`);
      return raw;
    case 'guid':
      if (typeof raw !== 'string' || !isGuid(raw)) throw cannotConvert(raw, EDM.guid);
      return raw.toLowerCase();
    case 'decimal':
    case 'integer': {
      const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw cannotConvert(raw, EDM[field.type]);
      if (field.type === 'integer' && !Number.isInteger(value)) throw cannotConvert(raw, EDM.integer);
      return value;
    }
    case 'boolean':
      if (typeof raw !== 'boolean') throw cannotConvert(raw, EDM.boolean);
      return raw;
    case 'date':
      if (typeof raw !== 'string' || !DATE.test(raw) || Number.isNaN(Date.parse(raw)))
        throw cannotConvert(raw, EDM.date);
      return raw;
    case 'datetime': {
      const time = typeof raw === 'string' ? Date.parse(raw) : NaN;
      if (Number.isNaN(time)) throw cannotConvert(raw, EDM.datetime);
      return new Date(time).toISOString();
    }
  }
}

/** The writable values of a request body; `@odata.*` annotations are ignored like Business Central does. */
export function parseBody(def: EntityDef, body: unknown, ownId?: string): Map<string, BcValue> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('The request body must be a JSON object.');
  }
  const values = new Map<string, BcValue>();
  for (const [key, raw] of Object.entries(body)) {
    if (key.startsWith('@odata.')) continue;
    const field = findField(def, key);
    if (!field) {
      throw badRequest(
        `The property '${key}' does not exist on type 'Microsoft.NAV.${def.type}'. Make sure to only use property names that are defined by the type.`,
      );
    }
    if (field.readOnly) {
      if (key === 'id' && typeof raw === 'string' && raw.toLowerCase() === ownId) continue;
      throw new BcError(
        400,
        'BadRequest_MethodNotAllowed',
        `The property '${key}' is read-only and cannot be set.`,
      );
    }
    values.set(key, coerceValue(field, raw));
  }
  return values;
}
