import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A comparable phone number. North American numbers (10 digits, or 11 starting with 1, no `+` other than
 * +1) become `+1` and the last ten digits; anything else goes through libphonenumber with the given default
 * country to E.164, and falls back to its digits when it cannot be parsed.
 */
export function normalizePhone(raw: string | null | undefined, defaultCountry: CountryCode = 'US'): string {
  if (!raw) return '';
  const digits = raw.replace(/\D/g, '');
  if (digits.length === 0) return '';
  const international = raw.trimStart().startsWith('+') || raw.trimStart().startsWith('00');
  const nanpDefault = defaultCountry === 'US' || defaultCountry === 'CA';
  if (
    !international &&
    nanpDefault &&
    (digits.length === 10 || (digits.length === 11 && digits[0] === '1'))
  ) {
    return `+1${digits.slice(-10)}`;
  }
  if (international && digits.length === 11 && digits[0] === '1') return `+${digits}`;
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  return parsed?.isPossible() ? parsed.number : digits;
}

/** A comparable web domain: host only, lower case, no scheme, `www.`, port, path, query or trailing dot. */
export function normalizeDomain(raw: string | null | undefined): string {
  if (!raw) return '';
  let host = raw.trim().toLowerCase();
  const email = host.lastIndexOf('@');
  if (email >= 0 && !host.includes('/')) host = host.slice(email + 1);
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host.split(/[/?#]/, 1)[0] ?? '';
  host = host
    .replace(/^[^@]*@/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  return host.replace(/^www\d*\./, '');
}

/** A comparable tax ID: upper case letters and digits only (`DE 136 695 976` → `DE136695976`). */
export function normalizeTaxId(raw: string | null | undefined): string {
  if (!raw) return '';
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
