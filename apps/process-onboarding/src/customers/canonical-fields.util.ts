import { type CustomerV1 } from '@concord/contracts';
import { normalizeDomain, normalizeName, normalizePhone, normalizeTaxId } from '@concord/matching';
import { type CustomerMatchKeys } from '@concord/persistence';
import { sameValue } from './same-value.util.js';

/** The canonical fields a CRM account carries; the Concord-written ones (IDs, status) are not among them. */
export const CRM_CARRIED_FIELDS = [
  'name',
  'country',
  'currency',
  'taxId',
  'address',
  'website',
  'phone',
] as const;

const CUSTOMER_V1_FIELDS: ReadonlyArray<keyof CustomerV1> = [
  'name',
  'legalName',
  'country',
  'taxId',
  'currency',
  'address',
  'website',
  'email',
  'phone',
  'paymentTermsDays',
  'segment',
  'territory',
];

/** The CustomerV1 fields of a system record, without its identity, version or sync status. */
export function customerFieldsOf(record: object): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  return Object.fromEntries(
    CUSTOMER_V1_FIELDS.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]),
  );
}

/** The fields among `fields` whose values differ between two records (absent counts as a value). */
export function differingFields(
  left: Record<string, unknown>,
  right: Record<string, unknown>,
  fields: readonly string[],
): string[] {
  return fields.filter((field) => !sameValue(left[field], right[field]));
}

/** The normalized keys the duplicate check searches, from canonical data. */
export function matchKeysOf(data: Record<string, unknown>): CustomerMatchKeys {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    normalizedName: normalizeName(text(data.name)),
    taxId: normalizeTaxId(text(data.taxId)) || null,
    domain: normalizeDomain(text(data.website) ?? text(data.email)) || null,
    phone: normalizePhone(text(data.phone)) || null,
  };
}
