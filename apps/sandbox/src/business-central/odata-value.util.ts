import { type BcField, type BcValue } from './bc-entity.types.js';
import { type FilterLiteral } from './odata-filter.parser.js';

/** A stored value as `$filter` and `$orderby` compare it: text case-insensitively, date-times as instants. */
export function comparable(field: BcField, value: BcValue | undefined): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (field.type === 'datetime') return Date.parse(String(value));
  if (field.type === 'string' || field.type === 'enum' || field.type === 'guid')
    return String(value).toLowerCase();
  return value;
}

/** A `$filter` literal in the form `comparable` gives stored values. */
export function literalValue(literal: FilterLiteral): string | number | boolean | null {
  if (literal.kind === 'null') return null;
  if (literal.kind === 'string' || literal.kind === 'guid') return literal.value.toLowerCase();
  return literal.value;
}
