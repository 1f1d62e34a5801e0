import { type CustomerV1 } from '@concord/contracts';
import { type ErpCustomerData } from '../../customers/erp-customers.port.js';
import {
  type BcCustomer,
  type BcCustomerWrite,
  type BcPaymentTerms,
  type CompanyContext,
} from './business-central.types.js';

export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * Concord's own customer number, derived from the canonical ID so that every write for the same
 * customer finds the same Business Central record (`CC` + 18 hex digits: the 20-character limit).
 */
export function customerNumber(concordId: string): string {
  return `CC${concordId.replace(/-/g, '').slice(0, 18).toUpperCase()}`;
}

/** The payment terms whose due date is `days` days out (`30D`), if the company has them. */
export function paymentTermsIdFor(days: number | undefined, terms: BcPaymentTerms[]): string {
  if (days === undefined) return EMPTY_GUID;
  const match = terms.find((term) => term.dueDateCalculation.trim().toUpperCase() === `${days}D`);
  return match?.id ?? EMPTY_GUID;
}

export function paymentTermsDaysOf(id: string, terms: BcPaymentTerms[]): number | undefined {
  const term = terms.find((candidate) => candidate.id === id);
  const days = term ? /^(\d+)D$/i.exec(term.dueDateCalculation.trim())?.[1] : undefined;
  return days === undefined ? undefined : Number(days);
}

/** `<companyId>:<customerId>`: which legal entity holds the customer, and which record it is. */
export function externalIdOf(companyId: string, customerId: string): string {
  return `${companyId}:${customerId}`;
}

export function parseExternalId(externalId: string): { companyId: string; customerId: string } | undefined {
  const [companyId, customerId, ...rest] = externalId.split(':');
  return companyId && customerId && rest.length === 0 ? { companyId, customerId } : undefined;
}

/** Canonical → Business Central. A full replacement: absent optional fields are cleared. */
export function toBcCustomer(
  concordId: string,
  customer: CustomerV1,
  company: CompanyContext,
  terms: BcPaymentTerms[],
): BcCustomerWrite {
  const address = customer.address;
  return {
    number: customerNumber(concordId),
    // The ERP name is the one invoices and tax filings print: the legal name where there is one.
    displayName: customer.legalName ?? customer.name,
    addressLine1: address?.line1 ?? '',
    addressLine2: address?.line2 ?? '',
    city: address?.city ?? '',
    state: address?.region ?? '',
    country: customer.country,
    postalCode: address?.postalCode ?? '',
    phoneNumber: customer.phone ?? '',
    email: customer.email ?? '',
    website: customer.website ?? '',
    taxRegistrationNumber: customer.taxId ?? '',
    // Business Central keeps the company's local currency blank.
    currencyCode: customer.currency === company.localCurrency ? '' : customer.currency,
    paymentTermsId: paymentTermsIdFor(customer.paymentTermsDays, terms),
    blocked: customer.blocked ? 'All' : ' ',
  };
}

/** Business Central → canonical record, with the legal entity folded into `externalId`. */
export function fromBcCustomer(
  customer: BcCustomer,
  company: CompanyContext,
  terms: BcPaymentTerms[],
): ErpCustomerData {
  const record: ErpCustomerData = {
    externalId: externalIdOf(company.id, customer.id),
    sourceVersion: customer.lastModifiedDateTime,
    name: customer.displayName,
    country: customer.country,
    currency: customer.currencyCode || company.localCurrency,
  };
  if (customer.blocked && customer.blocked !== ' ') record.blocked = true;
  if (customer.taxRegistrationNumber) record.taxId = customer.taxRegistrationNumber;
  if (customer.addressLine1 && customer.city && customer.postalCode) {
    record.address = {
      line1: customer.addressLine1,
      city: customer.city,
      postalCode: customer.postalCode,
      ...(customer.addressLine2 ? { line2: customer.addressLine2 } : {}),
      ...(customer.state ? { region: customer.state } : {}),
    };
  }
  if (customer.website) record.website = customer.website;
  if (customer.email) record.email = customer.email;
  if (customer.phoneNumber) record.phone = customer.phoneNumber;
  const days = paymentTermsDaysOf(customer.paymentTermsId, terms);
  if (days !== undefined) record.paymentTermsDays = days;
  return record;
}
