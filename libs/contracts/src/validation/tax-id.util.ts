import { checkVAT, france, germany, italy, netherlands, spain, unitedKingdom, type Country } from 'jsvat';
import { isCountryCode } from './country-code.util.js';

/** Outcome of a tax ID check; `reason` says why an ID was refused, in words a steward can act on. */
export interface TaxIdCheck {
  valid: boolean;
  reason?: string;
}

const VAT_RULES: Readonly<Partial<Record<string, Country>>> = {
  DE: germany,
  FR: france,
  NL: netherlands,
  ES: spain,
  IT: italy,
  GB: unitedKingdom,
};

// Prefixes the IRS has never assigned to an EIN campus; a number starting with one is a typo or made up.
const UNASSIGNED_EIN_PREFIXES = new Set([
  '00', '07', '08', '09', '17', '18', '19', '28', '29', '49', '69', '70', '78', '79', '89', '96', '97',
]); // prettier-ignore

const EIN = /^(\d{2})-?(\d{7})$/;
// Countries whose rules Concord does not know: accept anything that looks like an identifier rather than
// refuse a valid number.
const GENERIC_TAX_ID = /^(?=.*[A-Z0-9])[A-Z0-9.\- ]{4,20}$/;

/** Countries whose tax IDs are checked with their own format and check digits (US EIN and VAT numbers). */
export const TAX_ID_CHECKED_COUNTRIES: readonly string[] = ['US', ...Object.keys(VAT_RULES)];

/**
 * The canonical spelling of a tax ID for a country, used for storage and exact matching:
 * upper case; VAT numbers without spaces, dots or dashes and with their country prefix (`DE136695976`);
 * US EINs as `NN-NNNNNNN`; anything else trimmed.
 */
export function normalizeTaxId(country: string, taxId: string): string {
  const countryCode = country.trim().toUpperCase();
  const upper = taxId.trim().toUpperCase();
  if (VAT_RULES[countryCode]) {
    const compact = upper.replace(/[\s.-]/g, '');
    return compact.startsWith(countryCode) ? compact : `${countryCode}${compact}`;
  }
  if (countryCode === 'US') {
    const ein = EIN.exec(upper.replace(/\s/g, ''));
    return ein ? `${ein[1]}-${ein[2]}` : upper;
  }
  return upper;
}

/** Checks a tax ID against the rules of the given ISO 3166-1 alpha-2 country. */
export function validateTaxId(country: unknown, taxId: unknown): TaxIdCheck {
  if (typeof taxId !== 'string' || taxId.trim() === '') {
    return { valid: false, reason: 'taxId must be a non-empty string' };
  }
  if (!isCountryCode(country)) {
    return { valid: false, reason: 'taxId cannot be checked without a valid ISO 3166-1 alpha-2 country' };
  }
  const value = normalizeTaxId(country, taxId);
  const vatRules = VAT_RULES[country];
  if (vatRules) {
    const foreign = foreignVatPrefix(country, taxId);
    if (foreign) return { valid: false, reason: `taxId is a VAT number of ${foreign}, not of ${country}` };
    return checkVatNumber(country, value, vatRules);
  }
  if (country === 'US') return checkEin(value);
  return GENERIC_TAX_ID.test(value)
    ? { valid: true }
    : { valid: false, reason: 'taxId must be 4-20 characters of A-Z, 0-9, dash, dot or space' };
}

function checkEin(value: string): TaxIdCheck {
  const ein = EIN.exec(value);
  if (!ein) return { valid: false, reason: 'US taxId must be an EIN written NN-NNNNNNN' };
  if (UNASSIGNED_EIN_PREFIXES.has(ein[1] ?? '')) {
    return { valid: false, reason: `US EIN prefix ${ein[1]} is not assigned by the IRS` };
  }
  return { valid: true };
}

function checkVatNumber(country: string, value: string, rules: Country): TaxIdCheck {
  const result = checkVAT(value, [rules]);
  if (result.isValid) return { valid: true };
  return {
    valid: false,
    reason: result.isValidFormat
      ? `taxId fails the ${country} VAT number check digits`
      : `taxId does not match the ${country} VAT number format`,
  };
}

// A number already valid for another VAT country is refused as such, even when prefixing it with the
// customer's country would happen to satisfy that country's looser rules (French keys may be letters).
function foreignVatPrefix(country: string, taxId: string): string | undefined {
  const compact = taxId
    .trim()
    .toUpperCase()
    .replace(/[\s.-]/g, '');
  if (compact.startsWith(country)) return undefined;
  return Object.entries(VAT_RULES).find(
    ([code, rules]) =>
      code !== country && rules && compact.startsWith(code) && checkVAT(compact, [rules]).isValid,
  )?.[0];
}
