import { isSupportedCountry } from 'libphonenumber-js/min';
import { normalizeAddress, normalizeCity } from './address.normalizer.js';
import { normalizeDomain, normalizePhone, normalizeTaxId } from './contact.normalizers.js';
import { normalizeName } from './name.normalizer.js';

/** An account as the matcher sees it; every field but `id` and `name` is optional evidence. */
export interface MatchRecord {
  readonly id: string;
  readonly name: string;
  readonly address?: string | null;
  readonly city?: string | null;
  /** ISO 3166-1 alpha-2; the default region for phone numbers (US when absent). */
  readonly country?: string | null;
  readonly phone?: string | null;
  /** Website or e-mail address; only its host is compared. */
  readonly domain?: string | null;
  readonly taxId?: string | null;
}

/** A record with every field normalized once; the scorer and the index work on these. */
export interface PreparedRecord {
  readonly record: MatchRecord;
  readonly name: string;
  readonly nameTokens: readonly string[];
  readonly address: string;
  readonly houseNumber: string;
  readonly streetTokens: readonly string[];
  readonly city: string;
  readonly cityTokens: readonly string[];
  readonly phone: string;
  readonly domain: string;
  readonly taxId: string;
}

const prepared = new WeakMap<MatchRecord, PreparedRecord>();

function split(value: string): string[] {
  return value.length > 0 ? value.split(' ') : [];
}

/** Normalizes a record's fields (cached per record object, so repeated scoring costs nothing extra). */
export function prepareRecord(record: MatchRecord): PreparedRecord {
  const cached = prepared.get(record);
  if (cached) return cached;
  const country = record.country?.toUpperCase() ?? 'US';
  const name = normalizeName(record.name);
  const address = normalizeAddress(record.address);
  const addressTokens = split(address);
  const numbered = addressTokens.length > 1 && /^\d/.test(addressTokens[0]!);
  const city = normalizeCity(record.city);
  const result: PreparedRecord = {
    record,
    name,
    nameTokens: split(name),
    address,
    houseNumber: numbered ? addressTokens[0]! : '',
    streetTokens: numbered ? addressTokens.slice(1) : addressTokens,
    city,
    cityTokens: split(city),
    phone: normalizePhone(record.phone, isSupportedCountry(country) ? country : 'US'),
    domain: normalizeDomain(record.domain),
    taxId: normalizeTaxId(record.taxId),
  };
  prepared.set(record, result);
  return result;
}
