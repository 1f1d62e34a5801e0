import { isDateOnly, formatDateTime, parseDateTime } from './salesforce-date.util.js';
import { normalizeId } from './salesforce-id.util.js';
import { SalesforceError } from './salesforce.errors.js';
import { findObject } from './sobject.catalog.js';
import { type SfField, type SfValue, type SObjectContext } from './sobject.types.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const KEY_PREFIXES: Record<string, string> = { User: '005' };

function parserError(kind: string, raw: unknown): SalesforceError {
  const token =
    typeof raw === 'string' ? 'VALUE_STRING' : Array.isArray(raw) ? 'START_ARRAY' : 'START_OBJECT';
  return new SalesforceError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${kind} from ${token} value ${JSON.stringify(raw)} or request may be missing a required field`,
  );
}

function coerceText(field: SfField, raw: unknown): SfValue {
  if (typeof raw === 'number' || typeof raw === 'boolean') raw = String(raw);
  if (typeof raw !== 'string') throw parserError('string', raw);
  // Salesforce stores an empty text value as null.
  if (raw === '') return null;
  if (field.length !== undefined && raw.length > field.length) {
    throw new SalesforceError(
      400,
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${raw} (max length=${field.length})`,
      [field.name],
    );
  }
  if (field.type === 'email' && !EMAIL.test(raw)) {
    throw new SalesforceError(400, 'INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${raw}`, [
      field.name,
    ]);
  }
  if (field.type === 'picklist' && field.picklist && field.restricted) {
    const match = field.picklist.find((value) => value.toLowerCase() === raw.toLowerCase());
    if (match === undefined) {
      throw new SalesforceError(
        400,
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `${field.label}: bad value for restricted picklist field: ${raw}`,
        [field.name],
      );
    }
    return match;
  }
  return raw;
}

function coerceNumber(field: SfField, raw: unknown): SfValue {
  const kind = field.type === 'int' ? 'int' : 'double';
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw parserError(kind, raw);
  if (field.type === 'int' && !Number.isInteger(value)) throw parserError(kind, raw);
  const scale = field.scale ?? 0;
  const integerDigits = (field.precision ?? 18) - scale;
  if (Math.abs(value) >= 10 ** integerDigits) {
    throw new SalesforceError(
      400,
      'NUMBER_OUTSIDE_VALID_RANGE',
      `${field.label}: value outside of valid range on numeric field: ${value}`,
      [field.name],
    );
  }
  return field.type === 'int' ? value : Math.round(value * 10 ** scale) / 10 ** scale;
}

function coerceReference(field: SfField, raw: unknown, ctx: SObjectContext): SfValue {
  if (typeof raw !== 'string') throw parserError('id', raw);
  const target = field.referenceTo ?? '';
  const expected = KEY_PREFIXES[target] ?? findObject(target)?.keyPrefix;
  const id = normalizeId(raw);
  if (!id || expected === undefined || !id.startsWith(expected)) {
    throw new SalesforceError(400, 'MALFORMED_ID', `${field.label}: id value of incorrect type: ${raw}`, [
      field.name,
    ]);
  }
  if (!(target in KEY_PREFIXES) && !ctx.find(target, id)) {
    throw new SalesforceError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field.name]);
  }
  return id;
}

/** Turns a JSON value into the stored value of `field`, or throws the error Salesforce would answer. */
export function coerceFieldValue(field: SfField, raw: unknown, ctx: SObjectContext): SfValue {
  if (raw === null || raw === undefined) return field.type === 'boolean' ? false : null;
  switch (field.type) {
    case 'string':
    case 'textarea':
    case 'picklist':
    case 'phone':
    case 'url':
    case 'email':
      return coerceText(field, raw);
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw parserError('boolean', raw);
    case 'double':
    case 'currency':
    case 'percent':
    case 'int':
      return coerceNumber(field, raw);
    case 'date':
      if (typeof raw === 'string' && isDateOnly(raw)) return raw;
      throw parserError('date', raw);
    case 'datetime': {
      const date =
        typeof raw === 'string'
          ? (parseDateTime(raw) ?? (isDateOnly(raw) ? new Date(raw) : undefined))
          : undefined;
      if (!date) throw parserError('datetime', raw);
      return formatDateTime(date);
    }
    case 'reference':
      return coerceReference(field, raw, ctx);
    case 'id':
      throw parserError('id', raw);
  }
}
