import { Injectable } from '@nestjs/common';
import { type CustomerV1, type CustomerValidationResultDto, normalizeTaxId } from '@concord/contracts';

const EU_VAT_COUNTRIES = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]);

/**
 * Canonical validation beyond field formats: brings a customer into the normalized form every
 * later step compares on (tax ID, website host, spacing) and flags what the ERP will likely refuse.
 */
@Injectable()
export class ValidateCustomerUseCase {
  execute(customer: CustomerV1): CustomerValidationResultDto {
    const normalized: CustomerV1 = {
      ...customer,
      name: collapseSpaces(customer.name),
      ...(customer.legalName ? { legalName: collapseSpaces(customer.legalName) } : {}),
      ...(customer.taxId ? { taxId: normalizeTaxId(customer.country, customer.taxId) } : {}),
      ...(customer.website ? { website: websiteHost(customer.website) } : {}),
      ...(customer.email ? { email: customer.email.trim().toLowerCase() } : {}),
    };
    const warnings: string[] = [];
    if (!customer.taxId && EU_VAT_COUNTRIES.has(customer.country)) {
      warnings.push(
        `taxId is missing: business customers in ${customer.country} are invoiced with a VAT number`,
      );
    }
    if (!customer.address)
      warnings.push('address is missing: the ERP needs a billing address before the first invoice');
    return { valid: true, customer: normalized, warnings };
  }
}

function collapseSpaces(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

function websiteHost(website: string): string {
  const withScheme = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  try {
    return new URL(withScheme).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return website.trim().toLowerCase();
  }
}
